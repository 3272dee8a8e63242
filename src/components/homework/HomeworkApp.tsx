"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { io, type Socket } from "socket.io-client";
import { newAnswerId } from "@/client/answer-id";
import { localDeadline } from "@/client/countdown";
import { deviceId } from "@/client/player-session";
import { HomeworkEvent } from "@/protocol/homework-events";
import type { AnswerInput, HomeworkInfo, HomeworkInfoAck, HomeworkStartAck, HomeworkStudentView, HomeworkViewAck, Refusal } from "@/protocol";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { HomeworkQuestion } from "./HomeworkQuestion";
import { HomeworkResult } from "./HomeworkResult";
import { useHomeworkRefusalText } from "./homework-refusal";

const ACK_TIMEOUT_MS = 10_000;
const SESSION_KEY = "quiz-homework-session";

interface HomeworkSession {
  code: string;
  gameId: string;
  playerId: string;
  playerToken: string;
}

function loadSession(code: string): HomeworkSession | null {
  try {
    const sessions = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "[]") as HomeworkSession[];
    return sessions.find((session) => session.code === code) ?? null;
  } catch {
    return null;
  }
}

function saveSession(session: HomeworkSession): void {
  try {
    const sessions = (JSON.parse(localStorage.getItem(SESSION_KEY) ?? "[]") as HomeworkSession[]).filter((kept) => kept.code !== session.code);
    localStorage.setItem(SESSION_KEY, JSON.stringify([session, ...sessions].slice(0, 20)));
  } catch {
    // Private mode: the homework still works, it just can't resume after a refresh.
  }
}

type Ackable = HomeworkInfoAck | HomeworkStartAck | HomeworkViewAck;

/** The student's homework on a phone: code → nickname (+ identifier) → questions at their own pace → score. */
export function HomeworkApp({ initialCode }: { initialCode: string }) {
  const t = useTranslations("homework");
  const socketRef = useRef<Socket | null>(null);
  const [code, setCode] = useState(initialCode);
  const [info, setInfo] = useState<HomeworkInfo | null>(null);
  const [view, setView] = useState<{ view: HomeworkStudentView; receivedAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sessionRef = useRef<HomeworkSession | null>(null);
  const refusalText = useHomeworkRefusalText();

  const send = useCallback(async <T extends Ackable>(event: string, payload: unknown): Promise<T | Refusal> => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, code: "server-error", message: t("offline") };
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as T;
    } catch {
      return { ok: false, code: "server-error", message: t("offline") };
    }
  }, [t]);

  const show = useCallback((next: HomeworkStudentView) => setView({ view: next, receivedAt: Date.now() }), []);

  const lookUp = useCallback(
    async (wanted: string) => {
      setBusy(true);
      setError(null);
      const ack = await send<HomeworkInfoAck>(HomeworkEvent.info, { code: wanted });
      setBusy(false);
      if (!ack.ok) return setError(refusalText(ack));
      setInfo(ack.info);
      // This phone started this homework before: carry on where it was.
      const kept = loadSession(wanted);
      if (kept) {
        const resumed = await send<HomeworkViewAck>(HomeworkEvent.resume, { gameId: kept.gameId, playerId: kept.playerId, playerToken: kept.playerToken });
        if (resumed.ok) {
          sessionRef.current = kept;
          show(resumed.view);
        }
      }
    },
    [send, show],
  );

  // The socket is made once per page; what it calls on (re)connecting is read from refs.
  const onConnect = useRef<() => void>(() => {});
  onConnect.current = () => {
    // After a dropped connection the server knows this socket no more: resume with the token.
    const kept = sessionRef.current;
    if (kept) {
      void send<HomeworkViewAck>(HomeworkEvent.resume, { gameId: kept.gameId, playerId: kept.playerId, playerToken: kept.playerToken }).then((ack) => ack.ok && show(ack.view));
    } else if (initialCode.length === 8 && !info) {
      void lookUp(initialCode);
    }
  };

  useEffect(() => {
    const socket = io({ reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
    socketRef.current = socket;
    socket.on("connect", () => onConnect.current());
    return () => {
      socket.disconnect();
    };
  }, []);

  const start = async (nickname: string, identifier: string) => {
    setBusy(true);
    setError(null);
    const ack = await send<HomeworkStartAck>(HomeworkEvent.start, { code, nickname, identifier: identifier || undefined, deviceId: deviceId() });
    setBusy(false);
    if (!ack.ok) return setError(refusalText(ack));
    const session = { code, gameId: ack.view.gameId, playerId: ack.playerId, playerToken: ack.playerToken };
    sessionRef.current = session;
    saveSession(session);
    show(ack.view);
  };

  const answer = async (questionIndex: number, given: AnswerInput) => {
    setBusy(true);
    setError(null);
    const ack = await send<HomeworkViewAck>(HomeworkEvent.answer, { answerId: newAnswerId(), questionIndex, ...given });
    setBusy(false);
    if (ack.ok) return show(ack.view);
    setError(refusalText(ack));
    // Time ran out or the homework closed: the server's view says what now.
    const kept = sessionRef.current;
    if (kept && ack.code === "too-late") {
      const fresh = await send<HomeworkViewAck>(HomeworkEvent.resume, { gameId: kept.gameId, playerId: kept.playerId, playerToken: kept.playerToken });
      if (fresh.ok) show(fresh.view);
    }
  };

  const next = async (questionIndex: number) => {
    setBusy(true);
    setError(null);
    const ack = await send<HomeworkViewAck>(HomeworkEvent.next, { questionIndex });
    setBusy(false);
    if (ack.ok) show(ack.view);
    else setError(refusalText(ack));
  };

  /** The countdown reached zero: ask the server, which closes the question for this student. */
  const refresh = useCallback(async () => {
    const kept = sessionRef.current;
    if (!kept) return;
    const ack = await send<HomeworkViewAck>(HomeworkEvent.resume, { gameId: kept.gameId, playerId: kept.playerId, playerToken: kept.playerToken });
    if (ack.ok) show(ack.view);
  }, [send, show]);

  const current = view?.view;
  const deadline = current ? localDeadline(current.countdown, view.receivedAt, null) : null;
  useEffect(() => {
    if (!deadline || current?.phase !== "question") return;
    const timer = setTimeout(() => void refresh(), Math.max(0, deadline.endsAt - Date.now()) + 300);
    return () => clearTimeout(timer);
  }, [deadline?.endsAt, current?.phase, refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <main className="flex min-h-dvh flex-col bg-stage text-white">
      <header className="flex items-center gap-3 bg-black/20 px-4 py-2">
        <p className="min-w-0 flex-1 truncate font-bold">{current?.title ?? info?.title ?? t("title")}</p>
        {current && current.phase === "question" && current.question && (
          <p className="text-sm font-semibold" data-testid="homework-counter">
            {t("counter", { number: current.question.index + 1, total: current.questionCount })}
          </p>
        )}
        {deadline && current?.phase === "question" && <CountdownNumber deadline={deadline} className="size-11 bg-white text-xl text-indigo-950" />}
      </header>
      {error && (
        <p role="alert" data-testid="homework-error" className="m-2 rounded-lg bg-amber-300 px-3 py-2 text-sm font-bold text-amber-950">
          {error}
        </p>
      )}
      {!current && !info && <CodeForm code={code} setCode={setCode} busy={busy} onSubmit={() => void lookUp(code)} />}
      {!current && info && <StartForm info={info} busy={busy} onStart={(nickname, identifier) => void start(nickname, identifier)} />}
      {current?.phase === "question" && current.question && (
        <HomeworkQuestion key={current.question.index} question={current.question} busy={busy} onAnswer={(given) => void answer(current.question!.index, given)} />
      )}
      {current?.phase === "result" && <HomeworkResult view={current} busy={busy} onNext={() => void next(current.question?.index ?? 0)} />}
      {(current?.phase === "finished" || current?.phase === "closed") && <HomeworkDone view={current} />}
    </main>
  );
}

function CodeForm({ code, setCode, busy, onSubmit }: { code: string; setCode: (code: string) => void; busy: boolean; onSubmit: () => void }) {
  const t = useTranslations("homework");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-4 p-6">
      <h1 className="text-3xl font-black">{t("title")}</h1>
      <label className="flex flex-col gap-1 font-semibold">
        {t("code")}
        <input
          data-testid="homework-code-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          dir="ltr"
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, "").slice(0, 8))}
          className="rounded-xl bg-white px-4 py-3 text-center font-mono text-2xl tracking-widest text-slate-900"
        />
      </label>
      <button type="submit" disabled={busy || code.length !== 8} className="rounded-xl bg-white py-3 text-xl font-black text-indigo-950 disabled:bg-white/40 disabled:text-white">
        {t("continue")}
      </button>
    </form>
  );
}

