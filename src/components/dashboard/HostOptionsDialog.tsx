"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from "react";
import { createPortal } from "react-dom";
import { saveHostSecret } from "@/client/host-secret";
import { useTRPC } from "@/client/trpc";
import { changedHostOptions, defaultHostOptions, hostOptionProblems, type HostableQuiz, type HostOptionsForm, type OptionProblem } from "./host-options";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** The options of one game, prefilled from the quiz file; starting creates the game and opens its host screen. */
export function HostOptionsDialog({ quiz, onClose }: { quiz: HostableQuiz; onClose: () => void }) {
  const t = useTranslations("hostOptions");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const titleId = useId();
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const defaults = useMemo(() => defaultHostOptions(quiz), [quiz]);
  const [form, setForm] = useState<HostOptionsForm>(defaults);
  const problems = hostOptionProblems(form, quiz.questionCount);
  const problemText = (problem: OptionProblem | undefined) => (problem ? t(problem.key, problem) : undefined);
  const valid = Object.keys(problems).length === 0;
  const createGame = useMutation(
    trpc.games.create.mutationOptions({
      onSuccess: ({ gameId, hostSecret }) => {
        saveHostSecret(gameId, hostSecret);
        router.push(`/host/${gameId}`);
      },
    }),
  );
  const busy = createGame.isPending || createGame.isSuccess;
  const close = () => {
    if (!busy) onClose();
  };

  useEffect(() => firstFieldRef.current?.focus(), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !busy) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [busy, onClose]);

  const set = <K extends keyof HostOptionsForm>(key: K, value: HostOptionsForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  return createPortal(
    // The overlay is the dialog (a form may not take role="dialog"); no header/footer inside, so no extra banner landmarks.
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-4"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <form
        data-testid="host-options"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid || busy) return;
          createGame.mutate({ quizVersionId: quiz.versionId, options: changedHostOptions(form, defaults) });
        }}
        className="flex max-h-[92dvh] w-full max-w-xl flex-col gap-5 overflow-y-auto rounded-2xl bg-white p-6 text-slate-900 shadow-2xl"
      >
        <div>
          <h2 id={titleId} className="text-2xl font-black tracking-tight break-words">
            {t("title", { title: quiz.title })}
          </h2>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>

        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField
            label={t("timeLimit")}
            unit={t("seconds")}
            testId="host-option-time-limit"
            inputRef={firstFieldRef}
            value={form.timeLimitSec}
            onChange={(value) => set("timeLimitSec", value)}
            problem={problemText(problems.timeLimitSec)}
          />
          <NumberField
            label={t("readTime")}
            unit={t("seconds")}
            testId="host-option-read-time"
            value={form.readTimeSec}
            onChange={(value) => set("readTimeSec", value)}
            problem={problemText(problems.readTimeSec)}
          />
          <NumberField
            label={t("questions")}
            unit={t("ofCount", { count: quiz.questionCount })}
            testId="host-option-question-count"
            value={form.questionCount}
            onChange={(value) => set("questionCount", value)}
            problem={problemText(problems.questionCount)}
          />
        </div>
        {quiz.hasQuestionTimes && (
          <p className="-mt-2 text-sm text-slate-600">
            {t("questionTimes")}
          </p>
        )}

        <div className="flex flex-col gap-3">
          <Toggle testId="host-option-shuffle-questions" checked={form.shuffleQuestions} onChange={(value) => set("shuffleQuestions", value)}>
            {t("shuffleQuestions")}
          </Toggle>
          <Toggle testId="host-option-shuffle-answers" checked={form.shuffleAnswers} onChange={(value) => set("shuffleAnswers", value)}>
            {t("shuffleAnswers")}
          </Toggle>
          <Toggle testId="host-option-late-join" checked={form.lateJoin} onChange={(value) => set("lateJoin", value)}>
            {t("lateJoin")}
          </Toggle>
          <Toggle testId="host-option-points-for-speed" checked={form.pointsForSpeed} onChange={(value) => set("pointsForSpeed", value)}>
            {t("pointsForSpeed")}
          </Toggle>
          <Toggle testId="host-option-question-on-phones" checked={form.questionOnPhones} onChange={(value) => set("questionOnPhones", value)}>
            {t("questionOnPhones")}
          </Toggle>
          <Toggle testId="host-option-generated-nicknames" checked={form.generatedNicknames} onChange={(value) => set("generatedNicknames", value)}>
            {t("generatedNicknames")}
          </Toggle>
          <Toggle testId="host-option-teams" checked={form.teams} onChange={(value) => set("teams", value)}>
            {t("teams")}
          </Toggle>
        </div>

        {form.teams && (
          <fieldset data-testid="host-option-team-settings" className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 font-semibold">{t("teamAssignment")}</legend>
            <div className="flex flex-col gap-2">
              {(["balanced", "pick"] as const).map((assignment) => (
                <label key={assignment} className="flex cursor-pointer items-center gap-3">
                  <input
                    type="radio"
                    name="team-assignment"
                    data-testid={`host-option-team-${assignment}`}
                    checked={form.teamAssignment === assignment}
                    onChange={() => set("teamAssignment", assignment)}
                    className="size-5 accent-indigo-700"
                  />
                  <span className="font-medium">{t(assignment === "balanced" ? "assignmentBalanced" : "assignmentPick")}</span>
                </label>
              ))}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <NumberField
                label={t("teamSize")}
                unit=""
                testId="host-option-team-size"
                value={form.teamSize}
                onChange={(value) => set("teamSize", value)}
                problem={problemText(problems.teamSize)}
              />
              <NumberField
                label={t("teamTalk")}
                unit={t("seconds")}
                testId="host-option-team-talk"
                value={form.teamTalkSec}
                onChange={(value) => set("teamTalkSec", value)}
                problem={problemText(problems.teamTalkSec)}
              />
            </div>
          </fieldset>
        )}

        {createGame.isError && (
          <p role="alert" data-testid="create-game-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
            {refusalText(createGame.error.message)}
          </p>
        )}

        <div className="flex flex-wrap justify-end gap-3">
          <button
            type="button"
            data-testid="host-options-cancel"
            onClick={close}
            disabled={busy}
            className="rounded-xl border border-slate-300 px-5 py-3 font-bold text-slate-700 hover:border-indigo-500 disabled:opacity-50"
          >
            {t("cancel")}
          </button>
          <button
            type="submit"
            data-testid="host-options-start"
            disabled={!valid || busy}
            className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-slate-400"
          >
            {busy ? t("starting") : t("start")}
          </button>
        </div>
      </form>
    </div>,
    document.body,
  );
}

function NumberField({ label, unit, testId, value, onChange, problem, inputRef }: {
  label: string;
  unit: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          ref={inputRef}
          type="number"
          inputMode="numeric"
          step={1}
          data-testid={testId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          className={`w-20 rounded-lg border px-3 py-2 text-lg font-semibold tabular-nums focus:ring-2 focus:outline-none ${
            problem ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-indigo-500 focus:ring-indigo-200"
          }`}
        />
        <span className="text-sm text-slate-600">{unit}</span>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}

function Toggle({ testId, checked, onChange, children }: { testId: string; checked: boolean; onChange: (value: boolean) => void; children: ReactNode }) {
  return (
    <label className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-200 px-4 py-3 hover:border-indigo-300">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-5 accent-indigo-700" />
      <span className="font-medium">{children}</span>
    </label>
  );
}
