/**
 * The room directory of one node in a cluster: games this node owns are its local GameRooms; any
 * other live game is a RemoteRoom forwarding to its owner. Room codes are reserved in Redis, so
 * they are unique cluster-wide. A game whose owner died (its lease ran out) is taken over by the
 * first node that needs it or notices it, and restored from the database as a restart does.
 */
import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import type { Server } from "socket.io";
import type { AnswerRequest } from "../../src/protocol";
import { getGameAuth, type Database } from "../db";
import type { GameState } from "../engine";
import type { GameRoom } from "../rooms/game-room";
import type { LiveGameStore, Logger } from "../rooms/ports";
import type { RoomRegistry } from "../rooms/registry";
import type { RoomDirectory, RoomHandle } from "../rooms/room-directory";
import { restoreGameState } from "../rooms/restore-games";
import { hostChannel, playerChannel, playersChannel } from "../socket/broadcaster";
import type { ClusterKeys } from "./keys";
import type { GameLeases } from "./lease";
import { RemoteRoom, type ForwardedReply, type RoomOp } from "./remote-room";
import { RemoteSockets, type ForwardedPayload } from "./remote-sockets";
import { RpcUnavailable, type NodeRpc } from "./rpc";

/** Code reservations and game details outlive any sane game; the owner rewrites them on takeover. */
const GAME_KEYS_TTL_MS = 12 * 60 * 60_000;
const RESERVED = "reserved";
const REMOTE_ROOM_CACHE_MS = 1_000;
/** Server-side event to every other node: this game has a new owner. */
export const GAME_MOVED = "quiz:game-moved";

export interface ClusterRegistryDeps {
  local: RoomRegistry;
  redis: Redis;
  keys: ClusterKeys;
  leases: GameLeases;
  rpc: NodeRpc;
  db: Database;
  store: LiveGameStore;
  io: Server;
  log: Logger;
  remoteSockets: RemoteSockets;
}

