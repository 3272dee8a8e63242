"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { authClient } from "@/client/auth-client";
import { isDatabaseUnreachable } from "@/client/database-unreachable";
import { useTRPC, type RouterOutputs } from "@/client/trpc";
import { DatabaseUnreachable } from "@/components/shared/DatabaseUnreachable";
import { LanguageSwitcher } from "@/components/shared/LanguageSwitcher";

export type SignedInTeacher = NonNullable<RouterOutputs["account"]["status"]["teacher"]>;

const NAV = [
  { href: "/", label: "quizzes", testId: "nav-quizzes" },
  { href: "/games", label: "pastGames", testId: "nav-past-games" },
  { href: "/assignments", label: "homework", testId: "nav-homework" },
] as const;

/**
 * Frame of every teacher page: the navigation and the sign-in gate. An anonymous visitor is sent to
 * sign up (on a new install) or sign in, and comes back here afterwards.
 */
export function TeacherPage({ children, wide = false }: { children: (teacher: SignedInTeacher) => ReactNode; wide?: boolean }) {
  const t = useTranslations("teacherCommon");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const status = useQuery(trpc.account.status.queryOptions());
  const teacher = status.data?.teacher ?? null;

  useEffect(() => {
    // Only on a fresh answer: a cached "not signed in" from before signing in must not bounce the teacher back.
    if (!status.data || status.data.teacher || status.isFetching) return;
    const next = encodeURIComponent(pathname + window.location.search);
    router.replace(`${status.data.hasTeachers ? "/sign-in" : "/sign-up"}?next=${next}`);
  }, [status.data, status.isFetching, pathname, router]);

  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <nav className={`mx-auto flex w-full ${wide ? "max-w-6xl" : "max-w-4xl"} flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-8`}>
          <Link href="/" className="text-lg font-black tracking-tight text-indigo-900">
            Classroom Quiz
          </Link>
          {NAV.map((item) => {
            const active = item.href === "/" ? pathname === "/" || pathname.startsWith("/quizzes") : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                data-testid={item.testId}
                aria-current={active ? "page" : undefined}
                className={`font-semibold ${active ? "text-indigo-700 underline underline-offset-8" : "text-slate-700 hover:text-indigo-700"}`}
              >
                {t(`nav.${item.label}`)}
              </Link>
            );
          })}
          {teacher?.isAdmin && (
            <Link
              href="/admin"
              data-testid="nav-admin"
              aria-current={pathname.startsWith("/admin") ? "page" : undefined}
              className={`font-semibold ${pathname.startsWith("/admin") ? "text-indigo-700 underline underline-offset-8" : "text-slate-700 hover:text-indigo-700"}`}
            >
              {t("nav.teachers")}
            </Link>
          )}
          <span className="flex-1" />
          <Link href="/join" data-testid="join-link" className="font-semibold text-slate-700 hover:text-indigo-700">
            {t("nav.join")}
          </Link>
          <LanguageSwitcher className="text-slate-700" />
          {teacher && <SignOut teacher={teacher} />}
        </nav>
      </header>
      <main className={`mx-auto flex w-full ${wide ? "max-w-6xl" : "max-w-4xl"} flex-col gap-6 px-4 py-8 sm:px-8`}>
        <DatabaseUnreachable />
        {status.isError && !isDatabaseUnreachable(status.error) && (
          <p role="alert" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
            {t("serverUnreachable", { message: status.error.message })}
          </p>
        )}
        {teacher ? children(teacher) : <p className="text-slate-600">{t("loading")}</p>}
      </main>
    </div>
  );
}

function SignOut({ teacher }: { teacher: SignedInTeacher }) {
  const t = useTranslations("teacherCommon");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <span className="flex items-center gap-3 text-sm text-slate-600">
      <span data-testid="teacher-name">{teacher.name}</span>
      <button
        type="button"
        data-testid="sign-out"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await authClient.signOut();
          queryClient.clear();
          router.replace("/sign-in");
        }}
        className="rounded-lg border border-slate-300 px-3 py-1 font-semibold text-slate-700 hover:border-indigo-500"
      >
        {t("signOut")}
      </button>
    </span>
  );
}
