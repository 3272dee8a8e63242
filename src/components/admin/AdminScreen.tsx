"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/client/trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/library/buttons";
import { useTranslations } from "next-intl";

import { useReportFormat } from "@/components/reports/format";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** The school's quiz admin: who may sign up (invite links, the school code) and the teachers, who can be turned off. */
export function AdminScreen({ selfId }: { selfId: string }) {
  const t = useTranslations("teacherAdmin");
  return (
    <div className="flex flex-col gap-8" data-testid="admin-screen">
      <header>
        <h1 className="text-3xl font-black tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-600">
          {t("intro")}
        </p>
      </header>
      <Invites />
      <SchoolCode />
      <Teachers selfId={selfId} />
    </div>
  );
}

function Invites() {
  const t = useTranslations("teacherAdmin.invites");
  const refusalText = useTeacherRefusalText();
  const { dateTime } = useReportFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.admin.invites.queryOptions());
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.invites.queryKey() });
  const create = useMutation(
    trpc.admin.createInvite.mutationOptions({
      onSuccess: async (invite) => {
        setLink(`${window.location.origin}${invite.path}`);
        await refresh();
      },
    }),
  );
  const cancel = useMutation(trpc.admin.cancelInvite.mutationOptions({ onSuccess: refresh }));
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-xl font-bold">{t("title")}</h2>
      <p className="text-slate-600">{t("intro")}</p>
      <div>
        <button type="button" data-testid="invite-create" disabled={create.isPending} onClick={() => create.mutate()} className={PRIMARY_BUTTON}>
          {create.isPending ? t("making") : t("make")}
        </button>
      </div>
      {create.error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{refusalText(create.error.message)}</p>}
      {link && (
        <p className="rounded-lg bg-indigo-50 p-3 text-indigo-950">
          {t("copyNow")}{" "}
          <code data-testid="invite-link" className="break-all font-mono text-sm">
            {link}
          </code>
        </p>
      )}
      {invites.data && invites.data.length > 0 && (
        <ul className="divide-y divide-slate-100" data-testid="invite-list">
          {invites.data.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className="text-slate-700">{t("made", { when: dateTime(invite.createdAt) })}</span>
              <span className="font-semibold">
                {invite.state === "used"
                  ? invite.usedByName
                    ? t("usedBy", { name: invite.usedByName })
                    : t("usedByTeacher")
                  : invite.state === "expired"
                    ? t("expired")
                    : t("openUntil", { when: dateTime(invite.expiresAt) })}
              </span>
              {invite.state === "open" && (
                <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate({ inviteId: invite.id })} className={SECONDARY_BUTTON}>
                  {t("cancel")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SchoolCode() {
  const t = useTranslations("teacherAdmin.schoolCode");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.admin.signUpSettings.queryOptions());
  const save = useMutation(
    trpc.admin.setSchoolCode.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.signUpSettings.queryKey() }),
    }),
  );
  const current = settings.data?.schoolCode ?? null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("schoolCode") ?? "").trim();
    save.mutate({ schoolCode: code });
  }
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-xl font-bold">{t("title")}</h2>
      <p className="text-slate-600">
        {t("intro")}
      </p>
      <p data-testid="school-code-state" className="font-semibold">
        {current ? (
          t.rich("current", { code: current, mono: (chunks) => <code className="rounded bg-slate-100 px-2 py-1 font-mono">{chunks}</code> })
        ) : (
          t("none")
        )}
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold">
          {current ? t("newCode") : t("code")}
          <input name="schoolCode" data-testid="school-code-input" autoComplete="off" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
        </label>
        <button type="submit" data-testid="school-code-save" disabled={save.isPending} className={PRIMARY_BUTTON}>
          {current ? t("change") : t("set")}
        </button>
        {current && (
          <button type="button" data-testid="school-code-off" disabled={save.isPending} onClick={() => save.mutate({ schoolCode: null })} className={SECONDARY_BUTTON}>
            {t("turnOff")}
          </button>
        )}
      </form>
      {save.error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{refusalText(save.error.message)}</p>}
    </section>
  );
}

function Teachers({ selfId }: { selfId: string }) {
  const t = useTranslations("teacherAdmin.teachers");
  const refusalText = useTeacherRefusalText();
  const { date } = useReportFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teachers = useQuery(trpc.admin.teachers.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.teachers.queryKey() });
  const disable = useMutation(trpc.admin.disableTeacher.mutationOptions({ onSuccess: refresh }));
  const enable = useMutation(trpc.admin.enableTeacher.mutationOptions({ onSuccess: refresh }));
  const error = disable.error ?? enable.error;
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-xl font-bold">{t("title")}</h2>
      <p className="text-slate-600">{t("intro")}</p>
      {error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{refusalText(error.message)}</p>}
      <table className="w-full text-start text-sm" data-testid="teacher-list">
        <thead>
          <tr className="text-slate-500">
            <th className="py-2">{t("name")}</th>
            <th>{t("email")}</th>
            <th>{t("since")}</th>
            <th>{t("account")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {teachers.data?.map((teacher) => (
            <tr key={teacher.id} data-testid="teacher-row" data-email={teacher.email}>
              <td className="py-2 font-semibold">
                {teacher.name}
                {teacher.isAdmin && <span className="ms-2 rounded bg-indigo-100 px-2 py-0.5 text-xs text-indigo-900">{t("admin")}</span>}
              </td>
              <td>{teacher.email}</td>
              <td>{date(teacher.createdAt)}</td>
              <td>
                {teacher.id === selfId ? (
                  <span className="text-slate-500">{t("you")}</span>
                ) : teacher.disabled ? (
                  <button type="button" data-testid="teacher-enable" disabled={enable.isPending} onClick={() => enable.mutate({ teacherId: teacher.id })} className={SECONDARY_BUTTON}>
                    {t("turnOn")}
                  </button>
                ) : (
                  <button type="button" data-testid="teacher-disable" disabled={disable.isPending} onClick={() => disable.mutate({ teacherId: teacher.id })} className={SECONDARY_BUTTON}>
                    {t("turnOffTeacher")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
