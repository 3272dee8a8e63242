"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { DEFAULT_READ_TIME_SEC, DEFAULT_TIME_LIMIT_SEC, type QuizdownProblem } from "@/quizdown";
import {
  addQuestion,
  changeKind,
  deleteQuestion,
  duplicateQuestion,
  EDITOR_KINDS,
  locateProblems,
  moveQuestion,
  readEditorQuiz,
  updateQuestion,
  updateSetting,
  writeEditorQuiz,
  type EditorField,
  type EditorKind,
  type EditorQuiz,
} from "@/quizdown/editor-model";
import type { PreviewSettings } from "../preview-types";
import type { QuizDraft } from "../use-quiz-draft";
import { NumberField, ProblemNotes, SMALL_BUTTON, TextField, type FieldProblems, type ProblemsByField } from "./fields";
import type { PictureChoices } from "./PicturePicker";
import { QuestionCard, type QuestionActions } from "./QuestionCard";

/**
 * The quiz as fields: settings, then each question. Every edit is written straight back to the
 * quiz text (the source of truth); a change made in the Text tab is read back here.
 */
export function VisualEditor({ draft, fallbackTitle, openText, pictures }: { draft: QuizDraft; fallbackTitle: string; openText: () => void; pictures?: PictureChoices }) {
  const t = useTranslations("teacherEditor");
  const [synced, setSynced] = useState(() => ({ source: draft.source, quiz: readEditorQuiz(draft.source) }));
  let quiz = synced.quiz;
  if (synced.source !== draft.source) {
    // The text changed elsewhere (the Text tab, a file, a restored draft): read it again.
    quiz = readEditorQuiz(draft.source);
    setSynced({ source: draft.source, quiz });
  }
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    // Another render (the checker catching up) may commit first: wait for the one that has the element.
    const element = document.querySelector<HTMLElement>(focusAfter.current);
    if (!element) return;
    element.focus();
    focusAfter.current = null;
  });

  const apply = (next: EditorQuiz, focus?: string) => {
    const text = writeEditorQuiz(next);
    setSynced({ source: text, quiz: next });
    draft.setSource(text);
    if (focus) focusAfter.current = focus;
  };

  const located = useLocatedProblems(draft);
  const settings = quiz.header.settings;
  const previewSettings: PreviewSettings = draft.result?.ok
    ? draft.result.quiz.settings
    : {
        timeLimitSec: settings.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC,
        readTimeSec: settings.readTimeSec ?? DEFAULT_READ_TIME_SEC,
        shuffleAnswers: settings.shuffleAnswers ?? true,
        shuffleQuestions: settings.shuffleQuestions ?? false,
      };
  const title = settings.title || fallbackTitle;

  const actionsFor = (id: string): QuestionActions => ({
    change: (patch) => apply(updateQuestion(quiz, id, patch)),
    changeKind: (kind) => apply(changeKind(quiz, id, kind)),
    move: (by) => {
      const index = quiz.questions.findIndex((q) => q.id === id);
      const to = index + by;
      const edge = to === 0 || to === quiz.questions.length - 1;
      // Keeps the keyboard on the question that moved (the button it pressed, or its twin at an end).
      const button = by < 0 ? (edge ? "down" : "up") : edge ? "up" : "down";
      apply(moveQuestion(quiz, id, by), `#editor-question-${id} [data-move="${button}"]`);
    },
    duplicate: () => {
      const next = duplicateQuestion(quiz, id);
      const copy = next.questions[next.questions.findIndex((q) => q.id === id) + 1]!;
      apply(next, `#editor-question-${copy.id} [data-testid="editor-prompt"]`);
    },
    remove: () => {
      const index = quiz.questions.findIndex((q) => q.id === id);
      const next = deleteQuestion(quiz, id);
      const neighbour = next.questions[Math.min(index, next.questions.length - 1)];
      apply(next, neighbour ? `#editor-question-${neighbour.id} [data-testid="editor-prompt"]` : '[data-testid="editor-add-choice"]');
    },
    openText,
  });

  const add = (kind: EditorKind) => {
    const next = addQuestion(quiz, kind);
    const added = next.questions[next.questions.length - 1]!;
    apply(next, `#editor-question-${added.id} [data-testid="editor-prompt"]`);
  };

  return (
    <div data-testid="visual-editor" className="flex flex-col gap-5">
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 text-xl font-black">{t("settingsTitle")}</h2>
        {quiz.header.editable ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField className="sm:col-span-2" label={t("title")} value={settings.title} testId="editor-title" problems={located.quizProblems} onChange={(value) => apply(updateSetting(quiz, "title", value))} />
            <NumberField label={t("timeLimit")} hint={t("defaultSeconds", { seconds: DEFAULT_TIME_LIMIT_SEC })} value={settings.timeLimitSec} testId="editor-time-limit" onChange={(value) => apply(updateSetting(quiz, "timeLimitSec", value))} />
            <NumberField label={t("readTime")} hint={t("defaultSeconds", { seconds: DEFAULT_READ_TIME_SEC })} value={settings.readTimeSec} testId="editor-read-time" onChange={(value) => apply(updateSetting(quiz, "readTimeSec", value))} />
            <label className="flex items-center gap-2 font-semibold text-slate-800">
              <input type="checkbox" className="h-5 w-5 accent-indigo-700" checked={settings.shuffleQuestions === true} onChange={(e) => apply(updateSetting(quiz, "shuffleQuestions", e.target.checked ? true : null))} />
              {t("shuffleQuestions")}
            </label>
            <label className="flex items-center gap-2 font-semibold text-slate-800">
              <input type="checkbox" className="h-5 w-5 accent-indigo-700" checked={settings.shuffleAnswers !== false} onChange={(e) => apply(updateSetting(quiz, "shuffleAnswers", e.target.checked ? null : false))} />
              {t("shuffleAnswers")}
            </label>
          </div>
        ) : (
          <div className="flex flex-col items-start gap-2">
            <p data-testid="editor-settings-not-editable" className="text-amber-900">
              {t("settingsInText")}
            </p>
            <button type="button" className={SMALL_BUTTON} onClick={openText}>
              {t("openText")}
            </button>
            <ProblemNotes id="editor-quiz-problems" problems={located.quizProblems} />
          </div>
        )}
      </section>

      {quiz.questions.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-5" aria-label={t("questionsLabel")}>
          {quiz.questions.map((question, index) => (
            <QuestionCard
              key={question.id}
              question={question}
              number={index + 1}
              total={quiz.questions.length}
              problems={located.questions[index] ?? {}}
              settings={previewSettings}
              quizTitle={title}
              actions={actionsFor(question.id)}
              pictures={pictures}
            />
          ))}
        </ol>
      )}

      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="editor-add-title">
        <h2 id="editor-add-title" className="mb-3 text-xl font-black">
          {t("addTitle")}
        </h2>
        <div className="flex flex-wrap gap-2">
          {EDITOR_KINDS.map((kind) => (
            <button key={kind} type="button" data-testid={`editor-add-${kind}`} className="rounded-lg bg-indigo-700 px-4 py-2 font-bold text-white hover:bg-indigo-800 focus:ring-4 focus:ring-indigo-300 focus:outline-none" onClick={() => add(kind)}>
              + {t(`kinds.${kind}`)}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}

/** The checker's problems on the text as last parsed, placed by question and field. */
function useLocatedProblems(draft: QuizDraft): { quizProblems: FieldProblems; questions: ProblemsByField[] } {
  const { result, parsedSource } = draft;
  return useMemo(() => {
    if (!result) return { quizProblems: { errors: [], warnings: [] }, questions: [] };
    const errors = result.ok ? [] : result.errors;
    const byErrors = locateProblems(parsedSource, errors);
    const byWarnings = locateProblems(parsedSource, result.warnings);
    const questions = byErrors.questions.map((fields, index) => merge(fields, byWarnings.questions[index] ?? {}));
    return { quizProblems: { errors: byErrors.quiz, warnings: byWarnings.quiz }, questions };
  }, [result, parsedSource]);
}

function merge(errors: Partial<Record<EditorField, QuizdownProblem[]>>, warnings: Partial<Record<EditorField, QuizdownProblem[]>>): ProblemsByField {
  const merged: ProblemsByField = {};
  for (const field of new Set([...Object.keys(errors), ...Object.keys(warnings)]) as Set<EditorField>) {
    merged[field] = { errors: errors[field] ?? [], warnings: warnings[field] ?? [] };
  }
  return merged;
}
