/**
 * Socket.IO adapter: validate every inbound event against the shared protocol, find the room,
 * call it, and answer through the acknowledgement. Nothing a client sends is trusted.
 */
import { randomUUID } from "node:crypto";
import type { Server, Socket } from "socket.io";
import {
  ClientEvent,
  answerRequestSchema,
  hostActionSchema,
  hostAttachSchema,
  fallbackRefusalMessages,
  hostLockSchema,
  hostPlayerSchema,
  hostReadmitPlayerSchema,
  hostRemovePlayerSchema,
  resumeRequestSchema,
  joinRequestSchema,
  playAgainRequestSchema,
  pickTeamSchema,
  refusal,
  type Ack,
  type Refusal,
} from "../../src/protocol";
import { verifySecret } from "../games/secrets";
import type { Logger } from "../rooms/ports";
import type { RoomDirectory, RoomHandle } from "../rooms/room-directory";
import { hostChannel, playerChannel, playersChannel } from "./broadcaster";
import type { EventHandler, SocketEvents } from "./validated-event";
import { createWrongCodeLimiter, type WrongCodeLimiter } from "./wrong-code-limiter";

interface SocketIdentity {
  player?: { gameId: string; playerId: string };
  /** Set while a join is in flight, so a second join sent at once is refused. */
  joining?: boolean;
  /** The phone's id of this socket's join: a retry with the same id is answered, not refused. */
  joinId?: string;
  hostOf?: string;
}

/**
 * The one answer to a code that opens no game, whether no game has it, or its game is locked or
 * over: a sweep can't tell a live code from a dead one.
 */
export function noOpenGame(code: string): Refusal {
  return refusal(
    "game-not-found",
    `There's no open game with the code ${code}. Check the code on the big screen — if it's right, the game may be locked: ask your teacher.`,
  );
}

const CLOSED_TO_NEWCOMERS = new Set<Refusal["code"]>(["locked", "game-over"]);

