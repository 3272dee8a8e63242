import { io, type Socket } from "socket.io-client";
// Values from the protocol's own modules, not its index: the index brings zod, which the phone leaves to the server.
import { ClientEvent, ServerEvent } from "@/protocol/events";
import type {
  AnswerAck,
  AnswerCountUpdate,
  AnswerRequest,
  HostActionAck,
  HostAttachAck,
  HostAttachRequest,
  HostRemovePlayerRequest,
  HostReadmitPlayerRequest,
  ResumeAck,
  ResumeRequest,
  TimeSyncAck,
  HostView,
  JoinAck,
  JoinRequest,
  PlayAgainRequest,
  PersonalMessage,
  PlayerRoomView,
  Refusal,
} from "@/protocol";

export interface ServerToClientEvents {
  [ServerEvent.room]: (view: PlayerRoomView) => void;
  [ServerEvent.personal]: (message: PersonalMessage) => void;
  [ServerEvent.removed]: (payload: { message: string }) => void;
  [ServerEvent.hostState]: (view: HostView) => void;
  [ServerEvent.hostAnswers]: (update: AnswerCountUpdate) => void;
}

type AckCallback<T> = (response: T) => void;

export interface ClientToServerEvents {
  [ClientEvent.join]: (request: JoinRequest, ack: AckCallback<JoinAck>) => void;
  [ClientEvent.playAgain]: (request: PlayAgainRequest, ack: AckCallback<JoinAck>) => void;
  [ClientEvent.resume]: (request: ResumeRequest, ack: AckCallback<ResumeAck>) => void;
  [ClientEvent.answer]: (request: AnswerRequest, ack: AckCallback<AnswerAck>) => void;
  [ClientEvent.timeSync]: (ack: AckCallback<TimeSyncAck>) => void;
  [ClientEvent.hostAttach]: (request: HostAttachRequest, ack: AckCallback<HostAttachAck>) => void;
  [ClientEvent.hostStart]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostNext]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostSkip]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostEnd]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostPause]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostResume]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostLock]: (request: { locked: boolean }, ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostRemovePlayer]: (request: HostRemovePlayerRequest, ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostReadmitPlayer]: (request: HostReadmitPlayerRequest, ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostAllowTakeover]: (request: { playerId: string }, ack: AckCallback<HostActionAck>) => void;
}

export type QuizSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long to wait for the server to acknowledge a request before telling the user. */
export const ACK_TIMEOUT_MS = 8_000;

/**
 * A socket to the quiz server on this page's own origin (default path /socket.io). It reconnects by
 * itself, forever, with a backoff capped at 3 s (a restarting server is back within seconds); the
 * server keeps nothing for the old socket, so every `connect` must resume or re-attach.
 */
export function connectQuizSocket(): QuizSocket {
  return io({ reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
}

/**
 * When the device says it went offline, close the connection at once instead of waiting for the
 * heartbeat to notice (up to ~45 s): the page shows "Reconnecting…" straight away, and socket.io
 * reconnects (and the page resumes) as soon as the network is back. Returns the clean-up.
 */
export function dropWhenOffline(socket: QuizSocket): () => void {
  const onOffline = () => {
    if (socket.connected) socket.io.engine?.close();
  };
  window.addEventListener("offline", onOffline);
  return () => window.removeEventListener("offline", onOffline);
}

/** Waits `ms`, for retry loops. */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The refusal shown when the server did not answer in time (or the connection dropped meanwhile). */
export function noAnswerRefusal(): Refusal {
  return {
    ok: false,
    code: "server-error",
    message: "The game server didn't answer. Check your connection and try again.",
  };
}
