/**
 * One authoritative room per live game (Colyseus-style): it owns the game state, runs the engine,
 * keeps the clock, persists what the engine reports and then broadcasts projections.
 * Every inbound action follows the same path: engine → persist → broadcast.
 */
import { randomUUID } from "node:crypto";
import type { AnswerAck, AnswerRequest, HostActionAck, JoinAck, PersonalView, ResumeAck } from "../../src/protocol";
import { refusal } from "../../src/protocol";
import {
  addPlayer,
  advanceClock,
  allowTakeover,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  pauseGame,
  personalView,
  playerRoomView,
  removePlayer,
  resumeGame,
  setLocked,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
  type EngineResult,
  type GameEvent,
  type GameState,
} from "../engine";
import { hashSecret, newSecret, verifySecret } from "../games/secrets";
import type { GamePersistence, LiveGameStore, Logger, RoomBroadcaster } from "./ports";
import { throttled } from "./throttle";
import { SnapshotWriter } from "./snapshot-writer";
import { WriteQueue } from "./write-queue";

export interface GameRoomDeps {
  persistence: GamePersistence;
  broadcaster: RoomBroadcaster;
  store: LiveGameStore;
  log: Logger;
  clock?: () => number;
  /** How often the host's live counts may be refreshed. */
  hostRefreshMs?: number;
  /** How long the game waits for an absent host before it ends ("ended: host left"). */
  hostAwayMs?: number;
  /** How long a player whose connection dropped still counts as connected (default 3 s). */
  disconnectGraceMs?: number;
}

const PERSONAL_VIEW_PHASES = new Set(["reveal", "podium", "finished"]);
const PERSONAL_VIEW_SLICE = 500;
const DEFAULT_HOST_AWAY_MS = 10 * 60_000;
const DEFAULT_DISCONNECT_GRACE_MS = 3_000;

type AnswerAccepted = Extract<GameEvent, { type: "answer-accepted" }>;

export class GameRoom {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private hostAwayTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly writes: WriteQueue;
  private readonly snapshots: SnapshotWriter;
  private readonly clock: () => number;
  private readonly hostAnswerCount;
  private readonly hostRefresh;
  /** The socket each player is using now (a resumed phone replaces its old socket). */
  private readonly playerSockets = new Map<string, string>();
  private readonly hostSockets = new Set<string>();
  /** Acks of this round's answers by `playerId:answerId`, so a retried answer gets the first ack back. */
  private answerAcks = new Map<string, { event: AnswerAccepted; ack: Promise<AnswerAck> }>();
  private answerAcksRound = -1;
  private disposed = false;
  /** New players' rows on their way into the shared batch (see savePlayer). */
  private readonly pendingPlayerSaves = new Set<Promise<void>>();
  /** The latest live-state snapshot's save (it never rejects: the writer logs and retries). */
  private snapshotSaved: Promise<void> = Promise.resolve();

  constructor(
    readonly state: GameState,
    readonly hostSecretHash: string,
    private readonly deps: GameRoomDeps,
  ) {
    this.clock = deps.clock ?? Date.now;
    this.writes = new WriteQueue(deps.log, `game ${state.code}`);
    // The snapshot may name players whose rows are still on their way: those go first.
    this.snapshots = new SnapshotWriter(() => this.playersSaved().then(() => deps.store.save(this.state)), deps.log, `game ${state.code}`);
    const interval = deps.hostRefreshMs ?? 250;
    this.hostAnswerCount = throttled(() => this.sendHostAnswerCount(), interval);
    this.hostRefresh = throttled(() => this.sendHostView(), interval);
    this.scheduleClock();
    this.watchForAbsentHost();
  }

  get gameId(): string {
    return this.state.gameId;
  }

  get code(): string {
    return this.state.code;
  }

  get isFinished(): boolean {
    return this.state.phase === "podium" || this.state.phase === "finished";
  }

  // ——— Players ———

