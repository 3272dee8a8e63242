"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/client/trpc";
import type { LibraryQuiz } from "./QuizRow";

export type LibrarySort = "title" | "lastPlayed";

const SEARCH_PAUSE_MS = 250;

export interface LibraryFindState {
  text: string;
  sort: LibrarySort;
}

/**
 * The quizzes the search shows, in the order asked for: a search finds words in titles and in the
 * quiz files (on the server); the last played first, then the never played, by title.
 */
export function useFoundQuizzes(quizzes: LibraryQuiz[], find: LibraryFindState): { shown: LibraryQuiz[]; searching: boolean } {
  const trpc = useTRPC();
  // Asked once the teacher pauses typing, not at every key.
  const [text, setText] = useState("");
  useEffect(() => {
    const settled = setTimeout(() => setText(find.text.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(settled);
  }, [find.text]);
  const search = useQuery(trpc.quizzes.search.queryOptions({ text }, { enabled: text !== "", staleTime: 10_000 }));
  const matching = text === "" ? null : search.data ? new Set(search.data.quizIds) : null;
  const found = matching ? quizzes.filter((quiz) => matching.has(quiz.quizId)) : quizzes;
  const shown = find.sort === "lastPlayed" ? [...found].sort(byLastPlayed) : found;
  return { shown, searching: find.text.trim() !== text || (text !== "" && search.isPending) };
}

function byLastPlayed(a: LibraryQuiz, b: LibraryQuiz): number {
  if (a.lastPlayedAt !== b.lastPlayedAt) return (b.lastPlayedAt ?? "").localeCompare(a.lastPlayedAt ?? "");
  return a.title.localeCompare(b.title);
}

/** The library's search box and sort order. */
export function LibraryFind({ find, onChange }: { find: LibraryFindState; onChange: (find: LibraryFindState) => void }) {
  const t = useTranslations("teacherLibrary.find");
  const searchId = useId();
  const sortId = useId();
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={searchId} className="text-sm font-semibold text-slate-700">
          {t("search")}
        </label>
        <input
          id={searchId}
          type="search"
          data-testid="library-search"
          value={find.text}
          maxLength={200}
          placeholder={t("searchPlaceholder")}
          onChange={(event) => onChange({ ...find, text: event.target.value })}
          className="rounded-xl border-2 border-slate-300 bg-white px-3 py-2 focus:border-indigo-600 focus:outline-none"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={sortId} className="text-sm font-semibold text-slate-700">
          {t("sort")}
        </label>
        <select
          id={sortId}
          data-testid="library-sort"
          value={find.sort}
          onChange={(event) => onChange({ ...find, sort: event.target.value as LibrarySort })}
          className="rounded-xl border-2 border-slate-300 bg-white px-3 py-2"
        >
          <option value="title">{t("byTitle")}</option>
          <option value="lastPlayed">{t("byLastPlayed")}</option>
        </select>
      </div>
    </div>
  );
}
