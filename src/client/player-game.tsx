"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ClientEvent, ServerEvent, type PersonalView, type PlayerRoomView } from "@/protocol";
import { localDeadline, type LocalDeadline } from "./countdown";
import { ACK_TIMEOUT_MS, connectQuizSocket, noAnswerRefusal, type QuizSocket } from "./socket";

/**
 * "lost": the socket came back but the server did not restore this phone's session, so it no
 * longer receives the game (resuming a player is not supported by the server yet).
 */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "lost";

/** What happened to this phone's answer for one question. */
export type AnswerStatus =
  | { questionIndex: number; kind: "sending"; choice: number[] }
  | { questionIndex: number; kind: "locked"; choice: number[] }
  | { questionIndex: number; kind: "refused"; message: string };

export interface PlayerGame {
  connection: ConnectionState;
  /** Null until the join is accepted. */
  room: PlayerRoomView | null;
  /** The room code this phone joined with. */
  code: string | null;
  /** When the current phase ends, on this device's clock. */
  deadline: LocalDeadline | null;
  you: PersonalView | null;
  answer: AnswerStatus | null;
  removedMessage: string | null;
  /** Resolves to null when joined, or to the message to show under the form. */
  join(code: string, nickname: string): Promise<string | null>;
  submitAnswer(questionIndex: number, choice: number[]): void;
}

const PlayerGameContext = createContext<PlayerGame | null>(null);

/**
 * Owns the phone's one socket for the whole visit: the join form and every game screen read from
 * here, so a phase change only re-renders.
 */
export function PlayerGameProvider({ children }: { children: ReactNode }) {
  const socketRef = useRef<QuizSocket | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [current, setCurrent] = useState<{ room: PlayerRoomView; deadline: LocalDeadline | null } | null>(null);
  const [you, setYou] = useState<PersonalView | null>(null);
  const [answer, setAnswer] = useState<AnswerStatus | null>(null);
  const [removedMessage, setRemovedMessage] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const joinedRef = useRef(false);

  useEffect(() => {
    const socket = connectQuizSocket();
    socketRef.current = socket;
    socket.on("connect", () => setConnection(joinedRef.current && !socket.recovered ? "lost" : "connected"));
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.on(ServerEvent.room, (room) => setCurrent({ room, deadline: localDeadline(room.countdown) }));
    socket.on(ServerEvent.personal, setYou);
    socket.on(ServerEvent.removed, ({ message }) => setRemovedMessage(message));
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, []);

  const join = useCallback(async (code: string, nickname: string): Promise<string | null> => {
    const socket = socketRef.current;
    if (!socket) return noAnswerRefusal().message;
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname });
      if (!ack.ok) return ack.message;
      joinedRef.current = true;
      setCode(code);
      setRemovedMessage(null);
      setYou(ack.you);
      setCurrent({ room: ack.room, deadline: localDeadline(ack.room.countdown) });
      if (ack.you.lockedQuestionIndex !== null) {
        setAnswer({ questionIndex: ack.you.lockedQuestionIndex, kind: "locked", choice: [] });
      }
      return null;
    } catch {
      return noAnswerRefusal().message;
    }
  }, []);

  const submitAnswer = useCallback(async (questionIndex: number, choice: number[]) => {
    const socket = socketRef.current;
    if (!socket) return;
    setAnswer({ questionIndex, kind: "sending", choice });
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { questionIndex, choice });
      setAnswer(ack.ok ? { questionIndex, kind: "locked", choice } : { questionIndex, kind: "refused", message: ack.message });
    } catch {
      setAnswer({ questionIndex, kind: "refused", message: noAnswerRefusal().message });
    }
  }, []);

  const value = useMemo<PlayerGame>(
    () => ({
      connection,
      room: current?.room ?? null,
      code,
      deadline: current?.deadline ?? null,
      you,
      answer,
      removedMessage,
      join,
      submitAnswer: (questionIndex, choice) => void submitAnswer(questionIndex, choice),
    }),
    [connection, current, code, you, answer, removedMessage, join, submitAnswer],
  );

  return <PlayerGameContext value={value}>{children}</PlayerGameContext>;
}

export function usePlayerGame(): PlayerGame {
  const game = useContext(PlayerGameContext);
  if (!game) throw new Error("usePlayerGame must be used inside <PlayerGameProvider>");
  return game;
}
