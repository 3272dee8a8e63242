"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { isLocale, LANGUAGE_NAMES, LOCALE_COOKIE, LOCALES, textDirection } from "@/i18n/locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * A native select (keyboard and screen readers know it) listing each language in itself. The choice
 * is kept in a cookie the server reads on every request; the page re-renders in place, so a phone
 * keeps its game and a half-typed nickname.
 */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const [changing, startTransition] = useTransition();

  const choose = (value: string) => {
    if (!isLocale(value)) return;
    document.cookie = `${LOCALE_COOKIE}=${value}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    document.documentElement.lang = value;
    document.documentElement.dir = textDirection(value);
    startTransition(() => router.refresh());
  };

  return (
    <label className={`flex items-center gap-1.5 ${className}`}>
      <span className="sr-only">{t("label")}</span>
      <GlobeIcon />
      <select
        data-testid="language-switcher"
        value={locale}
        disabled={changing}
        onChange={(event) => choose(event.target.value)}
        className="rounded-lg border border-current/40 bg-transparent px-2 py-1 text-sm font-semibold text-current focus-visible:ring-4 focus-visible:ring-amber-300 focus-visible:outline-none [&>option]:text-indigo-950"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
    </svg>
  );
}
