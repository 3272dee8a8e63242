"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
// Values from the protocol's own modules, not its index: the index brings zod, which the phone leaves to the server.
import type { AnswerAck, AnswerInput, JoinAck, PersonalView, PickTeamAck, PlayerRoomView, Refusal, ResumeAck } from "@/protocol";
import { ClientEvent, ServerEvent } from "@/protocol/events";
import { newAnswerId } from "./answer-id";
import { useClockOffset } from "./clock-offset";
import { localDeadline, received, type LocalDeadline, type Received } from "./countdown";
import { joinUntilAnswered, retryDelay, SAVE_RETRYABLE } from "./join-until-answered";
import { deviceId, findPlayerSession, forgetPlayerSession, savePlayerSession, type PlayerSession } from "./player-session";
import { connectPlayerSocket } from "./player-socket";
import type { QuizSocket } from "./socket";
import { ACK_TIMEOUT_MS, dropWhenOffline, noAnswerRefusal, wait } from "./socket-helpers";

/**
 * "resuming": the socket is up and this phone is asking the server to put it back in its game
 * (after a refresh or a dropped connection). A phone only leaves its game when the host removed
 * it or the game is gone. "replaced": the server closed this connection because the same player
 * came back elsewhere (another tab); it stays closed until the player chooses to continue here.
 */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "resuming" | "replaced";

/**
 * "checking": the page has not looked for a stored game yet (first render);
 * "resuming": going back to a stored game; "form": the join form; "playing": in a game.
 */
export type PlayerStage = "checking" | "resuming" | "form" | "playing";

/**
 * What happened to this phone's answer for one question. `slow`: the server has not confirmed it
 * is stored yet (its database is slow or unreachable); the phone keeps re-sending it.
 */
export type AnswerStatus =
  | { questionIndex: number; kind: "sending"; choice: number[]; given: AnswerInput; slow?: boolean }
  | { questionIndex: number; kind: "locked"; choice: number[]; given: AnswerInput }
  | { questionIndex: number; kind: "refused"; refusal: Refusal };

export interface PlayerGame {
  connection: ConnectionState;
  stage: PlayerStage;
  /** Null until joined or resumed. */
  room: PlayerRoomView | null;
  /** The room code of this phone's game. */
  code: string | null;
  /** When the current phase ends, on this device's clock. */
  deadline: LocalDeadline | null;
  you: PersonalView | null;
  answer: AnswerStatus | null;
  removedMessage: string | null;
  /** Why the phone is back on the join form (its game is gone, say). */
  notice: Refusal | null;
  /** A join is taking long (the server is slow to confirm it); the phone keeps asking. */
  joinSlow: boolean;
  /** The host's next game could not be followed automatically (the phone shows its code to join by hand). */
  followRefused: Refusal | null;
  /** Resolves to null when joined, or to the refusal to show under the form. */
  join(code: string, nickname: string): Promise<Refusal | null>;
  /** One shape per kind of question (see AnswerInput). */
  submitAnswer(questionIndex: number, answer: AnswerInput): void;
  /** Team mode, pick in the lobby: resolves to null once in the team, or to the refusal to show. */
  pickTeam(team: number): Promise<Refusal | null>;
  /** After "replaced": take the game back to this tab. */
  continueHere(): void;
}

type PendingAnswer = { answerId: string; questionIndex: number } & AnswerInput;

/** The options an answer picked (none for an order, a text or a value). */
function choiceOf(answer: AnswerInput): number[] {
  return "choice" in answer ? answer.choice : [];
}

/** What the phone sent, for the "locked in" screen to show back: the pick, the order, the text or the value. */
function givenOf(answer: AnswerInput): AnswerInput {
  if ("choice" in answer) return { choice: answer.choice };
  if ("order" in answer) return { order: answer.order };
  if ("text" in answer) return { text: answer.text };
  return { value: answer.value };
}

/** Resending an answer that got no acknowledgement: the server answers a repeated id with the first ack. */
const ANSWER_RETRY_MS = 3_000;
/** Unanswered sends after which the connection is taken for dead and replaced. */
const SILENT_TRIES_BEFORE_RECONNECT = 2;
/** Refusals of `player:resume` worth trying again; any other means this phone is out of that game. */
const RESUME_RETRYABLE = new Set<Refusal["code"]>(["rate-limited", "server-error"]);

const PlayerGameContext = createContext<PlayerGame | null>(null);

