"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/client/trpc";
import { tagKey } from "@/library/tags";
import type { LibraryQuiz } from "./QuizRow";

export type LibrarySort = "title" | "lastPlayed";

const SEARCH_PAUSE_MS = 250;

export interface LibraryFindState {
  text: string;
  sort: LibrarySort;
  /** A tag's key (src/library/tags.ts), or "" for every quiz. */
  tag: string;
}

/** The tags on the library's quizzes, one per key (as first found), alphabetical. */
export function libraryTags(quizzes: LibraryQuiz[]): { key: string; label: string }[] {
  const byKey = new Map<string, string>();
  for (const quiz of quizzes) for (const label of quiz.tags) if (!byKey.has(tagKey(label))) byKey.set(tagKey(label), label);
  return [...byKey].map(([key, label]) => ({ key, label })).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The quizzes the search shows, in the order asked for: a search finds words in titles and in the
 * quiz files, and the quizzes with a tag (on the server); the last played first, then the never
 * played, by title.
 */
export function useFoundQuizzes(quizzes: LibraryQuiz[], find: LibraryFindState): { shown: LibraryQuiz[]; searching: boolean } {
  const trpc = useTRPC();
  // Asked once the teacher pauses typing, not at every key.
  const [text, setText] = useState("");
  useEffect(() => {
    const settled = setTimeout(() => setText(find.text.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(settled);
  }, [find.text]);
  const asking = text !== "" || find.tag !== "";
  const search = useQuery(
    trpc.quizzes.search.queryOptions(
      { ...(text === "" ? {} : { text }), ...(find.tag === "" ? {} : { tag: find.tag }) },
      { enabled: asking, staleTime: 10_000 },
    ),
  );
  const matching = !asking ? null : search.data ? new Set(search.data.quizIds) : null;
  const found = matching ? quizzes.filter((quiz) => matching.has(quiz.quizId)) : quizzes;
  const shown = find.sort === "lastPlayed" ? [...found].sort(byLastPlayed) : found;
  return { shown, searching: find.text.trim() !== text || (asking && search.isPending) };
}

function byLastPlayed(a: LibraryQuiz, b: LibraryQuiz): number {
  if (a.lastPlayedAt !== b.lastPlayedAt) return (b.lastPlayedAt ?? "").localeCompare(a.lastPlayedAt ?? "");
  return a.title.localeCompare(b.title);
}

/** The library's search box, tag filter and sort order. */
export function LibraryFind({ find, tags, onChange }: { find: LibraryFindState; tags: { key: string; label: string }[]; onChange: (find: LibraryFindState) => void }) {
  const t = useTranslations("teacherLibrary.find");
  const tt = useTranslations("teacherLibrary.tags");
  const searchId = useId();
  const sortId = useId();
  const tagId = useId();
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
      {(tags.length > 0 || find.tag !== "") && (
        <div className="flex flex-col gap-1">
          <label htmlFor={tagId} className="text-sm font-semibold text-slate-700">
            {tt("filter")}
          </label>
          <select
            id={tagId}
            data-testid="library-tag"
            value={find.tag}
            onChange={(event) => onChange({ ...find, tag: event.target.value })}
            className="max-w-56 rounded-xl border-2 border-slate-300 bg-white px-3 py-2"
          >
            <option value="">{tt("allTags")}</option>
            {tags.map((tag) => (
              <option key={tag.key} value={tag.key} dir="auto">
                {tag.label}
              </option>
            ))}
            {find.tag !== "" && !tags.some((tag) => tag.key === find.tag) && <option value={find.tag}>{find.tag}</option>}
          </select>
        </div>
      )}
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