export class ClusterRegistry implements RoomDirectory {
  private readonly takeovers = new Map<string, Promise<void>>();
  /** Who owns a game, remembered briefly so a burst of answers doesn't ask Redis each time (a stale one only costs a retry). */
  private readonly remoteRooms = new Map<string, { room: RemoteRoom; until: number }>();
  private scanner: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: ClusterRegistryDeps) {
    deps.local.onClosed = (room) => void this.forgetGame(room.gameId, room.code).catch((error: unknown) => deps.log.error(`could not free game ${room.code} in Redis`, error));
  }

  get nodeId(): string {
    return this.deps.leases.nodeId;
  }

  // ——— RoomDirectory ———

  async allocateCode(): Promise<string> {
    const { redis, keys } = this.deps;
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
      if ((await redis.set(keys.code(code), RESERVED, "PX", GAME_KEYS_TTL_MS, "NX")) === "OK") return code;
    }
    throw new Error("Too many live games in the cluster to hand out a new room code.");
  }

  async create(state: GameState, hostSecretHash: string): Promise<GameRoom> {
    if (!(await this.deps.leases.acquire(state.gameId))) throw new Error(`game ${state.gameId} already has an owner`);
    await this.publishGame(state.gameId, state.code, hostSecretHash);
    this.deps.remoteSockets.gameMadeHere(state.gameId);
    return this.deps.local.create(state, hostSecretHash);
  }

  async findByCode(code: string): Promise<RoomHandle | undefined> {
    const local = this.deps.local.findByCode(code);
    if (local && this.deps.leases.holds(local.gameId)) return local;
    const gameId = await this.deps.redis.get(this.deps.keys.code(code));
    return gameId && gameId !== RESERVED ? this.findById(gameId) : undefined;
  }

  async findById(gameId: string): Promise<RoomHandle | undefined> {
    const { local, leases, redis, keys } = this.deps;
    const room = local.findById(gameId);
    if (room && leases.holds(gameId)) return room;
    const cached = this.remoteRooms.get(gameId);
    if (cached && cached.until > Date.now()) return cached.room;
    const [[, cachedMeta], [, owner]] = (await redis.multi().hgetall(keys.game(gameId)).get(keys.owner(gameId)).exec()) as [[null, Record<string, string>], [null, string | null]];
    const meta = cachedMeta?.code && cachedMeta.hostSecretHash ? cachedMeta : await this.liveGameFromDatabase(gameId);
    if (!meta) return undefined;
    if (owner && owner !== this.nodeId) return this.remoteRoom(gameId, meta.code, meta.hostSecretHash, owner);
    // Nobody owns it (its owner died and the lease ran out): take it over here.
    await this.takeOver([gameId]);
    const restored = local.findById(gameId);
    if (restored && leases.holds(gameId)) return restored;
    // Another node took it over first (after Redis came back, every node looks for orphans at once).
    const newOwner = await leases.owner(gameId);
    return newOwner && newOwner !== this.nodeId ? this.remoteRoom(gameId, meta.code, meta.hostSecretHash, newOwner) : undefined;
  }

  private remoteRoom(gameId: string, code: string, hostSecretHash: string, owner: string): RemoteRoom {
    const remote = new RemoteRoom(gameId, code, hostSecretHash, owner, this.forward);
    if (this.remoteRooms.size >= 10_000) this.remoteRooms.clear();
    this.remoteRooms.set(gameId, { room: remote, until: Date.now() + REMOTE_ROOM_CACHE_MS });
    return remote;
  }

  /** A game Redis doesn't know: unknown, over, or Redis lost its data (restarted empty). The database decides. */
  private async liveGameFromDatabase(gameId: string): Promise<{ code: string; hostSecretHash: string } | null> {
    const auth = await getGameAuth(this.deps.db, gameId);
    return auth && !["finished", "ended_early", "host_left"].includes(auth.status) ? { code: auth.code, hostSecretHash: auth.hostSecretHash } : null;
  }

  async releaseFinished(gameId: string): Promise<"absent" | "playing" | "released"> {
    if (this.deps.local.findById(gameId)) return this.deps.local.releaseFinished(gameId);
    const owner = await this.deps.leases.owner(gameId);
    if (!owner || owner === this.nodeId) return "absent";
    const reply = await this.forward(owner, "releaseFinished", { gameId });
    return "value" in reply ? (reply.value as "absent" | "playing" | "released") : "playing";
  }

  // ——— Forwarding ———

  /**
   * One call to the game's owner. If the owner doesn't answer (it died: nobody listens on its
   * channel any more, or it timed out) or no longer has the game, the call waits for the game's next owner — this node takes
   * it over as soon as the dead owner's lease runs out — and goes there once more.
   */
  private readonly forward = async (owner: string, op: RoomOp, payload: { gameId: string } & Record<string, unknown>): Promise<ForwardedReply> => {
    try {
      const reply = await this.deps.rpc.call<ForwardedReply>(owner, op, payload);
      if ("value" in reply) return reply;
    } catch (error) {
      if (!(error instanceof RpcUnavailable)) throw error;
    }
    this.remoteRooms.delete(payload.gameId);
    const next = await this.nextOwner(payload.gameId, owner, Date.now() + this.deps.leases.ttlMs + 2_000);
    if (!next) return { moved: true };
    return next === this.nodeId ? this.serve(op, payload) : this.deps.rpc.call<ForwardedReply>(next, op, payload);
  };

  private async nextOwner(gameId: string, deadOwner: string, deadline: number): Promise<string | null> {
    while (Date.now() < deadline) {
      const owner = await this.deps.leases.owner(gameId);
      if (owner && owner !== deadOwner) return owner;
      if (!owner) {
        await this.takeOver([gameId]);
        if (this.deps.local.findById(gameId) && this.deps.leases.holds(gameId)) return this.nodeId;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  // ——— Serving forwarded calls (this node owns the game) ———

  async serve(op: string, payload: unknown, from: string = this.nodeId): Promise<ForwardedReply> {
    const reply = await this.serveLocally(op, payload);
    if (from !== this.nodeId && "value" in reply) {
      this.deps.remoteSockets.record(from, op, payload as ForwardedPayload, reply.value);
      this.joinChannels(op, payload as ForwardedPayload, reply.value);
    }
    // JSON drops `undefined`: a call that returns nothing still says it was served.
    return "value" in reply ? { value: reply.value ?? null } : reply;
  }

  /**
   * Puts a socket of another node in the game's channels before the owner answers. The join goes
   * down the adapter's stream ahead of any later broadcast of this owner, so the socket can't miss
   * one between the answer and its own node joining it (which it also does, for a local socket).
   */
  private joinChannels(op: string, payload: ForwardedPayload, reply: unknown): void {
    const { gameId, socketId } = payload;
    if (!socketId) return;
    const ok = (reply as { ok?: boolean } | null)?.ok === true;
    const playerId = op === "join" && ok ? (reply as { you: { playerId: string } }).you.playerId : op === "resume" && ok ? payload.playerId : undefined;
    if (playerId) this.deps.io.in(socketId).socketsJoin([playersChannel(gameId), playerChannel(playerId)]);
    else if (op === "hostAttached") this.deps.io.in(socketId).socketsJoin(hostChannel(gameId));
  }

  private async serveLocally(op: string, payload: unknown): Promise<ForwardedReply> {
    const { gameId, ...args } = payload as { gameId: string } & Record<string, unknown>;
    const room = this.deps.local.findById(gameId);
    if (!room || !this.deps.leases.holds(gameId)) return { moved: true };
    // Filled in by RemoteRoom on the calling node (same code, same version).
    const a = args as { nickname: string; joinId?: string; deviceId?: string; delivered: boolean; socketId: string; playerId: string; playerToken: string; request: AnswerRequest; locked: boolean; code: string; team: number };
    switch (op as RoomOp) {
      case "join":
        return { value: await room.join(a.nickname, a.socketId, { joinId: a.joinId, deviceId: a.deviceId }) };
      case "joinAnswered":
        return { value: room.joinAnswered(a.joinId!, a.delivered) };
      case "resume":
        return { value: await room.resume(a.playerId, a.playerToken, a.socketId) };
      case "answer":
        return { value: await room.answer(a.playerId, a.request) };
      case "socketClosed":
        return { value: room.socketClosed(a.playerId, a.socketId) };
      case "hostAttached":
        return { value: room.hostAttached(a.socketId) };
      case "hostDetached":
        return { value: room.hostDetached(a.socketId) };
      case "hostSnapshot":
        return { value: room.hostSnapshot() };
      case "start":
      case "next":
      case "skip":
      case "end":
      case "pause":
      case "resumeClock":
        return { value: await room[op as "start"]() };
      case "lock":
        return { value: await room.lock(a.locked) };
      case "allowTakeover":
        return { value: await room.allowTakeover(a.playerId) };
      case "removePlayer":
        return { value: await room.removePlayer(a.playerId) };
      case "readmitPlayer":
        return { value: await room.readmitPlayer(a.playerId) };
      case "offerNextGame":
        return { value: await room.offerNextGame(a.code) };
      case "nextGameFor":
        return { value: room.nextGameFor(a.playerId) };
      case "pickTeam":
        return { value: await room.pickTeam(a.playerId, a.team) };
      case "releaseFinished":
        return { value: await this.deps.local.releaseFinished(gameId) };
      default:
        throw new Error(`unknown forwarded call ${op}`);
    }
  }

  // ——— Ownership ———

  /** Finds live games nobody owns every `intervalMs` (and once now) and takes them over. */
  startScanning(intervalMs: number): void {
    let redisWasDown = false;
    const scan = async () => {
      try {
        // Redis may have come back empty: the games saved in the database go back in the live set.
        if (redisWasDown) await this.adoptSavedGames();
        await this.scanForOrphans();
        if (redisWasDown) this.deps.log.info("cluster: Redis is back; looking for games to take over");
        redisWasDown = false;
      } catch (error) {
        if (!redisWasDown) this.deps.log.warn(`cluster: scan for orphaned games failed (is Redis reachable?): ${String(error)}`);
        redisWasDown = true;
      }
    };
    void scan();
    this.scanner = setInterval(() => void scan(), intervalMs);
    this.scanner.unref();
  }

  stopScanning(): void {
    if (this.scanner) clearInterval(this.scanner);
    this.scanner = null;
  }

  /** Games saved in the database but unknown to Redis (e.g. from before the cluster) join the live set. */
  async adoptSavedGames(): Promise<void> {
    const saved = await this.deps.store.list();
    if (saved.length > 0) await this.deps.redis.sadd(this.deps.keys.live, ...saved.map((state) => state.gameId));
  }

  /** This node lost these leases: stop acting for those games at once (another node restores them). */
  leasesLost(gameIds: string[]): void {
    for (const gameId of gameIds) {
      if (!this.deps.local.findById(gameId)) continue;
      this.deps.log.warn(`cluster: lost the lease of game ${gameId}; another node takes it over`);
      this.deps.local.forget(gameId);
      this.deps.remoteSockets.forgetGame(gameId);
    }
    // Still live: if Redis lost its data (restarted empty), this puts them back where nodes look for orphans.
    void this.deps.redis.sadd(this.deps.keys.live, ...gameIds).catch(() => {});
  }

  /** A node that died can't report its sockets closing: the owner closes them itself. */
  private async closeSocketsOfDeadNodes(): Promise<void> {
    for (const nodeId of this.deps.remoteSockets.nodes()) {
      if (await this.deps.rpc.isListening(nodeId)) continue;
      for (const socket of this.deps.remoteSockets.takeAll(nodeId)) {
        const room = this.deps.local.findById(socket.gameId);
        if (!room) continue;
        if (socket.playerId) room.socketClosed(socket.playerId, socket.socketId);
        else room.hostDetached(socket.socketId);
      }
      this.deps.log.info(`cluster: node ${nodeId} is gone; its players count as disconnected unless they come back`);
    }
  }

  private async scanForOrphans(): Promise<void> {
    await this.closeSocketsOfDeadNodes();
    const { redis, keys } = this.deps;
    const gameIds = await redis.smembers(keys.live);
    if (gameIds.length === 0) return;
    const pipeline = redis.pipeline();
    for (const gameId of gameIds) pipeline.exists(keys.owner(gameId));
    const owned = (await pipeline.exec()) ?? [];
    const orphans = gameIds.filter((_, i) => owned[i]?.[1] === 0);
    if (orphans.length > 0) await this.takeOver(orphans);
  }

  /** Takes the leases it can get among `gameIds` and restores those games here from the database. */
  private async takeOver(gameIds: string[]): Promise<void> {
    const fresh = gameIds.filter((gameId) => !this.takeovers.has(gameId));
    if (fresh.length > 0) {
      // Redis or the database failing here is logged; the next scan (or call for the game) tries again.
      const job = this.restore(fresh).catch((error: unknown) => this.deps.log.warn(`cluster: could not take over ${fresh.length} game(s) yet: ${String(error)}`));
      for (const gameId of fresh) this.takeovers.set(gameId, job);
      void job.finally(() => fresh.forEach((gameId) => this.takeovers.delete(gameId)));
    }
    await Promise.allSettled(gameIds.map((gameId) => this.takeovers.get(gameId)));
  }

  private async restore(gameIds: string[]): Promise<void> {
    const { leases, local, store, db, io, log } = this.deps;
    const acquired: string[] = [];
    for (const gameId of gameIds) if (!local.findById(gameId) && (await leases.acquire(gameId))) acquired.push(gameId);
    if (acquired.length === 0) return;
    let saved: GameState[];
    try {
      saved = await store.list();
    } catch (error) {
      // Holding the leases of games it can't run would keep every node from them: give them back.
      await Promise.allSettled(acquired.map((gameId) => leases.release(gameId)));
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new Error(`the database did not answer (${reason})`);
    }
    const states = new Map(saved.map((state) => [state.gameId, state]));
    for (const gameId of acquired) {
      const state = states.get(gameId);
      try {
        const hostSecretHash = state ? await restoreGameState({ db, store }, state) : null;
        if (!state || hostSecretHash === null) {
          await this.forgetGame(gameId, state?.code);
          continue;
        }
        local.open(state, hostSecretHash);
        await this.publishGame(gameId, state.code, hostSecretHash);
        // Phones and host screens still connected to other nodes resume with this owner, as after a restart.
        this.dropConnections(gameId);
        io.serverSideEmit(GAME_MOVED, gameId);
        log.info(`cluster: took over game ${state.code} (${gameId}); its owner stopped renewing its lease`);
      } catch (error) {
        log.error(`cluster: could not take over game ${gameId}`, error);
        local.forget(gameId);
        await leases.release(gameId).catch(() => {});
      }
    }
  }

  /**
   * Closes the connections of this node's sockets in a game that changed owner. Only the transport
   * is closed (not `disconnect()`, after which a client stays away): the phones and the host screen
   * reconnect by themselves and resume with the new owner, exactly as after a restart.
   */
  dropConnections(gameId: string): void {
    const namespace = this.deps.io.of("/");
    for (const channel of [playersChannel(gameId), hostChannel(gameId)]) {
      for (const socketId of namespace.adapter.rooms.get(channel) ?? []) namespace.sockets.get(socketId)?.conn.close();
    }
  }

  private async publishGame(gameId: string, code: string, hostSecretHash: string): Promise<void> {
    const { redis, keys } = this.deps;
    await redis
      .multi()
      .hset(keys.game(gameId), { code, hostSecretHash })
      .pexpire(keys.game(gameId), GAME_KEYS_TTL_MS)
      .set(keys.code(code), gameId, "PX", GAME_KEYS_TTL_MS)
      .sadd(keys.live, gameId)
      .exec();
  }

  /** The game is over here for good: free its code, details and lease. */
  private async forgetGame(gameId: string, code: string | undefined): Promise<void> {
    const { redis, keys, leases, remoteSockets } = this.deps;
    remoteSockets.forgetGame(gameId);
    const multi = redis.multi().srem(keys.live, gameId).del(keys.game(gameId));
    if (code) multi.del(keys.code(code));
    await multi.exec();
    await leases.release(gameId);
  }
}
