"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { authClient } from "@/client/auth-client";
import { authErrorMessage, safeNextPath } from "./auth-messages";

const PASSWORD_MIN_LENGTH = 8;

/** Sign up or sign in with email and password (better-auth does the hashing, sessions and CSRF checks). */
export function AuthForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const next = safeNextPath(params.get("next"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === "sign-up";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    if (signingUp && name === "") return setError("Please type your name (students don't see it).");
    if (signingUp && password.length < PASSWORD_MIN_LENGTH) return setError(`Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`);
    setBusy(true);
    setError(null);
    const result = signingUp ? await authClient.signUp.email({ name, email, password }) : await authClient.signIn.email({ email, password });
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
      </header>
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
          {signingUp && <span className="text-sm font-normal text-slate-500">At least {PASSWORD_MIN_LENGTH} characters.</span>}
        </label>
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
      <Link href={`${other.href}${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`} data-testid="auth-switch" className="text-center font-semibold text-indigo-700 hover:underline">
        {other.text}
      </Link>
    </main>
  );
}
