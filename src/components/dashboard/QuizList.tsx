"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { QuizRow, type LibraryQuiz } from "./QuizRow";
import { LibraryFind, libraryTags, useFoundQuizzes, type LibraryFindState } from "./LibraryFind";

/** The teacher's own quizzes first, then the shared ones from content/; a search, a tag filter and a sort order over both. */
export function QuizList({ quizzes }: { quizzes: LibraryQuiz[] }) {
  const t = useTranslations("teacherLibrary.library");
  const [find, setFind] = useState<LibraryFindState>({ text: "", sort: "title", tag: "" });
  const { shown, searching } = useFoundQuizzes(quizzes, find);
  const own = shown.filter((quiz) => quiz.editable);
  const shared = shown.filter((quiz) => !quiz.editable);
  // While a search shows its matches, an empty section is left out rather than explained.
  const filtering = (find.text.trim() !== "" || find.tag !== "") && !searching;
  const tags = libraryTags(quizzes);
  const tagLabel = tags.find((tag) => tag.key === find.tag)?.label ?? find.tag;

  return (
    <div data-testid="quiz-list" className="flex flex-col gap-8">
      <LibraryFind find={find} tags={tags} onChange={setFind} />
      {filtering && shown.length === 0 && (
        <p role="status" data-testid="library-no-match" className="rounded-2xl bg-white p-6 text-slate-700 shadow-sm">
          {find.text.trim() === ""
            ? t("noTagMatch", { tag: tagLabel })
            : find.tag === ""
              ? t("noMatch", { text: find.text.trim() })
              : t("noMatchWithTag", { text: find.text.trim(), tag: tagLabel })}
        </p>
      )}

      {!(filtering && own.length === 0) && (
        <section data-testid="own-quizzes" className="flex flex-col gap-3">
          <h2 className="text-xl font-black tracking-tight">{t("own")}</h2>
          {own.length === 0 ? (
            <p data-testid="no-own-quizzes" className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-slate-700">
              {t.rich("noOwn", {
                add: (chunks) => (
                  <Link href="/quizzes/new" className="font-semibold text-indigo-700 underline underline-offset-4">
                    {chunks}
                  </Link>
                ),
                code: (chunks) => <code className="font-mono">{chunks}</code>,
              })}
            </p>
          ) : (
            <ul className="flex flex-col gap-3">
              {own.map((quiz) => (
                <QuizRow key={quiz.quizId} quiz={quiz} onPickTag={(tag) => setFind({ ...find, tag })} />
              ))}
            </ul>
          )}
        </section>
      )}

      {!(filtering && shared.length === 0) && (
        <section data-testid="shared-quizzes" className="flex flex-col gap-3">
          <div>
            <h2 className="text-xl font-black tracking-tight">{t("shared")}</h2>
            <p className="text-sm text-slate-600">{t("sharedIntro")}</p>
          </div>
          {shared.length === 0 ? (
            <p data-testid="no-quizzes" className="rounded-2xl bg-white p-6 text-slate-700 shadow-sm">
              {t.rich("noShared", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
            </p>
          ) : (
            <ul className="flex flex-col gap-3">
              {shared.map((quiz) => (
                <QuizRow key={quiz.quizId} quiz={quiz} onPickTag={(tag) => setFind({ ...find, tag })} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
