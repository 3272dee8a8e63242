"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/client/trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/library/buttons";

const dateTime = (value: string | Date) => new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The school's quiz admin: who may sign up (invite links, the school code) and the teachers, who can be turned off. */
export function AdminScreen({ selfId }: { selfId: string }) {
  return (
    <div className="flex flex-col gap-8" data-testid="admin-screen">
      <header>
        <h1 className="text-3xl font-black tracking-tight">Teacher accounts</h1>
        <p className="mt-2 text-slate-600">
          Sign-up is closed on this server: a new teacher needs an invite link from you, or the school sign-up code if you set one. Students
          never need an account.
        </p>
      </header>
      <Invites />
      <SchoolCode />
      <Teachers selfId={selfId} />
    </div>
  );
}

function Invites() {
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
      <h2 className="text-xl font-bold">Invite links</h2>
      <p className="text-slate-600">Each link lets one teacher make an account, once, until the date shown next to it. Send it to them directly (not to a class).</p>
      <div>
        <button type="button" data-testid="invite-create" disabled={create.isPending} onClick={() => create.mutate()} className={PRIMARY_BUTTON}>
          {create.isPending ? "Making a link…" : "Make an invite link"}
        </button>
      </div>
      {create.error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{create.error.message}</p>}
      {link && (
        <p className="rounded-lg bg-indigo-50 p-3 text-indigo-950">
          Copy this link now (it is shown only once):{" "}
          <code data-testid="invite-link" className="break-all font-mono text-sm">
            {link}
          </code>
        </p>
      )}
      {invites.data && invites.data.length > 0 && (
        <ul className="divide-y divide-slate-100" data-testid="invite-list">
          {invites.data.map((invite) => (
            <li key={invite.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className="text-slate-700">Made {dateTime(invite.createdAt)}</span>
              <span className="font-semibold">
                {invite.state === "used" ? `Used by ${invite.usedByName ?? "a teacher"}` : invite.state === "expired" ? "Expired" : `Open until ${dateTime(invite.expiresAt)}`}
              </span>
              {invite.state === "open" && (
                <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate({ inviteId: invite.id })} className={SECONDARY_BUTTON}>
                  Cancel
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
      <h2 className="text-xl font-bold">School sign-up code</h2>
      <p className="text-slate-600">
        With a code, any teacher who knows it can make an account on the sign-up page. Handy at the start of a year; change it or turn it off
        afterwards. Anyone who overhears it can sign up too, so tell it to teachers only.
      </p>
      <p data-testid="school-code-state" className="font-semibold">
        {current ? (
          <>
            The code is now <code className="rounded bg-slate-100 px-2 py-1 font-mono">{current}</code>
          </>
        ) : (
          "No code: teachers can only sign up with an invite link."
        )}
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold">
          {current ? "New code" : "Code"}
          <input name="schoolCode" data-testid="school-code-input" autoComplete="off" className="rounded-lg border border-slate-300 px-3 py-2 font-normal" />
        </label>
        <button type="submit" data-testid="school-code-save" disabled={save.isPending} className={PRIMARY_BUTTON}>
          {current ? "Change the code" : "Set the code"}
        </button>
        {current && (
          <button type="button" data-testid="school-code-off" disabled={save.isPending} onClick={() => save.mutate({ schoolCode: null })} className={SECONDARY_BUTTON}>
            Turn the code off
          </button>
        )}
      </form>
      {save.error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{save.error.message}</p>}
    </section>
  );
}

function Teachers({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teachers = useQuery(trpc.admin.teachers.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.teachers.queryKey() });
  const disable = useMutation(trpc.admin.disableTeacher.mutationOptions({ onSuccess: refresh }));
  const enable = useMutation(trpc.admin.enableTeacher.mutationOptions({ onSuccess: refresh }));
  const error = disable.error ?? enable.error;
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-xl font-bold">Teachers</h2>
      <p className="text-slate-600">A teacher you turn off is signed out at once and can&apos;t sign in until you turn them on again. Their quizzes and reports stay.</p>
      {error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{error.message}</p>}
      <table className="w-full text-left text-sm" data-testid="teacher-list">
        <thead>
          <tr className="text-slate-500">
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Since</th>
            <th>Account</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {teachers.data?.map((teacher) => (
            <tr key={teacher.id} data-testid="teacher-row" data-email={teacher.email}>
              <td className="py-2 font-semibold">
                {teacher.name}
                {teacher.isAdmin && <span className="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-xs text-indigo-900">admin</span>}
              </td>
              <td>{teacher.email}</td>
              <td>{new Date(teacher.createdAt).toLocaleDateString()}</td>
              <td>
                {teacher.id === selfId ? (
                  <span className="text-slate-500">You</span>
                ) : teacher.disabled ? (
                  <button type="button" data-testid="teacher-enable" disabled={enable.isPending} onClick={() => enable.mutate({ teacherId: teacher.id })} className={SECONDARY_BUTTON}>
                    Turned off — turn on
                  </button>
                ) : (
                  <button type="button" data-testid="teacher-disable" disabled={disable.isPending} onClick={() => disable.mutate({ teacherId: teacher.id })} className={SECONDARY_BUTTON}>
                    Turn off
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