  /** A new player, or a new device taking over an absent player once the host allowed it. */
  async join(nickname: string, socketId: string): Promise<JoinAck> {
    const playerToken = newSecret();
    const tokenHash = hashSecret(playerToken);
    const now = this.clock();
    const result = addPlayer(this.state, { playerId: randomUUID(), nickname, tokenHash, now });
    if (!result.ok) return result;
    const joined = result.events.find((event) => event.type === "player-joined" || event.type === "player-taken-over");
    if (!joined || !("playerId" in joined)) {
      this.hostRefresh.request();
      return refusal(
        "takeover-needed",
        `“${nickname}” is already in this game on another device. If that's you, ask your teacher to let you back in, then press Join again.`,
      );
    }
    const player = this.state.players[joined.playerId]!;
    try {
      if (joined.type === "player-joined") {
        await this.savePlayer({ id: player.id, gameId: this.gameId, nickname: player.nickname, joinedAt: new Date(now), joinSeq: player.joinSeq, tokenHash });
      } else {
        await this.write("save new device", () => this.deps.persistence.setPlayerToken(player.id, tokenHash));
      }
    } catch {
      if (joined.type === "player-joined") removePlayer(this.state, { playerId: player.id, now: this.clock() });
      return refusal("server-error", "Sorry, we couldn't save you into the game. Try joining again.");
    }
    this.playerSockets.set(player.id, socketId);
    if (joined.type === "player-taken-over") await this.handle(setPlayerConnected(this.state, { playerId: player.id, connected: true, now: this.clock() }));
    this.hostRefresh.request();
    return { ok: true, room: playerRoomView(this.state, this.clock()), you: personalView(this.state, player.id)!, playerToken };
  }

  /**
   * A phone comes back (refresh, dropped connection, server restart) with its player token.
   * Returns the socket it replaces, if any, so the caller can close it.
   */
  async resume(playerId: string, playerToken: string, socketId: string): Promise<ResumeAck & { replacedSocketId?: string }> {
    const player = this.state.players[playerId];
    if (!player || !verifySecret(playerToken, player.tokenHash)) {
      return refusal("not-joined", "This phone isn't in that game any more. Join again.");
    }
    if (player.removed) return refusal("removed", "The host removed you from this game.");
    const replacedSocketId = this.playerSockets.get(playerId);
    this.playerSockets.set(playerId, socketId);
    await this.handle(setPlayerConnected(this.state, { playerId, connected: true, now: this.clock() }));
    return {
      ok: true,
      room: playerRoomView(this.state, this.clock()),
      you: personalView(this.state, playerId)!,
      ...(replacedSocketId && replacedSocketId !== socketId ? { replacedSocketId } : {}),
    };
  }

  /**
   * A player's socket closed. Only their current socket counts: a replaced one changes nothing.
   * A refresh or a wifi blip comes back within seconds, so the player counts as gone (and stops
   * holding the round open) only if they haven't resumed after `disconnectGraceMs`.
   */
  socketClosed(playerId: string, socketId: string): void {
    if (this.playerSockets.get(playerId) !== socketId) return;
    this.playerSockets.delete(playerId);
    const markGone = () => {
      if (this.disposed || this.playerSockets.has(playerId)) return;
      const result = setPlayerConnected(this.state, { playerId, connected: false, now: this.clock() });
      if (result.ok && result.events.length > 0) void this.handle(result);
    };
    const grace = this.deps.disconnectGraceMs ?? DEFAULT_DISCONNECT_GRACE_MS;
    if (grace <= 0) return markGone();
    setTimeout(markGone, grace).unref?.();
  }

  /**
   * Acknowledged only once the answer is durable; a retry with the same answerId gets the first
   * acknowledgement back and changes nothing.
   */
  answer(playerId: string, request: AnswerRequest): Promise<AnswerAck> {
    const key = `${playerId}:${request.answerId}`;
    const known = this.answerAcks.get(key);
    if (known) return known.ack.then((ack) => (ack.ok ? ack : this.storeAnswer(key, known.event)));

    // The same answer restored from the database after a restart: it is stored, so it is acknowledged.
    const round = this.state.round;
    if (round?.questionIndex === request.questionIndex && round.answers[playerId]?.answerId === request.answerId) {
      return Promise.resolve({ ok: true, questionIndex: request.questionIndex, answerId: request.answerId });
    }
    const result = submitAnswer(this.state, { playerId, ...request, now: this.clock() });
    if (!result.ok) return Promise.resolve(result);
    const accepted = result.events.find((event): event is AnswerAccepted => event.type === "answer-accepted")!;
    const ack = this.storeAnswer(key, accepted);
    if (result.events.some((event) => event.type === "round-closed")) void this.handle(result);
    else this.hostAnswerCount.request();
    return ack;
  }

