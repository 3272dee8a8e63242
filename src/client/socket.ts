import { io, type Socket } from "socket.io-client";
import {
  ClientEvent,
  ServerEvent,
  type AnswerAck,
  type AnswerCountUpdate,
  type AnswerRequest,
  type HostActionAck,
  type HostAttachAck,
  type HostAttachRequest,
  type HostRemovePlayerRequest,
  type HostView,
  type JoinAck,
  type JoinRequest,
  type PersonalView,
  type PlayerRoomView,
  type Refusal,
} from "@/protocol";

export interface ServerToClientEvents {
  [ServerEvent.room]: (view: PlayerRoomView) => void;
  [ServerEvent.personal]: (view: PersonalView) => void;
  [ServerEvent.removed]: (payload: { message: string }) => void;
  [ServerEvent.hostState]: (view: HostView) => void;
  [ServerEvent.hostAnswers]: (update: AnswerCountUpdate) => void;
}

type AckCallback<T> = (response: T) => void;

export interface ClientToServerEvents {
  [ClientEvent.join]: (request: JoinRequest, ack: AckCallback<JoinAck>) => void;
  [ClientEvent.answer]: (request: AnswerRequest, ack: AckCallback<AnswerAck>) => void;
  [ClientEvent.hostAttach]: (request: HostAttachRequest, ack: AckCallback<HostAttachAck>) => void;
  [ClientEvent.hostStart]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostNext]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostSkip]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostEnd]: (ack: AckCallback<HostActionAck>) => void;
  [ClientEvent.hostRemovePlayer]: (request: HostRemovePlayerRequest, ack: AckCallback<HostActionAck>) => void;
}

export type QuizSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long to wait for the server to acknowledge a request before telling the user. */
export const ACK_TIMEOUT_MS = 8_000;

/** A socket to the quiz server on this page's own origin (default path /socket.io). */
export function connectQuizSocket(): QuizSocket {
  return io({ reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
}

/** The refusal shown when the server did not answer in time (or the connection dropped meanwhile). */
export function noAnswerRefusal(): Refusal {
  return {
    ok: false,
    code: "server-error",
    message: "The game server didn't answer. Check your connection and try again.",
  };
}