/**
 * Owns the phone's one socket for the whole visit: the join form and every game screen read from
 * here, so a phase change only re-renders. On every (re)connection it resumes the stored game with
 * the player token, and resends an answer that has not been acknowledged yet.
 */
export function PlayerGameProvider({ initialCode, children }: { initialCode: string; children: ReactNode }) {
  const [socket, setSocket] = useState<QuizSocket | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [stage, setStage] = useState<PlayerStage>("checking");
  const [current, setCurrent] = useState<Received<PlayerRoomView> | null>(null);
  const [you, setYou] = useState<PersonalView | null>(null);
  const [answer, setAnswer] = useState<AnswerStatus | null>(null);
  const [removedMessage, setRemovedMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<Refusal | null>(null);
  const [followRefused, setFollowRefused] = useState<Refusal | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [joinSlow, setJoinSlow] = useState(false);
  const offset = useClockOffset(socket);

  const socketRef = useRef<QuizSocket | null>(null);
  /** Resolves once socket.io-client has loaded and the socket exists (a join tapped before then waits for it). */
  const socketReadyRef = useRef<Promise<QuizSocket | null> | null>(null);
  const sessionRef = useRef<PlayerSession | null>(null);
  const roomRef = useRef<PlayerRoomView | null>(null);
  /** True once the server knows this connection is the player (joined or resumed). */
  const boundRef = useRef(false);
  const pendingRef = useRef<PendingAnswer | null>(null);
  const sendingRef = useRef(false);
  /** Bumped by every resume, so an older resume loop stops. */
  const resumeRunRef = useRef(0);
  /** The next game this phone tried to follow (once per invitation); see followNextGame. */
  const followedCodeRef = useRef<string | null>(null);
  const followRef = useRef<(code: string) => void>(() => {});

  const showRoom = useCallback((room: PlayerRoomView) => {
    roomRef.current = room;
    setCurrent(received(room));
    // The host played again: this phone moves to the new game with its nickname.
    if (room.nextGameCode && boundRef.current) followRef.current(room.nextGameCode);
    const pending = pendingRef.current;
    // Stop resending once the question is closed: the reveal says what the server got.
    if (pending && !(room.phase === "answering" && room.question?.index === pending.questionIndex)) pendingRef.current = null;
  }, []);

  const showYou = useCallback((view: PersonalView) => {
    setYou(view);
    const pending = pendingRef.current;
    // The server has the answer even if its acknowledgement got lost on the way.
    if (pending && view.lockedQuestionIndex === pending.questionIndex) {
      pendingRef.current = null;
      setAnswer({ questionIndex: pending.questionIndex, kind: "locked", choice: choiceOf(pending), given: givenOf(pending) });
    }
  }, []);

  const sendPendingAnswer = useCallback(async (): Promise<void> => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    let resumeNeeded = false;
    let silentTries = 0;
    let notStoredTries = 0;
    const showSlow = (pending: PendingAnswer) => {
      if (pendingRef.current === pending) setAnswer({ questionIndex: pending.questionIndex, kind: "sending", choice: choiceOf(pending), given: givenOf(pending), slow: true });
    };
    try {
      for (;;) {
        const pending = pendingRef.current;
        const socket = socketRef.current;
        // Offline: the resume after the next connection sends it again.
        if (!pending || !socket?.connected || !boundRef.current) return;
        const sentAt = Date.now();
        let ack: AnswerAck;
        try {
          ack = await socket.timeout(ANSWER_RETRY_MS).emitWithAck(ClientEvent.answer, pending);
        } catch {
          // No acknowledgement in time (or the connection dropped): same payload, same answerId.
          silentTries++;
          showSlow(pending);
          // A connection that carries nothing for this long is dead even if it looks open (wifi
          // gone without a goodbye): drop it, so socket.io reconnects and the phone resumes now
          // rather than after the heartbeat gives up.
          if (silentTries === SILENT_TRIES_BEFORE_RECONNECT && socket.connected) socket.io.engine?.close();
          if (Date.now() - sentAt < 250) await wait(250);
          continue;
        }
        if (pendingRef.current !== pending) continue;
        if (!ack.ok && ack.code === "not-joined") {
          // The server no longer knows this connection (it restarted, say): resume, then resend.
          boundRef.current = false;
          resumeNeeded = true;
          return;
        }
        if (!ack.ok && SAVE_RETRYABLE.has(ack.code)) {
          // Not stored yet (the school server can't reach its database): the same answer again,
          // until it is stored or the question closes (then the reveal says what counted).
          showSlow(pending);
          await wait(retryDelay(++notStoredTries));
          continue;
        }
        pendingRef.current = null;
        setAnswer(
          ack.ok
            ? { questionIndex: pending.questionIndex, kind: "locked", choice: choiceOf(pending), given: givenOf(pending) }
            : { questionIndex: pending.questionIndex, kind: "refused", refusal: ack },
        );
        return;
      }
    } finally {
      sendingRef.current = false;
      if (resumeNeeded) void resumeRef.current();
    }
  }, []);

  /** This phone is out of its stored game (removed, or the game is gone). */
  const leaveGame = useCallback((session: PlayerSession, refusal: Refusal, openedFromCode: boolean) => {
    forgetPlayerSession(session.gameId);
    sessionRef.current = null;
    pendingRef.current = null;
    boundRef.current = false;
    setConnection("connected");
    const room = roomRef.current;
    // A finished game closes a while after the podium: keep showing the final screen.
    if (room && (room.phase === "podium" || room.phase === "finished") && refusal.code === "game-not-found") return;
    roomRef.current = null;
    setCurrent(null);
    setYou(null);
    setAnswer(null);
    setStage("form");
    // A code from a QR code that belonged to an old game on this phone is just a new game to join.
    setNotice(openedFromCode && !room && refusal.code === "game-not-found" ? null : refusal);
  }, []);

  const resume = useCallback(async (): Promise<void> => {
    const run = ++resumeRunRef.current;
    for (let attempt = 0; ; attempt++) {
      const session = sessionRef.current;
      const socket = socketRef.current;
      if (!session || !socket?.connected || run !== resumeRunRef.current) return;
      setConnection("resuming");
      let ack: ResumeAck | null = null;
      try {
        ack = await socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(ClientEvent.resume, { gameId: session.gameId, playerId: session.playerId, playerToken: session.playerToken });
      } catch {
        ack = null;
      }
      if (run !== resumeRunRef.current || sessionRef.current !== session) return;
      if (ack?.ok) {
        boundRef.current = true;
        setCode(session.code);
        showRoom(ack.room);
        showYou(ack.you);
        setStage("playing");
        setConnection("connected");
        void sendPendingAnswer();
        return;
      }
      if (ack && !RESUME_RETRYABLE.has(ack.code)) {
        leaveGame(session, ack, initialCode !== "");
        return;
      }
      await wait(Math.min(1_000 * 2 ** attempt, 5_000));
    }
  }, [initialCode, leaveGame, sendPendingAnswer, showRoom, showYou]);

  // The answer loop may need to resume; it reads the latest resume through this ref.
  const resumeRef = useRef(resume);
  useEffect(() => {
    resumeRef.current = resume;
  }, [resume]);

  useEffect(() => {
    const session = findPlayerSession(initialCode || null);
    sessionRef.current = session;
    setStage(session ? "resuming" : "form");
    if (session) setCode(session.code);

    // The form shows first; the socket library is fetched and run right after (connectPlayerSocket).
    let closed = false;
    let stopWatchingNetwork = () => {};
    socketReadyRef.current = connectPlayerSocket().then(
      (socket) => {
        if (closed) {
          socket.disconnect();
          return null;
        }
        socketRef.current = socket;
        setSocket(socket);
        socket.on("connect", () => {
          boundRef.current = false;
          if (sessionRef.current) void resumeRef.current();
          else setConnection("connected");
        });
        socket.on("disconnect", (reason) => {
          boundRef.current = false;
          // Only the server closing the connection stops socket.io from reconnecting: the same
          // player resumed on another connection.
          setConnection(reason === "io server disconnect" ? "replaced" : "reconnecting");
        });
        socket.on(ServerEvent.room, (view) => {
          showRoom(view);
          // Pick mode: the lobby's teams on offer follow the other phones' picks (newest message wins).
          const choices = view.teamChoices;
          if (choices) setYou((you) => (you && view.phase === "lobby" ? { ...you, teamChoices: choices } : you));
        });
        socket.on(ServerEvent.personal, ({ room, you }) => {
          showRoom(room);
          showYou(you);
        });
        socket.on(ServerEvent.removed, ({ message }) => {
          if (sessionRef.current) forgetPlayerSession(sessionRef.current.gameId);
          sessionRef.current = null;
          pendingRef.current = null;
          setRemovedMessage(message);
        });
        stopWatchingNetwork = dropWhenOffline(socket);
        return socket;
      },
      // The library could not be fetched even after retries: a join says the server did not answer.
      () => null,
    );
    return () => {
      closed = true;
      stopWatchingNetwork();
      resumeRunRef.current++;
      socketRef.current?.disconnect();
      socketRef.current = null;
    };
    // The page's code comes from the address once, and the callbacks never change: this runs once.
  }, [initialCode, showRoom, showYou]);

  /** In the game a join (or a move to the next game) was acknowledged for. */
  const enterGame = useCallback(
    (code: string, ack: Extract<JoinAck, { ok: true }>) => {
      sessionRef.current = savePlayerSession({
        gameId: ack.room.gameId,
        playerId: ack.you.playerId,
        playerToken: ack.playerToken,
        code,
        nickname: ack.you.nickname,
      });
      boundRef.current = true;
      setCode(code);
      setNotice(null);
      setRemovedMessage(null);
      setFollowRefused(null);
      setAnswer(null);
      showRoom(ack.room);
      showYou(ack.you);
      setStage("playing");
    },
    [showRoom, showYou],
  );

  const join = useCallback(
    async (code: string, nickname: string): Promise<Refusal | null> => {
      const socket = socketRef.current ?? (await socketReadyRef.current);
      if (!socket) return noAnswerRefusal();
      try {
        const ack = await joinUntilAnswered(socket, { code, nickname, deviceId: deviceId(), joinId: newAnswerId() }, setJoinSlow);
        if (!ack.ok) return ack;
        enterGame(code, ack);
        return null;
      } catch {
        return noAnswerRefusal();
      }
    },
    [enterGame],
  );

  /** Moves to the host's next game with this phone's nickname; if that fails, the final screen offers its code. */
  const followNextGame = useCallback(
    async (code: string) => {
      const socket = socketRef.current;
      const session = sessionRef.current;
      if (!socket?.connected || !session || followedCodeRef.current === code) return;
      followedCodeRef.current = code;
      let ack: JoinAck;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.playAgain, { deviceId: deviceId() });
      } catch {
        ack = noAnswerRefusal();
      }
      if (sessionRef.current !== session) return;
      if (!ack.ok) return setFollowRefused(ack);
      forgetPlayerSession(session.gameId);
      enterGame(code, ack);
    },
    [enterGame],
  );
  useEffect(() => {
    followRef.current = (code) => void followNextGame(code);
  }, [followNextGame]);

  const submitAnswer = useCallback(
    (questionIndex: number, given: AnswerInput) => {
      const pending: PendingAnswer = { answerId: newAnswerId(), questionIndex, ...given };
      pendingRef.current = pending;
      setAnswer({ questionIndex, kind: "sending", choice: choiceOf(given), given: givenOf(given) });
      void sendPendingAnswer();
    },
    [sendPendingAnswer],
  );

  const pickTeam = useCallback(async (team: number) => {
    const socket = socketRef.current;
    if (!socket?.connected) return noAnswerRefusal();
    let ack: PickTeamAck;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.pickTeam, { team });
    } catch {
      return noAnswerRefusal();
    }
    if (!ack.ok) return ack;
    setYou(ack.you);
    return null;
  }, []);

  const continueHere = useCallback(() => {
    socketRef.current?.connect();
    setConnection("connecting");
  }, []);

  const deadline = useMemo(() => (current ? localDeadline(current.view.countdown, current.receivedAt, offset) : null), [current, offset]);

  const value = useMemo<PlayerGame>(
    () => ({
      connection,
      stage,
      room: current?.view ?? null,
      code,
      deadline,
      you,
      answer,
      removedMessage,
      notice,
      joinSlow,
      followRefused,
      join,
      submitAnswer,
      pickTeam,
      continueHere,
    }),
    [connection, stage, current, code, deadline, you, answer, removedMessage, notice, joinSlow, followRefused, join, submitAnswer, pickTeam, continueHere],
  );

  return <PlayerGameContext value={value}>{children}</PlayerGameContext>;
}

export function usePlayerGame(): PlayerGame {
  const game = useContext(PlayerGameContext);
  if (!game) throw new Error("usePlayerGame must be used inside <PlayerGameProvider>");
  return game;
}
