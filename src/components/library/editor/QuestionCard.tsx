"use client";

import { useDeferredValue, useMemo } from "react";
import { useTranslations } from "next-intl";
import { parseQuizdown } from "@/quizdown";
import type { QuizPictures } from "@/quizdown/pictures";
import { EDITOR_KINDS, pictureOf, textWithoutPicture, withPicture, writeQuestion, type EditorKind, type EditorQuestion, type QuestionPatch } from "@/quizdown/editor-model";
import { PreviewQuestion } from "../PreviewQuestion";
import type { PreviewSettings } from "../preview-types";
import { KindFields } from "./KindFields";
import { PicturePicker, type PictureChoices } from "./PicturePicker";
import { NumberField, ProblemNotes, SelectField, SMALL_BUTTON, TextField, problemsOf, type ProblemsByField } from "./fields";

export interface QuestionActions {
  change: (patch: QuestionPatch) => void;
  changeKind: (kind: EditorKind) => void;
  move: (by: number) => void;
  duplicate: () => void;
  remove: () => void;
  openText: () => void;
}

interface QuestionCardProps {
  question: EditorQuestion;
  number: number;
  total: number;
  problems: ProblemsByField;
  settings: PreviewSettings;
  quizTitle: string;
  actions: QuestionActions;
  /** The quiz's pictures to choose from; undefined where pictures can't be added yet (a quiz not saved). */
  pictures?: PictureChoices;
}

/** One question: its toolbar, its fields (with the checker's problems beside them) and its preview. */
export function QuestionCard({ question, number, total, problems, settings, quizTitle, actions, pictures }: QuestionCardProps) {
  const t = useTranslations("teacherEditor");
  const general = problemsOf(problems, "question", "kind", "body", "hint");
  return (
    <li data-testid="editor-question" id={`editor-question-${question.id}`} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-lg font-black">{t("questionN", { number })}</h3>
        <div className="flex flex-wrap gap-1.5">
          <button type="button" data-testid="editor-move-up" data-move="up" className={SMALL_BUTTON} disabled={number === 1} aria-label={t("moveUpLabel", { number })} onClick={() => actions.move(-1)}>
            ↑ {t("moveUp")}
          </button>
          <button type="button" data-testid="editor-move-down" data-move="down" className={SMALL_BUTTON} disabled={number === total} aria-label={t("moveDownLabel", { number })} onClick={() => actions.move(1)}>
            ↓ {t("moveDown")}
          </button>
          <button type="button" data-testid="editor-duplicate" className={SMALL_BUTTON} aria-label={t("duplicateLabel", { number })} onClick={actions.duplicate}>
            {t("duplicate")}
          </button>
          <button type="button" data-testid="editor-delete" className={`${SMALL_BUTTON} text-red-800`} aria-label={t("deleteLabel", { number })} onClick={actions.remove}>
            {t("delete")}
          </button>
        </div>
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {question.notEditable ? <NotEditable question={question} problems={problems} openText={actions.openText} /> : <Fields question={question} number={number} problems={problems} actions={actions} pictures={pictures} />}
        <QuestionPreview question={question} number={number} total={total} settings={settings} quizTitle={quizTitle} pictures={pictures?.byName} />
      </div>
      {!question.notEditable && <ProblemNotes id={`question-${question.id}-notes`} problems={general} />}
    </li>
  );
}

