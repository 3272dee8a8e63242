import type { HostView, PersonalView, PlayerRoomView } from "./views";

/** Why a request was refused. Every refusal also carries a plain-words message for the screen. */
export type RefusalCode =
  | "invalid-request"
  | "game-not-found"
  | "game-started"
  | "game-over"
  | "nickname-taken"
  /** The host requires generated nicknames and this one was typed: the phone draws one instead. */
  | "nickname-not-generated"
  | "not-allowed"
  | "not-joined"
  | "removed"
  | "not-accepting"
  | "wrong-question"
  | "already-answered"
  | "too-late"
  | "invalid-choice"
  | "no-players"
  | "rate-limited"
  | "locked"
  | "paused"
  | "takeover-needed"
  | "joined-late"
  /** Team mode, pick in the lobby: that team has as many players as the host allows. */
  | "team-full"
  | "server-error";

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | Refusal;

/**
 * `playerToken` is this phone's proof of identity for `player:resume`: keep it (not the nickname)
 * and present it after a refresh or a dropped connection.
 */
export type JoinAck = Ack<{ room: PlayerRoomView; you: PersonalView; playerToken: string }>;
export type ResumeAck = Ack<{ room: PlayerRoomView; you: PersonalView }>;
/** Sent only once the answer is safely stored. */
export type AnswerAck = Ack<{ questionIndex: number; answerId: string }>;
export type TimeSyncAck = { ok: true; serverNow: number };
export type HostAttachAck = Ack<{ state: HostView }>;
export type HostActionAck = Ack;
/** Team mode, pick in the lobby: the phone's view with its new team (and the teams on offer now). */
export type PickTeamAck = Ack<{ you: PersonalView }>;

export function refusal(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
