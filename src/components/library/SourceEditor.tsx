"use client";

import { useId, useRef } from "react";
import { QuizErrors, QuizWarnings } from "./QuizProblems";
import { SOURCE_TOO_BIG_MESSAGE } from "@/quizdown/source-rules";
import { selectTextareaLine } from "./select-line";
import type { QuizDraft } from "./use-quiz-draft";
import { useUnplayableText } from "@/components/shared/problem-text";
import { useTranslations } from "next-intl";

/** Upload a quizdown file or paste it; what is wrong shows at once, with its line. */
export function SourceEditor({ draft }: { draft: QuizDraft }) {
  const t = useTranslations("teacherLibrary.editor");
  const unplayableText = useUnplayableText();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const textareaId = useId();
  const selectLine = (line: number) => {
    if (textareaRef.current) selectTextareaLine(textareaRef.current, line);
  };
  const result = draft.result;

  return (
    <section className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="cursor-pointer rounded-xl bg-indigo-700 px-5 py-2.5 font-bold text-white focus-within:ring-4 focus-within:ring-indigo-300 hover:bg-indigo-800">
          {t("upload")}
          <input
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            data-testid="quiz-file-input"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so picking the same file again (after fixing it) reads it again.
              event.target.value = "";
              if (file) void draft.loadFile(file);
            }}
          />
        </label>
        {draft.fileName ? (
          <span data-testid="quiz-file-name" className="text-slate-700">
            {t.rich("fromFile", { name: draft.fileName, file: (chunks) => <span className="font-semibold">{chunks}</span> })}
          </span>
        ) : (
          <span className="text-slate-600">{t("orPaste")}</span>
        )}
      </div>
      {draft.fileError && (
        <p role="alert" data-testid="quiz-file-error" className="rounded-xl bg-red-50 p-3 font-medium text-red-800">
          {draft.fileError}
        </p>
      )}

      <div className="flex flex-col gap-1.5">
        <label htmlFor={textareaId} className="font-semibold text-slate-800">
          {t("text")} <span className="font-normal text-slate-500">(quizdown)</span>
        </label>
        <textarea
          id={textareaId}
          ref={textareaRef}
          data-testid="quiz-source"
          value={draft.source}
          onChange={(event) => draft.setSource(event.target.value)}
          onSelect={(event) => draft.setCursor(event.currentTarget.selectionStart)}
          spellCheck={false}
          wrap="off"
          rows={16}
          placeholder={PLACEHOLDER}
          className="min-h-64 w-full resize-y rounded-xl border border-slate-300 bg-slate-50 p-3 font-mono text-sm leading-6 text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
        />
      </div>

      {draft.tooBig && (
        <section data-testid="quiz-errors" role="alert" className="rounded-2xl border-2 border-red-300 bg-red-50 p-4 font-medium text-red-900">
          <p data-testid="quiz-error">{SOURCE_TOO_BIG_MESSAGE}</p>
        </section>
      )}
      {result && !result.ok && (
        <>
          <QuizErrors errors={result.errors} onSelectLine={selectLine} />
          <QuizWarnings warnings={result.warnings ?? []} onSelectLine={selectLine} />
        </>
      )}
      {result?.ok && (
        <>
          <p data-testid="quiz-ready" className="rounded-xl bg-emerald-50 p-3 font-semibold text-emerald-900">
            ✓ {t("ready", { title: draft.title ?? "", count: result.quiz.questions.length })}
          </p>
          {!result.quiz.playable && (
            <p data-testid="quiz-unplayable" className="rounded-xl bg-amber-50 p-3 font-medium text-amber-900">
              {t("savedNotHosted", { reason: unplayableText(result.quiz.unplayableReason ?? "") })}
            </p>
          )}
          <QuizWarnings warnings={result.warnings} onSelectLine={selectLine} />
        </>
      )}
    </section>
  );
}

const PLACEHOLDER = `---
title: Planets
timeLimit: 20
---

## Which planet is largest?

- [ ] Mars
- [x] Jupiter
- [ ] Venus`;
