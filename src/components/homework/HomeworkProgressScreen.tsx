"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/client/trpc";
import { TeacherPage } from "@/components/account/TeacherPage";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";
import { HomeworkLinkQr } from "./HomeworkLinkQr";

/** How often the progress page asks again: students move at their own pace, a few seconds late is fine. */
const POLL_MS = 3_000;

/** One homework live: its code and link, who started, who finished, who is on which question. */
export function HomeworkProgressScreen({ gameId }: { gameId: string }) {
  const t = useTranslations("teacherHomework.progress");
  const refusalText = useTeacherRefusalText();
  const format = useFormatter();
  const trpc = useTRPC();
  const progress = useQuery({ ...trpc.homework.progress.queryOptions({ gameId }), refetchInterval: POLL_MS });
  return (
    <TeacherPage wide>
      {() => {
        if (progress.error) return <p role="alert">{refusalText(progress.error.message)}</p>;
        const data = progress.data;
        if (!data) return <p className="text-slate-700">{t("loading")}</p>;
        const closed = data.now > data.settings.closesAt;
        const finished = data.students.filter((student) => student.phase === "finished").length;
        return (
          <>
            <h1 className="text-3xl font-black text-slate-900">{data.title}</h1>
            <div className="flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-5 text-slate-900">
              <HomeworkLinkQr code={data.code} link={data.link} large />
              <p>
                {t(closed ? "closedAt" : "closesAt", { when: format.dateTime(new Date(data.settings.closesAt), { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              <p data-testid="homework-summary">{t("summary", { finished, students: data.students.length })}</p>
              <Link href={`/games/${data.gameId}`} data-testid="homework-report" className="mt-2 self-start rounded-lg bg-indigo-700 px-4 py-2 font-bold text-white">
                {t("report")}
              </Link>
            </div>
            {data.students.length === 0 ? (
              <p className="text-slate-700">{t("none")}</p>
            ) : (
              <table className="w-full text-slate-900" data-testid="homework-students">
                <caption className="sr-only">{t("students")}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-sm text-slate-700">
                    <th className="py-2 text-start">{t("nickname")}</th>
                    {data.settings.identifierLabel && <th className="py-2 text-start">{data.settings.identifierLabel}</th>}
                    <th className="py-2 text-start">{t("where")}</th>
                    <th className="py-2 text-start">{t("score")}</th>
                    <th className="py-2 text-start">{t("lastActivity")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.students.map((student) => (
                    <tr key={student.playerId} className="border-b border-slate-200" data-testid="homework-student">
                      <td className="py-2 font-semibold">{student.nickname}</td>
                      {data.settings.identifierLabel && <td className="py-2">{student.identifier}</td>}
                      <td className="py-2">
                        {student.phase === "finished"
                          ? t("finished")
                          : t("onQuestion", { number: Math.min(student.questionIndex + 1, data.questionCount), total: data.questionCount })}
                      </td>
                      <td className="py-2 tabular-nums">{student.score}</td>
                      <td className="py-2">{format.relativeTime(new Date(student.lastActivityAt), new Date(data.now))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
      }}
    </TeacherPage>
  );
}
