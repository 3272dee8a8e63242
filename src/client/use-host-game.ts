"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ClientEvent, ServerEvent, type AnswerCountUpdate, type HostActionAck, type HostAttachAck, type HostView, type RefusalCode } from "@/protocol";
import { useClockOffset } from "./clock-offset";
import { localDeadline, received, type LocalDeadline, type Received } from "./countdown";
import { loadHostSecret, takeHostSecretFromAddress } from "./host-secret";
import { ACK_TIMEOUT_MS, connectQuizSocket, dropWhenOffline, noAnswerRefusal, wait, type QuizSocket } from "./socket";

export type HostAttachStatus =
  | { kind: "connecting" }
  | { kind: "no-secret" }
  | { kind: "refused"; code: RefusalCode; message: string }
  /** The server answered that the game doesn't exist (any more): it ended, or was lost. */
  | { kind: "gone"; message: string }
  | { kind: "attached" };

/**
 * Why the host screen's action didn't happen: the server's refusal, or the screen's own (not connected
 * yet, no answer in time). The message is in English; the screen words it by code (host-refusal-text.ts).
 */
export interface HostRefusal {
  code: RefusalCode | "not-connected" | "no-answer";
  message: string;
}

export const NOT_CONNECTED = "Not connected to the game server yet. Wait for it to reconnect, then try again.";

export type HostAction = "start" | "next" | "skip" | "end" | "remove" | "readmit" | "pause" | "resume" | "lock" | "takeover";

export interface HostGame {
  attach: HostAttachStatus;
  /** False while the socket is down or re-attaching (it does both by itself). */
  connected: boolean;
  view: HostView | null;
  deadline: LocalDeadline | null;
  /** Live answer count for the open question. */
  answered: number;
  eligible: number;
  pending: HostAction | null;
  /** The last refused action (its code and English message), cleared when the phase changes. */
  actionError: HostRefusal | null;
  /** This game's host secret, for the "Use another device" link. */
  hostSecret: string | null;
  start(): void;
  next(): void;
  skip(): void;
  end(): void;
  pause(): void;
  resume(): void;
  setLocked(locked: boolean): void;
  removePlayer(playerId: string): void;
  /** Undo a removal: the player may join again under their nickname and gets their place back. */
  readmitPlayer(playerId: string): void;
  allowTakeover(playerId: string): void;
}

const withTimeout = (socket: QuizSocket) => socket.timeout(ACK_TIMEOUT_MS);
/** Refusals of `host:attach` worth trying again on the same connection. */
const ATTACH_RETRYABLE = new Set(["rate-limited", "server-error"]);

