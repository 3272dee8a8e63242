"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/client/trpc";
import { TeacherPage } from "@/components/account/TeacherPage";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";
import { HomeworkLinkQr } from "./HomeworkLinkQr";

const DAY = 24 * 60 * 60_000;

/** A `datetime-local` value (the teacher's own time zone) for an epoch ms time. */
function localInput(ms: number): string {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/** Assign a quiz as homework, and the list of homework assigned with its progress. */
export function HomeworkScreen() {
  const t = useTranslations("teacherHomework");
  return (
    <TeacherPage wide>
      {() => (
        <>
          <h1 className="text-3xl font-black text-slate-900">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
          <AssignForm />
          <HomeworkList />
        </>
      )}
    </TeacherPage>
  );
}

function AssignForm() {
  const t = useTranslations("teacherHomework.assign");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const quizzes = useQuery(trpc.quizzes.list.queryOptions());
  const playable = (quizzes.data?.quizzes ?? []).filter((quiz) => quiz.playable);
  const [quizVersionId, setQuizVersionId] = useState("");
  const [opensAt, setOpensAt] = useState(() => localInput(Date.now()));
  const [closesAt, setClosesAt] = useState(() => localInput(Date.now() + 7 * DAY));
  const [timed, setTimed] = useState(true);
  const [timeLimitSec, setTimeLimitSec] = useState(30);
  const [attempts, setAttempts] = useState(1);
  const [showAnswers, setShowAnswers] = useState<"after-each" | "after-deadline">("after-each");
  const [identifierLabel, setIdentifierLabel] = useState("");
  const assign = useMutation(
    trpc.homework.assign.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.homework.list.queryKey() }),
    }),
  );
  const chosen = quizVersionId || playable[0]?.versionId || "";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({
      quizVersionId: chosen,
      opensAt: new Date(opensAt).getTime(),
      closesAt: new Date(closesAt).getTime(),
      timeLimitSec: timed ? timeLimitSec : null,
      attempts,
      showAnswers,
      identifierLabel: identifierLabel.trim() || null,
    });
  };

  const field = "flex flex-col gap-1 text-sm font-semibold text-slate-800";
  const input = "rounded-lg border border-slate-400 bg-white px-3 py-2 text-base font-normal text-slate-900";
  return (
    <form onSubmit={submit} className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="homework-assign">
      <h2 className="text-xl font-bold text-slate-900">{t("heading")}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className={field}>
          {t("quiz")}
          <select data-testid="homework-quiz" className={input} value={chosen} onChange={(event) => setQuizVersionId(event.target.value)}>
            {playable.map((quiz) => (
              <option key={quiz.versionId} value={quiz.versionId}>
                {quiz.title}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          {t("identifierLabel")}
          <input data-testid="homework-identifier-label" className={input} value={identifierLabel} maxLength={40} placeholder={t("identifierPlaceholder")} onChange={(event) => setIdentifierLabel(event.target.value)} />
        </label>
        <label className={field}>
          {t("opensAt")}
          <input type="datetime-local" data-testid="homework-opens" className={input} value={opensAt} onChange={(event) => setOpensAt(event.target.value)} required />
        </label>
        <label className={field}>
          {t("closesAt")}
          <input type="datetime-local" data-testid="homework-closes" className={input} value={closesAt} onChange={(event) => setClosesAt(event.target.value)} required />
        </label>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold text-slate-800">{t("timing")}</legend>
          <label className="flex items-center gap-2 text-slate-800">
            <input type="radio" name="timing" checked={timed} onChange={() => setTimed(true)} data-testid="homework-timed" />
            {t("timed")}
            <input
              type="number"
              min={5}
              max={600}
              aria-label={t("secondsPerQuestion")}
              className={`${input} w-24`}
              value={timeLimitSec}
              disabled={!timed}
              onChange={(event) => setTimeLimitSec(Number(event.target.value))}
              data-testid="homework-seconds"
            />
          </label>
          <label className="flex items-center gap-2 text-slate-800">
            <input type="radio" name="timing" checked={!timed} onChange={() => setTimed(false)} data-testid="homework-untimed" />
            {t("untimed")}
          </label>
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold text-slate-800">{t("showAnswers")}</legend>
          <label className="flex items-center gap-2 text-slate-800">
            <input type="radio" name="show" checked={showAnswers === "after-each"} onChange={() => setShowAnswers("after-each")} />
            {t("afterEach")}
          </label>
          <label className="flex items-center gap-2 text-slate-800">
            <input type="radio" name="show" checked={showAnswers === "after-deadline"} onChange={() => setShowAnswers("after-deadline")} data-testid="homework-after-deadline" />
            {t("afterDeadline")}
          </label>
        </fieldset>
        <label className={field}>
          {t("attempts")}
          <input type="number" min={1} max={10} className={`${input} w-24`} value={attempts} onChange={(event) => setAttempts(Number(event.target.value))} data-testid="homework-attempts" />
        </label>
      </div>
      {assign.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 font-semibold text-red-800">
          {refusalText(assign.error.message)}
        </p>
      )}
      {assign.data && (
        <div className="flex flex-col gap-3 rounded-lg bg-green-50 px-3 py-2">
          <p role="status" data-testid="homework-assigned" className="text-green-900">
            {t("assigned", { code: assign.data.code })}{" "}
            <Link className="font-bold underline" href={`/assignments/${assign.data.gameId}`}>
              {t("follow")}
            </Link>
          </p>
          <HomeworkLinkQr code={assign.data.code} link={assign.data.link} />
        </div>
      )}
      <button type="submit" disabled={!chosen || assign.isPending} data-testid="homework-assign-submit" className="self-start rounded-lg bg-indigo-700 px-5 py-2.5 font-bold text-white disabled:bg-slate-400">
        {t("submit")}
      </button>
    </form>
  );
}

function HomeworkList() {
  const t = useTranslations("teacherHomework.list");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.homework.list.queryOptions());
  const homeworks = list.data?.homeworks ?? [];
  const now = list.data?.now ?? 0;
  if (list.isPending) return <p className="text-slate-700">{t("loading")}</p>;
  if (homeworks.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <table className="w-full text-start text-slate-900" data-testid="homework-list">
      <caption className="mb-2 text-start text-xl font-bold">{t("heading")}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-sm text-slate-700">
          <th className="py-2 text-start">{t("quiz")}</th>
          <th className="py-2 text-start">{t("code")}</th>
          <th className="py-2 text-start">{t("closes")}</th>
          <th className="py-2 text-start">{t("progress")}</th>
        </tr>
      </thead>
      <tbody>
        {homeworks.map((homework) => (
          <tr key={homework.gameId} className="border-b border-slate-200">
            <td className="py-2">
              <Link href={`/assignments/${homework.gameId}`} className="font-bold text-indigo-800 underline">
                {homework.title}
              </Link>
            </td>
            <td className="py-2 font-mono" dir="ltr">
              {homework.code}
            </td>
            <td className="py-2">
              {format.dateTime(new Date(homework.closesAt), { dateStyle: "medium", timeStyle: "short" })}
              {homework.closesAt < now && <span className="ms-2 rounded bg-slate-200 px-2 py-0.5 text-sm">{t("closed")}</span>}
            </td>
            <td className="py-2">{t("finishedOf", { finished: homework.finished, students: homework.students })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