  private storeAnswer(key: string, event: AnswerAccepted): Promise<AnswerAck> {
    if (this.answerAcksRound !== event.roundIndex) {
      this.answerAcks = new Map();
      this.answerAcksRound = event.roundIndex;
    }
    const stored = this.deps.persistence.saveAnswer(this.gameId, event.roundIndex, event.questionId, event.answer);
    // Acknowledged only once the snapshot of the phase it answers is stored too (normally long done).
    const ack = Promise.all([stored, this.snapshotSaved]).then(
      (): AnswerAck => ({ ok: true, questionIndex: event.roundIndex, answerId: event.answer.answerId }),
      (error: unknown): AnswerAck => {
        this.deps.log.error(`game ${this.code}: could not save an answer`, error);
        return refusal("server-error", "Your answer couldn't be saved yet. Trying again…");
      },
    );
    this.answerAcks.set(key, { event, ack });
    return ack;
  }

  // ——— Host ———

  hostAttached(socketId: string): void {
    this.hostSockets.add(socketId);
    if (this.hostAwayTimer) clearTimeout(this.hostAwayTimer);
    this.hostAwayTimer = null;
  }

  hostDetached(socketId: string): void {
    if (this.hostSockets.delete(socketId)) this.watchForAbsentHost();
  }

  start = () => this.handle(startGame(this.state, this.clock()));
  next = () => this.handle(nextStep(this.state, this.clock()));
  skip = () => this.handle(skipQuestion(this.state, this.clock()));
  end = () => this.handle(endGame(this.state, this.clock()));
  pause = () => this.handle(pauseGame(this.state, this.clock()));
  resumeClock = () => this.handle(resumeGame(this.state, this.clock()));
  lock = (locked: boolean) => this.handle(setLocked(this.state, locked));
  allowTakeover = (playerId: string) => this.handle(allowTakeover(this.state, { playerId }));
  removePlayer = (playerId: string) => this.handle(removePlayer(this.state, { playerId, now: this.clock() }));

  hostSnapshot() {
    return hostView(this.state, this.clock());
  }