export function useHostGame(gameId: string): HostGame {
  const [socket, setSocket] = useState<QuizSocket | null>(null);
  const [hostSecret, setHostSecret] = useState<string | null>(null);
  const [attach, setAttach] = useState<HostAttachStatus>({ kind: "connecting" });
  const [connected, setConnected] = useState(false);
  const [current, setCurrent] = useState<Received<HostView> | null>(null);
  const [liveCount, setLiveCount] = useState<Received<AnswerCountUpdate> | null>(null);
  const [pending, setPending] = useState<HostAction | null>(null);
  const [actionError, setActionError] = useState<HostRefusal | null>(null);
  const offset = useClockOffset(socket);
  /** True once the current connection is attached: actions sent before would be refused. */
  const attachedRef = useRef(false);

  useEffect(() => {
    takeHostSecretFromAddress(gameId);
    const secret = loadHostSecret(gameId);
    setHostSecret(secret);
    if (!secret) {
      setAttach({ kind: "no-secret" });
      return;
    }
    const socket = connectQuizSocket();
    setSocket(socket);

    let shownStep = "";
    const receive = (view: HostView) => {
      const step = `${view.phase}:${view.question?.index ?? ""}`;
      if (step !== shownStep) setActionError(null);
      shownStep = step;
      setCurrent(received(view));
    };

    // On the first connection and after every reconnection (the server may have restarted in
    // between): a new socket must attach again. Keeps trying while this connection lasts.
    let connection = 0;
    const attachToGame = async () => {
      const run = ++connection;
      attachedRef.current = false;
      for (let attempt = 0; socket.connected && run === connection; attempt++) {
        let ack: HostAttachAck | null = null;
        try {
          ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAttach, { gameId, hostSecret: secret });
        } catch {
          ack = null;
        }
        if (run !== connection) return;
        if (ack?.ok) {
          attachedRef.current = true;
          setConnected(true);
          setAttach({ kind: "attached" });
          receive(ack.state);
          return;
        }
        if (ack?.code === "game-not-found") return setAttach({ kind: "gone", message: ack.message });
        if (ack && !ATTACH_RETRYABLE.has(ack.code)) return setAttach({ kind: "refused", code: ack.code, message: ack.message });
        await wait(Math.min(1_000 * 2 ** attempt, 5_000));
      }
    };

    socket.on("connect", attachToGame);
    socket.on("disconnect", () => {
      connection++;
      attachedRef.current = false;
      setConnected(false);
    });
    socket.on(ServerEvent.hostState, receive);
    socket.on(ServerEvent.hostAnswers, (update: AnswerCountUpdate) => setLiveCount(received(update)));
    const stopWatchingNetwork = dropWhenOffline(socket);
    return () => {
      stopWatchingNetwork();
      connection++;
      socket.disconnect();
      setSocket(null);
    };
  }, [gameId]);

  const run = useCallback(
    async (action: HostAction, send: (socket: QuizSocket) => Promise<HostActionAck>) => {
      if (!socket) return;
      if (!socket.connected || !attachedRef.current) {
        setActionError({ code: "not-connected", message: NOT_CONNECTED });
        return;
      }
      setPending(action);
      setActionError(null);
      try {
        const ack = await send(socket);
        if (!ack.ok) setActionError({ code: ack.code, message: ack.message });
      } catch {
        setActionError({ code: "no-answer", message: noAnswerRefusal().message });
      } finally {
        setPending(null);
      }
    },
    [socket],
  );

  const start = useCallback(() => void run("start", (s) => withTimeout(s).emitWithAck(ClientEvent.hostStart)), [run]);
  const next = useCallback(() => void run("next", (s) => withTimeout(s).emitWithAck(ClientEvent.hostNext)), [run]);
  const skip = useCallback(() => void run("skip", (s) => withTimeout(s).emitWithAck(ClientEvent.hostSkip)), [run]);
  const end = useCallback(() => void run("end", (s) => withTimeout(s).emitWithAck(ClientEvent.hostEnd)), [run]);
  const pause = useCallback(() => void run("pause", (s) => withTimeout(s).emitWithAck(ClientEvent.hostPause)), [run]);
  const resume = useCallback(() => void run("resume", (s) => withTimeout(s).emitWithAck(ClientEvent.hostResume)), [run]);
  const setLocked = useCallback(
    (locked: boolean) => void run("lock", (s) => withTimeout(s).emitWithAck(ClientEvent.hostLock, { locked })),
    [run],
  );
  const removePlayer = useCallback(
    (playerId: string) => void run("remove", (s) => withTimeout(s).emitWithAck(ClientEvent.hostRemovePlayer, { playerId })),
    [run],
  );
  const readmitPlayer = useCallback(
    (playerId: string) => void run("readmit", (s) => withTimeout(s).emitWithAck(ClientEvent.hostReadmitPlayer, { playerId })),
    [run],
  );
  const allowTakeover = useCallback(
    (playerId: string) => void run("takeover", (s) => withTimeout(s).emitWithAck(ClientEvent.hostAllowTakeover, { playerId })),
    [run],
  );

  const view = current?.view ?? null;
  const deadline = useMemo(() => (current ? localDeadline(current.view.countdown, current.receivedAt, offset) : null), [current, offset]);
  const questionIndex = view?.question?.index;
  const live = liveCount && liveCount.view.questionIndex === questionIndex ? liveCount : null;
  // Throttled live counts and full views race; the larger count is the newer one within a round.
  const answered = Math.max(view?.answerCount ?? 0, live?.view.answered ?? 0);
  // Who can answer changes with joins and connections, which send full views too: the newer wins.
  const newerLive = live !== null && current !== null && live.receivedAt >= current.receivedAt;
  const eligible = Math.max(answered, newerLive ? live.view.eligible : (view?.answerEligible ?? 0));

  return {
    attach,
    connected,
    view,
    deadline,
    answered,
    eligible,
    pending,
    actionError,
    hostSecret,
    start,
    next,
    skip,
    end,
    pause,
    resume,
    setLocked,
    removePlayer,
    readmitPlayer,
    allowTakeover,
  };
}
