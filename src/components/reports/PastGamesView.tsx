"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/client/trpc";
import { Pagination } from "./Pagination";
import { PastGamesTable } from "./PastGamesTable";
import { QuizFilter } from "./QuizFilter";

import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

const PAGE_SIZE = 20;

/**
 * The teacher's saved games, newest first, a page at a time, optionally for one quiz. The page and
 * the quiz live in the address (?quiz=…&page=…), so Back from a report returns to the same page.
 */
export function PastGamesView() {
  const t = useTranslations("teacherReports.pastGames");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const quizId = searchParams.get("quiz") ?? "";
  const page = Math.max(1, Math.floor(Number(searchParams.get("page")) || 1));
  const [notice, setNotice] = useState("");

  const list = useQuery({
    ...trpc.pastGames.list.queryOptions({ quizId: quizId || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const go = (next: { quizId?: string; page?: number }) => {
    const params = new URLSearchParams();
    const nextQuiz = next.quizId ?? quizId;
    const nextPage = next.page ?? page;
    if (nextQuiz) params.set("quiz", nextQuiz);
    if (nextPage > 1) params.set("page", String(nextPage));
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const total = list.data?.total ?? 0;
  const pageSize = list.data?.pageSize ?? PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));

  // Past the last page (the last game of the page was deleted, or an old link): show the last page.
  useEffect(() => {
    if (list.data && !list.isPlaceholderData && page > pageCount) {
      const params = new URLSearchParams(searchParams.toString());
      if (pageCount > 1) params.set("page", String(pageCount));
      else params.delete("page");
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    }
  }, [list.data, list.isPlaceholderData, page, pageCount, pathname, router, searchParams]);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-black tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </header>

      <p role="status" className={notice ? "rounded-xl bg-green-50 p-3 font-medium text-green-900" : "sr-only"}>
        {notice}
      </p>

      {list.isPending && <p className="text-slate-600">{t("loading")}</p>}
      {list.isError && (
        <p role="alert" data-testid="past-games-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          {t("loadError", { message: refusalText(list.error.message) })}
        </p>
      )}

      {list.data && (
        <>
          {(list.data.quizzes.length > 0 || quizId) && (
            <div className="flex flex-wrap items-end justify-between gap-3">
              <QuizFilter quizzes={list.data.quizzes} value={quizId} onChange={(id) => go({ quizId: id, page: 1 })} />
              <p className="text-slate-600" aria-live="polite">
                {quizId ? t("countOfQuiz", { count: total }) : t("count", { count: total })}
              </p>
            </div>
          )}

          {list.data.games.length === 0 && total > 0 ? (
            <p className="text-slate-600">{t("loading")}</p>
          ) : list.data.games.length === 0 ? (
            <EmptyState filtered={quizId !== ""} onClear={() => go({ quizId: "", page: 1 })} />
          ) : (
            <div className={`flex flex-col gap-4 ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isPlaceholderData}>
              <PastGamesTable games={list.data.games} onDeleted={setNotice} />
              {pageCount > 1 && <Pagination page={page} pageCount={pageCount} onPage={(next) => go({ page: next })} disabled={list.isFetching} />}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useTranslations("teacherReports.pastGames");
  return (
    <div data-testid="past-games-empty" className="rounded-2xl bg-white p-6 text-slate-700 shadow-sm ring-1 ring-slate-200">
      {filtered ? (
        <p>
          {t("noneOfQuiz")}{" "}
          <button type="button" onClick={onClear} className="font-semibold text-indigo-800 underline">
            {t("showAll")}
          </button>
        </p>
      ) : (
        <p>
          {t("none")}{" "}
          <Link href="/" className="font-semibold text-indigo-800 underline">
            {t("pickQuiz")}
          </Link>
        </p>
      )}
    </div>
  );
}