function duration(ms: number): string {
  const [perUnit, unit] = ms <= 90_000 ? [1_000, "second"] : ms < 120 * 60_000 ? [60_000, "minute"] : [3_600_000, "hour"];
  const amount = Math.max(1, Math.ceil(ms / perUnit));
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

function tooManyWrongCodes(waitMs: number): Refusal {
  return refusal("rate-limited", `Too many wrong game codes were tried from this network. Wait ${duration(waitMs)}, then try again.`);
}

export interface SocketHandlerOptions {
  /** Wrong room codes per client address (default: createWrongCodeLimiter() in memory). */
  wrongCodes?: WrongCodeLimiter;
}

/** What a socket is to the live game, kept on the socket itself (see SocketEvents). */
function identityOf(socket: Socket): SocketIdentity {
  return ((socket.data as { game?: SocketIdentity }).game ??= {});
}

export function registerSocketHandlers(io: Server, events: SocketEvents, registry: RoomDirectory, log: Logger, options: SocketHandlerOptions = {}): void {
  const wrongCodes = options.wrongCodes ?? createWrongCodeLimiter();

  async function hostRoom(socket: Socket): Promise<RoomHandle | Refusal> {
    const { hostOf } = identityOf(socket);
    if (!hostOf) return refusal("not-allowed", "Only the host can do that.");
    const room = await registry.findById(hostOf);
    return room ?? refusal("game-not-found", "This game is no longer running.");
  }

  function asHost<T>(action: (room: RoomHandle, input: T) => Promise<Ack>): EventHandler<T> {
    return async (input, socket) => {
      const room = await hostRoom(socket);
      return "ok" in room ? room : action(room, input);
    };
  }

  /** Binds a socket to a player of a room: it receives the room's broadcasts and its own. */
  async function bindPlayer(socket: Socket, room: RoomHandle, playerId: string) {
    identityOf(socket).player = { gameId: room.gameId, playerId };
    await socket.join([playersChannel(room.gameId), playerChannel(playerId)]);
    if (socket.disconnected) room.socketClosed(playerId, socket.id);
  }

  events.on(ClientEvent.join, joinRequestSchema, fallbackRefusalMessages.join, async ({ code, nickname, deviceId, joinId: requestedJoinId }, socket) => {
    const identity = identityOf(socket);
    // The same join sent again (its acknowledgement was slow or lost) is answered again; any other is refused.
    const sameJoin = requestedJoinId !== undefined && identity.joinId === requestedJoinId;
    if ((identity.player || identity.joining) && !sameJoin) return refusal("invalid-request", "This device has already joined a game.");
    const joinId = requestedJoinId ?? randomUUID();
    identity.joining = true;
    identity.joinId = joinId;
    try {
      const address = events.addressOf(socket);
      const waitMs = await wrongCodes.waitMs(address);
      if (waitMs > 0) return tooManyWrongCodes(waitMs);
      const room = await registry.findByCode(code);
      const ack = room ? await room.join(nickname, socket.id, { joinId, deviceId }) : noOpenGame(code);
      if (ack.ok) {
        await bindPlayer(socket, room!, ack.you.playerId);
        room!.joinAnswered(joinId, socket.connected);
        return ack;
      }
      if (ack.code !== "game-not-found" && !CLOSED_TO_NEWCOMERS.has(ack.code)) return ack;
      // A code that opens no game costs this address one of its wrong codes.
      await wrongCodes.wrongCode(address);
      return noOpenGame(code);
    } finally {
      identity.joining = false;
    }
  });

  events.on(ClientEvent.resume, resumeRequestSchema, fallbackRefusalMessages.resume, async ({ gameId, playerId, playerToken }, socket) => {
    const identity = identityOf(socket);
    if (identity.player && identity.player.playerId !== playerId) return refusal("invalid-request", "This device has already joined a game.");
    const room = await registry.findById(gameId);
    if (!room) return refusal("game-not-found", "This game is no longer running.");
    const { replacedSocketId, ...ack } = await room.resume(playerId, playerToken, socket.id);
    if (!ack.ok) return ack;
    await bindPlayer(socket, room, playerId);
    // The same player on an older connection (another tab, a half-dead socket) is closed.
    if (replacedSocketId) io.in(replacedSocketId).disconnectSockets(true);
    return ack;
  });

  events.on(ClientEvent.playAgain, playAgainRequestSchema, fallbackRefusalMessages.playAgain, async ({ deviceId }, socket) => {
    const identity = identityOf(socket);
    const from = identity.player;
    if (!from) return refusal("not-joined", "Join a game first.");
    if (identity.joining) return refusal("invalid-request", "This device is already joining a game.");
    const finished = await registry.findById(from.gameId);
    if (!finished) return refusal("game-not-found", "This game is no longer running.");
    const next = await finished.nextGameFor(from.playerId);
    if (!next.ok) return next;
    const room = await registry.findByCode(next.code);
    if (!room) return noOpenGame(next.code);
    const joinId = randomUUID();
    identity.joining = true;
    identity.joinId = joinId;
    try {
      const ack = await room.join(next.nickname, socket.id, { joinId, deviceId });
      if (!ack.ok) return ack;
      // Out of the finished game: its messages no longer reach this phone.
      await socket.leave(playersChannel(from.gameId));
      await socket.leave(playerChannel(from.playerId));
      finished.socketClosed(from.playerId, socket.id);
      await bindPlayer(socket, room, ack.you.playerId);
      room.joinAnswered(joinId, socket.connected);
      return ack;
    } finally {
      identity.joining = false;
    }
  });

  events.on(ClientEvent.answer, answerRequestSchema, fallbackRefusalMessages.answer, async (request, socket) => {
    const { player } = identityOf(socket);
    if (!player) return refusal("not-joined", "Join a game before answering.");
    const room = await registry.findById(player.gameId);
    if (!room) return refusal("game-not-found", "This game is no longer running.");
    return room.answer(player.playerId, request);
  });

  events.on(ClientEvent.pickTeam, pickTeamSchema, fallbackRefusalMessages.pickTeam, async ({ team }, socket) => {
    const { player } = identityOf(socket);
    if (!player) return refusal("not-joined", "Join the game before picking a team.");
    const room = await registry.findById(player.gameId);
    if (!room) return refusal("game-not-found", "This game is no longer running.");
    return room.pickTeam(player.playerId, team);
  });

  events.reply(ClientEvent.timeSync, () => ({ ok: true, serverNow: Date.now() }));

  events.on(ClientEvent.hostAttach, hostAttachSchema, fallbackRefusalMessages.hostAttach, async ({ gameId, hostSecret }, socket) => {
    const room = await registry.findById(gameId);
    if (!room) return refusal("game-not-found", "This game is no longer running.");
    if (!verifySecret(hostSecret, room.hostSecretHash)) return refusal("not-allowed", "This screen isn't the host of that game.");
    identityOf(socket).hostOf = gameId;
    await socket.join(hostChannel(gameId));
    await room.hostAttached(socket.id);
    return { ok: true, state: await room.hostSnapshot() };
  });

  const hostAction = fallbackRefusalMessages.hostAction;
  events.on(ClientEvent.hostStart, hostActionSchema, hostAction, asHost((room) => room.start()));
  events.on(ClientEvent.hostNext, hostActionSchema, hostAction, asHost((room) => room.next()));
  events.on(ClientEvent.hostSkip, hostActionSchema, hostAction, asHost((room) => room.skip()));
  events.on(ClientEvent.hostEnd, hostActionSchema, hostAction, asHost((room) => room.end()));
  events.on(ClientEvent.hostPause, hostActionSchema, hostAction, asHost((room) => room.pause()));
  events.on(ClientEvent.hostResume, hostActionSchema, hostAction, asHost((room) => room.resumeClock()));
  events.on(ClientEvent.hostLock, hostLockSchema, hostAction, asHost((room, { locked }) => room.lock(locked)));
  events.on(ClientEvent.hostRemovePlayer, hostRemovePlayerSchema, hostAction, asHost((room, { playerId }) => room.removePlayer(playerId)));
  events.on(ClientEvent.hostReadmitPlayer, hostReadmitPlayerSchema, hostAction, asHost((room, { playerId }) => room.readmitPlayer(playerId)));
  events.on(ClientEvent.hostAllowTakeover, hostPlayerSchema, hostAction, asHost((room, { playerId }) => room.allowTakeover(playerId)));

  events.onClose((socket) => {
    const { hostOf, player } = identityOf(socket);
    const report = (gameId: string, tell: (room: RoomHandle) => void) =>
      void Promise.resolve(registry.findById(gameId)).then((room) => room && tell(room), (error: unknown) => log.error("socket close report failed", error));
    if (hostOf) report(hostOf, (room) => room.hostDetached(socket.id));
    if (player) report(player.gameId, (room) => room.socketClosed(player.playerId, socket.id));
  });
}