  /** Waits for every queued database write (used at shutdown and by tests). */
  async flush(): Promise<void> {
    while (this.pendingPlayerSaves.size > 0) await this.playersSaved();
    await this.writes.idle();
    await this.snapshots.idle();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.hostAwayTimer) clearTimeout(this.hostAwayTimer);
    this.timer = null;
    this.hostAwayTimer = null;
    this.hostAnswerCount.cancel();
    this.hostRefresh.cancel();
  }

  // ——— The pipeline ———

  private async handle(result: EngineResult): Promise<HostActionAck> {
    if (!result.ok) return result;
    const { events } = result;
    // Views are taken now, before any await, so every message shows the state this action produced.
    const send = this.prepareBroadcast(events);
    const { results, snapshot } = this.persist(events);
    this.scheduleClock();
    if (this.isFinished && this.hostAwayTimer) clearTimeout(this.hostAwayTimer);
    // Results (a closed round's answers, the final standings) are stored before anyone sees them.
    // The live-state snapshot is not waited for: a question goes out at once, and answers to it are
    // acknowledged only once the snapshot that knows the question is stored (see storeAnswer).
    await results;
    send();
    await snapshot;
    return { ok: true };
  }

  /**
   * A new player's row goes into the batch shared by every game instead of this game's write
   * queue, so a join never waits behind the joins (or round saves) before it. It is tried twice,
   * then the join is refused and the phone joins again.
   */
  private savePlayer(row: Parameters<GamePersistence["addPlayer"]>[0]): Promise<void> {
    const save = this.deps.persistence.addPlayer(row).catch(async (error: unknown) => {
      this.deps.log.warn(`game ${this.code}: could not save a new player (${(error as Error)?.message ?? error}); trying once more`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return this.deps.persistence.addPlayer(row);
    });
    this.pendingPlayerSaves.add(save);
    const settled = () => void this.pendingPlayerSaves.delete(save);
    save.then(settled, settled);
    return save;
  }

  /**
   * The player rows on their way now (not those of phones joining meanwhile: while a class keeps
   * joining, waiting for "none pending" could wait for ever).
   */
  private async playersSaved(): Promise<void> {
    if (this.pendingPlayerSaves.size > 0) await Promise.allSettled([...this.pendingPlayerSaves]);
  }

  /** The game's own writes, in order; each waits for the players saved before it (it may refer to them). */
  private write(what: string, write: () => Promise<void>): Promise<void> {
    const pending = this.pendingPlayerSaves.size > 0 ? [...this.pendingPlayerSaves] : null;
    return this.writes.run(what, pending ? () => Promise.allSettled(pending).then(write) : write);
  }

  private persist(events: GameEvent[]): { results: Promise<void>; snapshot: Promise<void> } {
    const { persistence } = this.deps;
    const gameId = this.gameId;
    const writes: Promise<void>[] = [];
    for (const event of events) {
      switch (event.type) {
        case "player-removed":
          writes.push(this.write("remove player", () => persistence.removePlayer(event.playerId, new Date(this.clock()))));
          break;
        case "game-started":
          writes.push(this.write("mark started", () => persistence.markStarted(gameId, new Date(event.at))));
          break;
        case "round-closed":
          writes.push(this.write(`save round ${event.round.roundIndex + 1}`, () => persistence.saveRound(gameId, event.round)));
          break;
        case "game-finished":
          writes.push(this.write("finish game", () => persistence.finish(gameId, { at: new Date(event.at), status: event.status, standings: event.standings })));
          break;
        default:
          break;
      }
    }
    // A failed write is logged and retried by the queue; the game goes on either way.
    const results = Promise.allSettled(writes).then(() => undefined);
    let snapshot = Promise.resolve();
    if (events.some((event) => event.type === "phase-changed" || event.type === "pause-changed" || event.type === "lock-changed")) {
      // After a closed round or the end, the snapshot (or its removal) follows the results, so a
      // crash never leaves a snapshot that is past results the database doesn't have.
      snapshot = writes.length > 0 ? results.then(() => this.snapshots.request()) : this.snapshots.request();
      this.snapshotSaved = snapshot;
    }
    return { results, snapshot };
  }

  private prepareBroadcast(events: GameEvent[]): () => void {
    const { broadcaster } = this.deps;
    const now = this.clock();
    const removed = events.flatMap((event) => (event.type === "player-removed" ? [event.playerId] : []));
    const phaseChanged = events.some((event) => event.type === "phase-changed");
    const roomChanged = phaseChanged || events.some((event) => event.type === "pause-changed");
    const room = roomChanged ? playerRoomView(this.state, now) : null;
    const host = roomChanged ? hostView(this.state, now) : null;
    const personal =
      phaseChanged && PERSONAL_VIEW_PHASES.has(this.state.phase)
        ? Object.keys(this.state.players).flatMap((id) => {
            const view = personalView(this.state, id);
            return view && !this.state.players[id]!.removed ? [view] : [];
          })
        : [];
    return () => {
      if (this.disposed) return;
      for (const playerId of removed) broadcaster.playerRemoved(this.gameId, playerId, "The host removed you from this game.");
      if (room) broadcaster.toPlayers(this.gameId, room);
      this.sendPersonalViews(personal);
      if (host) {
        this.hostAnswerCount.cancel();
        this.hostRefresh.cancel();
        broadcaster.toHost(this.gameId, host);
      } else if (events.length > 0) {
        this.hostRefresh.request();
      }
    };
  }

  /**
   * One message per player: in slices, with the event loop free in between, so 10,000 of them
   * don't hold up acks and other games for the few hundred ms it takes to write them all.
   */
  private sendPersonalViews(views: PersonalView[], from = 0): void {
    if (this.disposed) return;
    const until = Math.min(views.length, from + PERSONAL_VIEW_SLICE);
    for (let i = from; i < until; i++) this.deps.broadcaster.toPlayer(views[i]!.playerId, views[i]!);
    if (until < views.length) setImmediate(() => this.sendPersonalViews(views, until));
  }

  private sendHostView(): void {
    if (!this.disposed) this.deps.broadcaster.toHost(this.gameId, hostView(this.state, this.clock()));
  }

  private sendHostAnswerCount(): void {
    const round = this.state.round;
    if (this.disposed || !round || this.state.phase !== "answering") return;
    this.deps.broadcaster.hostAnswers(this.gameId, {
      questionIndex: round.questionIndex,
      answered: round.answerCount,
      eligible: this.state.activePlayerCount,
    });
  }

  private scheduleClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = nextDeadline(this.state);
    if (due === null || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.handle(advanceClock(this.state, this.clock()));
    }, Math.max(0, due - this.clock()));
  }

  /** With no host screen attached, the game waits `hostAwayMs`, then ends and saves its results. */
  private watchForAbsentHost(): void {
    if (this.hostSockets.size > 0 || this.isFinished || this.disposed || this.hostAwayTimer) return;
    this.hostAwayTimer = setTimeout(() => {
      this.hostAwayTimer = null;
      if (this.hostSockets.size > 0 || this.isFinished) return;
      this.deps.log.info(`game ${this.code}: the host has been away too long; ending the game and saving its results`);
      void this.handle(endGame(this.state, this.clock(), "host-left"));
    }, this.deps.hostAwayMs ?? DEFAULT_HOST_AWAY_MS);
    this.hostAwayTimer.unref?.();
  }
}
