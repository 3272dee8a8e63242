"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "@/client/auth-client";
import { useTRPC } from "@/client/trpc";
import { LanguageSwitcher } from "@/components/shared/LanguageSwitcher";
import { authError, safeNextPath, type AuthError } from "./auth-messages";

const PASSWORD_MIN_LENGTH = 8;

const INVITE_PROBLEMS = { used: "inviteUsed", expired: "inviteExpired", unknown: "inviteUnknown" } as const;

/** Extra fields the server's sign-up gate reads (server/accounts/sign-up-gate.ts). */
type SignUpBody = Parameters<typeof authClient.signUp.email>[0] & { inviteToken?: string; schoolCode?: string };

/** Sign up or sign in with email and password (better-auth does the hashing, sessions and CSRF checks). */
export function AuthForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const t = useTranslations("teacherAuth");
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const next = safeNextPath(params.get("next"));
  const [error, setError] = useState<AuthError | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === "sign-up";
  const trpc = useTRPC();
  const inviteToken = params.get("invite") ?? undefined;
  const options = useQuery({ ...trpc.account.signUpOptions.queryOptions(inviteToken ? { inviteToken } : undefined), enabled: signingUp });
  const invite = options.data?.invite ?? null;
  const inviteProblem = invite && invite !== "valid" ? INVITE_PROBLEMS[invite] : null;
  const askSchoolCode = Boolean(options.data && !options.data.firstAccount && invite !== "valid" && options.data.schoolCodeEnabled);
  const closed = Boolean(options.data && !options.data.firstAccount && invite !== "valid" && !options.data.schoolCodeEnabled);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    const schoolCode = String(form.get("schoolCode") ?? "").trim();
    if (signingUp && name === "") return setError({ key: "nameMissing" });
    if (signingUp && askSchoolCode && schoolCode === "") return setError({ key: "schoolCodeMissing" });
    if (signingUp && password.length < PASSWORD_MIN_LENGTH) return setError({ key: "passwordTooShort" });
    setBusy(true);
    setError(null);
    const body: SignUpBody = { name, email, password, ...(invite === "valid" ? { inviteToken } : {}), ...(askSchoolCode ? { schoolCode } : {}) };
    const result = signingUp ? await authClient.signUp.email(body) : await authClient.signIn.email({ email, password });
    if (result.error) {
      setBusy(false);
      return setError(authError(result.error));
    }
    // Drop everything cached as the anonymous visitor (above all "not signed in"), so the next page asks afresh.
    queryClient.clear();
    router.replace(next);
  }

  const other = signingUp ? { href: "/sign-in", text: t("toSignIn") } : { href: "/sign-up", text: t("toSignUp") };
  const errorText = !error ? null : error.key === null ? error.message : t(`errors.${error.key}`, { min: PASSWORD_MIN_LENGTH, message: error.message ?? "" });
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-lg font-black tracking-tight text-indigo-900">Classroom Quiz</p>
          <LanguageSwitcher className="text-slate-700" />
        </div>
        <h1 className="mt-2 text-3xl font-black tracking-tight">{signingUp ? t("signUpTitle") : t("signInTitle")}</h1>
        <p className="mt-2 text-slate-600">{signingUp ? t("signUpIntro") : t("signInIntro")}</p>
        {signingUp && options.data?.firstAccount && (
          <p data-testid="first-account-note" className="mt-2 rounded-lg bg-indigo-50 p-3 text-indigo-900">
            {t("firstAccount")}
          </p>
        )}
      </header>
      {signingUp && (inviteProblem || closed) && (
        <p role="alert" data-testid="sign-up-closed" className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900">
          {t(`errors.${inviteProblem ?? "signUpClosed"}`)}
        </p>
      )}
      {!(signingUp && (closed || options.isPending)) && (
      <form onSubmit={submit} className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        {signingUp && (
          <label className="flex flex-col gap-1 font-semibold">
            {t("name")}
            <input name="name" data-testid="auth-name" autoComplete="name" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
          </label>
        )}
        <label className="flex flex-col gap-1 font-semibold">
          {t("email")}
          <input name="email" type="email" data-testid="auth-email" autoComplete="email" required className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          {t("password")}
          <input
            name="password"
            type="password"
            data-testid="auth-password"
            autoComplete={signingUp ? "new-password" : "current-password"}
            required
            className="rounded-lg border border-slate-300 px-3 py-2 font-normal"
          />
          {signingUp && (
            <span className="text-sm font-normal text-slate-500">
              {t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
            </span>
          )}
        </label>
        {askSchoolCode && (
          <label className="flex flex-col gap-1 font-semibold">
            {t("schoolCode")}
            <input name="schoolCode" data-testid="auth-school-code" autoComplete="off" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
            <span className="text-sm font-normal text-slate-500">{t("schoolCodeHint")}</span>
          </label>
        )}
        {error && (
          <p role="alert" data-testid="auth-error" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
            {errorText}
          </p>
        )}
        <button
          type="submit"
          data-testid="auth-submit"
          disabled={busy}
          className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white hover:bg-indigo-800 disabled:bg-slate-400"
        >
          {busy ? t("busy") : signingUp ? t("signUpSubmit") : t("signInSubmit")}
        </button>
      </form>
      )}
      <Link href={`${other.href}${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`} data-testid="auth-switch" className="text-center font-semibold text-indigo-700 hover:underline">
        {other.text}
      </Link>
    </main>
  );
}
