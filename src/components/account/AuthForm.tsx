"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  INVITE_EXPIRED_MESSAGE,
  INVITE_UNKNOWN_MESSAGE,
  INVITE_USED_MESSAGE,
  SIGN_UP_CLOSED_MESSAGE,
} from "@/accounts/sign-up-messages";
import { authClient } from "@/client/auth-client";
import { useTRPC } from "@/client/trpc";
import { authErrorMessage, safeNextPath } from "./auth-messages";

const PASSWORD_MIN_LENGTH = 8;

const INVITE_PROBLEMS = { used: INVITE_USED_MESSAGE, expired: INVITE_EXPIRED_MESSAGE, unknown: INVITE_UNKNOWN_MESSAGE } as const;

/** Extra fields the server's sign-up gate reads (server/accounts/sign-up-gate.ts). */
type SignUpBody = Parameters<typeof authClient.signUp.email>[0] & { inviteToken?: string; schoolCode?: string };

/** Sign up or sign in with email and password (better-auth does the hashing, sessions and CSRF checks). */
export function AuthForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const next = safeNextPath(params.get("next"));
  const [error, setError] = useState<string | null>(null);
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
    if (signingUp && name === "") return setError("Please type your name (students don't see it).");
    if (signingUp && askSchoolCode && schoolCode === "") return setError("Please type your school's sign-up code (your school's quiz admin has it).");
    if (signingUp && password.length < PASSWORD_MIN_LENGTH) return setError(`Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`);
    setBusy(true);
    setError(null);
    const body: SignUpBody = { name, email, password, ...(invite === "valid" ? { inviteToken } : {}), ...(askSchoolCode ? { schoolCode } : {}) };
    const result = signingUp ? await authClient.signUp.email(body) : await authClient.signIn.email({ email, password });
    if (result.error) {
      setBusy(false);
      return setError(authErrorMessage(result.error));
    }
    // Drop everything cached as the anonymous visitor (above all "not signed in"), so the next page asks afresh.
    queryClient.clear();
    router.replace(next);
  }

  const other = signingUp ? { href: "/sign-in", text: "Already have an account? Sign in" } : { href: "/sign-up", text: "New here? Create a teacher account" };
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <p className="text-lg font-black tracking-tight text-indigo-900">Classroom Quiz</p>
        <h1 className="mt-2 text-3xl font-black tracking-tight">{signingUp ? "Create your teacher account" : "Sign in"}</h1>
        <p className="mt-2 text-slate-600">
          {signingUp
            ? "Teachers sign in to host games and review results. Students never need an account: they join with the room code."
            : "Sign in to host a game or review past results."}
        </p>
        {signingUp && options.data?.firstAccount && (
          <p data-testid="first-account-note" className="mt-2 rounded-lg bg-indigo-50 p-3 text-indigo-900">
            This is the first account on this server, so it becomes the quiz admin: only you decide who else may make a teacher account.
          </p>
        )}
      </header>
      {signingUp && (inviteProblem || closed) && (
        <p role="alert" data-testid="sign-up-closed" className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900">
          {inviteProblem ?? SIGN_UP_CLOSED_MESSAGE}
        </p>
      )}
      {!(signingUp && (closed || options.isPending)) && (
      <form onSubmit={submit} className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
        {signingUp && (
          <label className="flex flex-col gap-1 font-semibold">
            Your name
            <input name="name" data-testid="auth-name" autoComplete="name" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
          </label>
        )}
        <label className="flex flex-col gap-1 font-semibold">
          Email
          <input name="email" type="email" data-testid="auth-email" autoComplete="email" required className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          Password
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
              At least {PASSWORD_MIN_LENGTH} characters. A few words you will remember are best; common passwords are refused.
            </span>
          )}
        </label>
        {askSchoolCode && (
          <label className="flex flex-col gap-1 font-semibold">
            School sign-up code
            <input name="schoolCode" data-testid="auth-school-code" autoComplete="off" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
            <span className="text-sm font-normal text-slate-500">Your school&apos;s quiz admin has it (or can send you an invite link instead).</span>
          </label>
        )}
        {error && (
          <p role="alert" data-testid="auth-error" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">
            {error}
          </p>
        )}
        <button
          type="submit"
          data-testid="auth-submit"
          disabled={busy}
          className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white hover:bg-indigo-800 disabled:bg-slate-400"
        >
          {busy ? "One moment…" : signingUp ? "Create account" : "Sign in"}
        </button>
      </form>
      )}
      <Link href={`${other.href}${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`} data-testid="auth-switch" className="text-center font-semibold text-indigo-700 hover:underline">
        {other.text}
      </Link>
    </main>
  );
}
