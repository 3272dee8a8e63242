"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ClientEvent, ServerEvent, type AnswerCountUpdate, type HostActionAck, type HostView } from "@/protocol";
import { localDeadline, type LocalDeadline } from "./countdown";
import { loadHostSecret } from "./host-secret";
import { ACK_TIMEOUT_MS, connectQuizSocket, noAnswerRefusal, type QuizSocket } from "./socket";

export type HostAttachStatus =
  | { kind: "connecting" }
  | { kind: "no-secret" }
  | { kind: "refused"; message: string }
  | { kind: "attached" };

export type HostAction = "start" | "next" | "skip" | "end" | "remove";

export interface HostGame {
  attach: HostAttachStatus;
  /** False while the socket is down (it reconnects and re-attaches by itself). */
  connected: boolean;
  view: HostView | null;
  deadline: LocalDeadline | null;
  /** Live answer count for the open question. */
  answered: number;
  eligible: number;
  pending: HostAction | null;
  /** The last refused action's message, cleared when the phase changes. */
  actionError: string | null;
  start(): void;
  next(): void;
  skip(): void;
  end(): void;
  removePlayer(playerId: string): void;
}

const withTimeout = (socket: QuizSocket) => socket.timeout(ACK_TIMEOUT_MS);

export function useHostGame(gameId: string): HostGame {
  const socketRef = useRef<QuizSocket | null>(null);
  const [attach, setAttach] = useState<HostAttachStatus>({ kind: "connecting" });
  const [connected, setConnected] = useState(false);
  const [current, setCurrent] = useState<{ view: HostView; deadline: LocalDeadline | null } | null>(null);
  const [liveCount, setLiveCount] = useState<AnswerCountUpdate | null>(null);
  const [pending, setPending] = useState<HostAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    const hostSecret = loadHostSecret(gameId);
    if (!hostSecret) {
      setAttach({ kind: "no-secret" });
      return;
    }
    const socket = connectQuizSocket();
    socketRef.current = socket;

    let shownStep = "";
    const receive = (view: HostView) => {
      const step = `${view.phase}:${view.question?.index ?? ""}`;
      if (step !== shownStep) setActionError(null);
      shownStep = step;
      setCurrent({ view, deadline: localDeadline(view.countdown) });
    };

    // On the first connection and after every reconnection: a new socket must attach again.
    const attachToGame = async () => {
      setConnected(true);
      try {
        const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAttach, { gameId, hostSecret });
        if (ack.ok) {
          setAttach({ kind: "attached" });
          receive(ack.state);
        } else {
          setAttach({ kind: "refused", message: ack.message });
        }
      } catch {
        if (socket.connected) setAttach({ kind: "refused", message: noAnswerRefusal().message });
      }
    };

    socket.on("connect", attachToGame);
    socket.on("disconnect", () => setConnected(false));
    socket.on(ServerEvent.hostState, receive);
    socket.on(ServerEvent.hostAnswers, setLiveCount);
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [gameId]);

  const run = useCallback(async (action: HostAction, send: (socket: QuizSocket) => Promise<HostActionAck>) => {
    const socket = socketRef.current;
    if (!socket) return;
    setPending(action);
    setActionError(null);
    try {
      const ack = await send(socket);
      if (!ack.ok) setActionError(ack.message);
    } catch {
      setActionError(noAnswerRefusal().message);
    } finally {
      setPending(null);
    }
  }, []);

  const start = useCallback(() => void run("start", (s) => withTimeout(s).emitWithAck(ClientEvent.hostStart)), [run]);
  const next = useCallback(() => void run("next", (s) => withTimeout(s).emitWithAck(ClientEvent.hostNext)), [run]);
  const skip = useCallback(() => void run("skip", (s) => withTimeout(s).emitWithAck(ClientEvent.hostSkip)), [run]);
  const end = useCallback(() => void run("end", (s) => withTimeout(s).emitWithAck(ClientEvent.hostEnd)), [run]);
  const removePlayer = useCallback(
    (playerId: string) => void run("remove", (s) => withTimeout(s).emitWithAck(ClientEvent.hostRemovePlayer, { playerId })),
    [run],
  );

  const view = current?.view ?? null;
  const questionIndex = view?.question?.index;
  const live = liveCount && liveCount.questionIndex === questionIndex ? liveCount : null;
  // Throttled live counts and full views race; the larger count is the newer one within a round.
  const answered = Math.max(view?.answerCount ?? 0, live?.answered ?? 0);
  const eligible = live?.eligible ?? view?.playerCount ?? 0;

  return {
    attach,
    connected,
    view,
    deadline: current?.deadline ?? null,
    answered,
    eligible,
    pending,
    actionError,
    start,
    next,
    skip,
    end,
    removePlayer,
  };
}
