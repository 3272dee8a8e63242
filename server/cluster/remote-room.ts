/**
 * A live game owned by another node, seen from this one: every call is forwarded to the owner and
 * its answer comes back. The socket stays here and joins the game's Socket.IO rooms on this node,
 * so the owner's broadcasts reach it through the adapter.
 */
import { refusal, type AnswerRequest, type HostView } from "../../src/protocol";
import type { PickTeamAck } from "../../src/protocol";
import type { NextGameAck, RoomHandle } from "../rooms/room-directory";

/** What the owner serves; `payload.gameId` names the game. */
export const ROOM_OPS = [
  "join",
  "joinAnswered",
  "resume",
  "answer",
  "socketClosed",
  "hostAttached",
  "hostDetached",
  "hostSnapshot",
  "start",
  "next",
  "skip",
  "end",
  "pause",
  "resumeClock",
  "lock",
  "allowTakeover",
  "removePlayer",
  "readmitPlayer",
  "offerNextGame",
  "nextGameFor",
  "pickTeam",
  "releaseFinished",
] as const;
export type RoomOp = (typeof ROOM_OPS)[number];

/** The owner's reply: the room's own answer, or `moved` when the game is no longer there. */
export type ForwardedReply = { value: unknown } | { moved: true };

/** Sends one call to the game's owner (and follows the game if that owner died meanwhile). */
export type Forward = (ownerNodeId: string, op: RoomOp, payload: { gameId: string } & Record<string, unknown>) => Promise<ForwardedReply>;

const UNREACHABLE = refusal("server-error", "The server running this game didn't answer in time. Trying again…");

export class RemoteRoom implements RoomHandle {
  constructor(
    readonly gameId: string,
    readonly code: string,
    readonly hostSecretHash: string,
    readonly ownerNodeId: string,
    private readonly send: Forward,
  ) {}

  /** The owner's answer, or `fallback` if it is unreachable or no longer owns the game (the client retries). */
  private async forward<T>(op: RoomOp, args: Record<string, unknown>, fallback: T): Promise<T> {
    try {
      const reply = await this.send(this.ownerNodeId, op, { gameId: this.gameId, ...args });
      return "value" in reply ? (reply.value as T) : fallback;
    } catch {
      return fallback;
    }
  }

  join = (nickname: string, socketId: string, ids: { joinId?: string; deviceId?: string } = {}) =>
    this.forward("join", { nickname, socketId, joinId: ids.joinId, deviceId: ids.deviceId }, UNREACHABLE);
  resume = (playerId: string, playerToken: string, socketId: string) => this.forward("resume", { playerId, playerToken, socketId }, UNREACHABLE);
  answer = (playerId: string, request: AnswerRequest) => this.forward("answer", { playerId, request }, UNREACHABLE);
  socketClosed = (playerId: string, socketId: string) => void this.forward("socketClosed", { playerId, socketId }, undefined);
  joinAnswered = (joinId: string, delivered: boolean) => void this.forward("joinAnswered", { joinId, delivered }, undefined);
  hostDetached = (socketId: string) => void this.forward("hostDetached", { socketId }, undefined);

  async hostAttached(socketId: string): Promise<void> {
    const reply = await this.send(this.ownerNodeId, "hostAttached", { gameId: this.gameId, socketId });
    if (!("value" in reply)) throw new Error("the game moved to another server");
  }

  async hostSnapshot(): Promise<HostView> {
    const reply = await this.send(this.ownerNodeId, "hostSnapshot", { gameId: this.gameId });
    if (!("value" in reply)) throw new Error("the game moved to another server");
    return reply.value as HostView;
  }

  start = () => this.forward("start", {}, UNREACHABLE);
  next = () => this.forward("next", {}, UNREACHABLE);
  skip = () => this.forward("skip", {}, UNREACHABLE);
  end = () => this.forward("end", {}, UNREACHABLE);
  pause = () => this.forward("pause", {}, UNREACHABLE);
  resumeClock = () => this.forward("resumeClock", {}, UNREACHABLE);
  lock = (locked: boolean) => this.forward("lock", { locked }, UNREACHABLE);
  allowTakeover = (playerId: string) => this.forward("allowTakeover", { playerId }, UNREACHABLE);
  removePlayer = (playerId: string) => this.forward("removePlayer", { playerId }, UNREACHABLE);
  readmitPlayer = (playerId: string) => this.forward("readmitPlayer", { playerId }, UNREACHABLE);
  offerNextGame = (code: string) => this.forward("offerNextGame", { code }, UNREACHABLE);
  nextGameFor = (playerId: string) => this.forward<NextGameAck>("nextGameFor", { playerId }, UNREACHABLE);
  pickTeam = (playerId: string, team: number) => this.forward<PickTeamAck>("pickTeam", { playerId, team }, UNREACHABLE);
}
