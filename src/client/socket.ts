import { io, type Socket } from "socket.io-client";
// The helpers live apart so the phone can use them without socket.io-client, which it loads after its first screen.
export { ACK_TIMEOUT_MS, dropWhenOffline, noAnswerRefusal, wait } from "./socket-helpers";
// Values from the protocol's own modules, not its index: the index brings zod, which the phone leaves to the server.
import { ClientEvent, ServerEvent } from "@/protocol/events";
import type {
  PickTeamAck,
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
  [ClientEvent.pickTeam]: (request: { team: number }, ack: AckCallback<PickTeamAck>) => void;
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

/**
 * A socket to the quiz server on this page's own origin (default path /socket.io). It reconnects by
 * itself, forever, with a backoff capped at 3 s (a restarting server is back within seconds); the
 * server keeps nothing for the old socket, so every `connect` must resume or re-attach.
 */
export function connectQuizSocket(): QuizSocket {
  return io({ reconnectionDelay: 500, reconnectionDelayMax: 3_000 });
}
