/**
 * The languages the screens are written in, and how a request picks one: the language the student
 * or teacher chose (a cookie), else the best of the browser's languages, else English. Imports
 * nothing, so the phone's page can use it.
 */
export const LOCALES = ["en", "es", "fr", "de", "pt", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the language switcher; read on every request (no locale in the address). */
export const LOCALE_COOKIE = "quiz-locale";

/** Each language named in itself, as a switcher lists them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
  pt: "Português",
  ar: "العربية",
};

const RIGHT_TO_LEFT = new Set<Locale>(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

/**
 * The supported language an Accept-Language header prefers most ("pt-BR,pt;q=0.9,en;q=0.8" → "pt"),
 * by its weights; regional variants count as their language. Null when none is supported.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, position) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, position };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.position - b.position);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** The cookie's choice if it names a supported language, else the browser's, else English. */
export function pickLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