function Fields({ question, number, problems, actions, pictures }: { question: EditorQuestion; number: number; problems: ProblemsByField; actions: QuestionActions; pictures?: PictureChoices }) {
  const t = useTranslations("teacherEditor");
  const kindOptions = EDITOR_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }));
  const usesOptions = question.kind === "choice" || question.kind === "poll";
  // The question's picture is the first line of its body: the body field shows the rest.
  const picture = pictureOf(question.body, "body");
  const bodyText = textWithoutPicture(question.body, "body");
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <TextField label={t("prompt")} value={question.prompt} testId="editor-prompt" problems={problemsOf(problems, "prompt")} onChange={(prompt) => actions.change({ prompt })} />
        <SelectField label={t("kind")} value={question.kind} options={kindOptions} testId="editor-kind" onChange={actions.changeKind} />
      </div>
      {pictures && (
        <PicturePicker
          choices={pictures}
          value={picture}
          label={t("questionPicture")}
          testId="editor-question-picture"
          onChange={(chosen) => actions.change({ body: withPicture(bodyText, chosen, "body") })}
        />
      )}
      <KindFields question={question} number={number} problems={problems} onChange={actions.change} pictures={pictures} />
      <details className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
        <summary className="cursor-pointer font-semibold text-indigo-800">{t("more")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <TextField className="sm:col-span-2" multiline label={t("body")} value={pictures ? bodyText : question.body} onChange={(body) => actions.change({ body: pictures ? withPicture(body, picture, "body") : body })} />
          <TextField className="sm:col-span-2" multiline label={t("hint")} value={question.hint} onChange={(hint) => actions.change({ hint })} />
          <NumberField label={t("questionTimeLimit")} hint={t("emptyQuizSetting")} value={question.timeLimitSec} problems={problemsOf(problems, "timeLimit")} onChange={(timeLimitSec) => actions.change({ timeLimitSec })} />
          <NumberField label={t("questionReadTime")} hint={t("emptyQuizSetting")} value={question.readTimeSec} problems={problemsOf(problems, "readTime")} onChange={(readTimeSec) => actions.change({ readTimeSec })} />
          {question.kind !== "poll" && (
            <SelectField
              label={t("points")}
              value={question.points ?? "standard"}
              problems={problemsOf(problems, "points")}
              options={[
                { value: "standard", label: t("pointsStandard") },
                { value: "double", label: t("pointsDouble") },
                { value: "none", label: t("pointsNone") },
              ]}
              onChange={(points) => actions.change({ points: points === "standard" ? null : points })}
            />
          )}
          {(question.kind === "choice" || question.kind === "order") && (
            <SelectField
              label={t("scoring")}
              value={question.scoring ?? "all-or-nothing"}
              problems={problemsOf(problems, "scoring")}
              options={[
                { value: "all-or-nothing", label: t("allOrNothing") },
                { value: "partial", label: t("partial") },
              ]}
              onChange={(scoring) => actions.change({ scoring: scoring === "all-or-nothing" ? null : scoring })}
            />
          )}
          {usesOptions && (
            <SelectField
              label={t("shuffle")}
              value={question.shuffleAnswers === null ? "quiz" : question.shuffleAnswers ? "yes" : "no"}
              problems={problemsOf(problems, "shuffleAnswers")}
              options={[
                { value: "quiz", label: t("shuffleQuiz") },
                { value: "yes", label: t("shuffleYes") },
                { value: "no", label: t("shuffleNo") },
              ]}
              onChange={(value) => actions.change({ shuffleAnswers: value === "quiz" ? null : value === "yes" })}
            />
          )}
        </div>
      </details>
    </div>
  );
}

function NotEditable({ question, problems, openText }: { question: EditorQuestion; problems: ProblemsByField; openText: () => void }) {
  const t = useTranslations("teacherEditor");
  const all = Object.values(problems);
  return (
    <div data-testid="editor-not-editable" className="flex flex-col items-start gap-3 rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300">
      <p className="font-semibold" dir="auto">
        {question.prompt}
      </p>
      <p>{question.notEditable === "unknownKind" ? t("unknownKind") : t("notRepresentable")}</p>
      <button type="button" className={SMALL_BUTTON} onClick={openText}>
        {t("openText")}
      </button>
      <ProblemNotes id={`question-${question.id}-all`} problems={{ errors: all.flatMap((p) => p?.errors ?? []), warnings: all.flatMap((p) => p?.warnings ?? []) }} />
    </div>
  );
}

/** The question as the big screen and a phone will show it, read on its own so it follows the typing. */
function QuestionPreview({ question, number, total, settings, quizTitle, pictures }: { question: EditorQuestion; number: number; total: number; settings: PreviewSettings; quizTitle: string; pictures?: QuizPictures }) {
  const t = useTranslations("teacherEditor");
  const shown = useDeferredValue(question);
  const parsed = useMemo(() => {
    const result = parseQuizdown(shown.source ?? writeQuestion(shown, "\n"), { pictures });
    return result.ok ? result.quiz.questions[0] : undefined;
  }, [shown, pictures]);
  if (!parsed) return <p className="rounded-xl bg-slate-50 p-4 text-slate-600 ring-1 ring-slate-200">{t("previewWaiting")}</p>;
  return (
    <div data-testid="editor-preview">
      <PreviewQuestion question={{ ...parsed, position: number - 1 }} number={number} total={total} quizTitle={quizTitle} settings={settings} hideLine />
    </div>
  );
}