function StartForm({ info, busy, onStart }: { info: HomeworkInfo; busy: boolean; onStart: (nickname: string, identifier: string) => void }) {
  const t = useTranslations("homework");
  const format = useFormatter();
  const [nickname, setNickname] = useState("");
  const [identifier, setIdentifier] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart(nickname.trim(), identifier.trim());
  };
  const closes = format.dateTime(new Date(info.closesAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <form onSubmit={submit} className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-4 p-6" data-testid="homework-start">
      <h1 className="text-3xl font-black">{info.title}</h1>
      <p className="text-indigo-50">{t("about", { count: info.questionCount, closes })}</p>
      <p className="text-indigo-50">{info.timeLimitSec === null ? t("untimed") : t("timed", { seconds: info.timeLimitSec })}</p>
      <label className="flex flex-col gap-1 font-semibold">
        {t("nickname")}
        <input data-testid="homework-nickname" maxLength={20} autoComplete="off" value={nickname} onChange={(event) => setNickname(event.target.value)} className="rounded-xl bg-white px-4 py-3 text-xl text-slate-900" required />
      </label>
      {info.identifierLabel && (
        <label className="flex flex-col gap-1 font-semibold">
          {info.identifierLabel}
          <input data-testid="homework-identifier" maxLength={40} autoComplete="off" value={identifier} onChange={(event) => setIdentifier(event.target.value)} className="rounded-xl bg-white px-4 py-3 text-xl text-slate-900" required />
        </label>
      )}
      <button type="submit" data-testid="homework-begin" disabled={busy || nickname.trim() === ""} className="rounded-xl bg-white py-3 text-xl font-black text-indigo-950 disabled:bg-white/40 disabled:text-white">
        {t("begin")}
      </button>
    </form>
  );
}

function HomeworkDone({ view }: { view: HomeworkStudentView }) {
  const t = useTranslations("homework");
  const format = useFormatter();
  return (
    <section data-testid={`homework-${view.phase}`} className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-3xl font-black">{view.phase === "finished" ? t("finished") : t("closed")}</h1>
      {view.score !== null ? (
        <>
          <p data-testid="homework-score" className="text-4xl font-black tabular-nums" dir="ltr">
            {view.score}
          </p>
          <p>{t("correctOf", { correct: view.correctCount ?? 0, total: view.questionCount })}</p>
        </>
      ) : (
        <p data-testid="homework-results-later">{t("resultsLater", { closes: format.dateTime(new Date(view.closesAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
      )}
    </section>
  );
}
