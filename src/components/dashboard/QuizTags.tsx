"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/client/trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/library/buttons";
import { useRefreshLibrary } from "@/components/library/use-refresh-library";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";
import { MAX_TAG_LENGTH, MAX_TAGS_PER_QUIZ, tagKey, tagRefusal } from "@/library/tags";

/** A quiz's tags on its library row: pick one to filter the library by it, take one off, add one. */
export function QuizTags({ quizId, title, tags, onPickTag }: { quizId: string; title: string; tags: string[]; onPickTag: (key: string) => void }) {
  const t = useTranslations("teacherLibrary.tags");
  const trpc = useTRPC();
  const refreshLibrary = useRefreshLibrary();
  const refusalText = useTeacherRefusalText();
  const [adding, setAdding] = useState(false);
  const remove = useMutation(trpc.quizzes.removeTag.mutationOptions({ onSuccess: () => refreshLibrary() }));
  return (
    <div data-testid="quiz-tags" className="flex flex-wrap items-center gap-2">
      {tags.length > 0 && (
        <ul className="flex flex-wrap items-center gap-2" aria-label={t("listLabel", { title })}>
          {tags.map((tag) => (
            <li key={tag} className="flex items-center rounded-full bg-indigo-50 text-sm font-semibold text-indigo-900 ring-1 ring-indigo-200">
              <button type="button" data-testid="quiz-tag" dir="auto" onClick={() => onPickTag(tagKey(tag))} title={t("pick", { tag })} className="rounded-s-full py-0.5 ps-3 pe-1 hover:underline">
                {tag}
              </button>
              <button
                type="button"
                data-testid="quiz-tag-remove"
                aria-label={t("remove", { tag })}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ quizId, tag })}
                className="rounded-e-full py-0.5 ps-1 pe-2.5 text-indigo-800 hover:text-red-700 disabled:opacity-50"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <AddTagForm quizId={quizId} onDone={() => setAdding(false)} />
      ) : (
        tags.length < MAX_TAGS_PER_QUIZ && (
          <button type="button" data-testid="quiz-tag-add" onClick={() => setAdding(true)} className="rounded-full px-2 py-0.5 text-sm font-semibold text-indigo-700 underline-offset-4 hover:underline">
            {t("add")}
          </button>
        )
      )}
      {remove.isError && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {refusalText(remove.error.message)}
        </p>
      )}
    </div>
  );
}

function AddTagForm({ quizId, onDone }: { quizId: string; onDone: () => void }) {
  const t = useTranslations("teacherLibrary.tags");
  const trpc = useTRPC();
  const refreshLibrary = useRefreshLibrary();
  const refusalText = useTeacherRefusalText();
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [tried, setTried] = useState(false);
  const add = useMutation(
    trpc.quizzes.addTag.mutationOptions({
      onSuccess: async () => {
        await refreshLibrary();
        onDone();
      },
    }),
  );
  const refused = tagRefusal(draft);
  const problem = tried && refused ? refusalText(refused) : add.isError ? refusalText(add.error.message) : null;
  return (
    <form
      data-testid="quiz-tag-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (refused || add.isPending) return;
        add.mutate({ quizId, tag: draft });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone();
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-700">
        {t("newTag")}
      </label>
      <input
        id={inputId}
        data-testid="quiz-tag-input"
        autoFocus
        value={draft}
        maxLength={MAX_TAG_LENGTH + 10}
        placeholder={t("placeholder")}
        onChange={(event) => setDraft(event.target.value)}
        className="w-44 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
      />
      <button type="submit" data-testid="quiz-tag-save" disabled={add.isPending} className={`${PRIMARY_BUTTON} px-3 py-1 text-sm`}>
        {t("save")}
      </button>
      <button type="button" onClick={onDone} className={`${SECONDARY_BUTTON} py-1`}>
        {t("cancel")}
      </button>
      {problem && (
        <p role="alert" data-testid="quiz-tag-error" className="w-full text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </form>
  );
}
