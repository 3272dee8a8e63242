/**
 * One authoritative room per live game (Colyseus-style): it owns the game state, runs the engine,
 * keeps the clock, persists what the engine reports and then broadcasts projections.
 * Every inbound action follows the same path: engine → persist → broadcast.
 */
import { randomUUID } from "node:crypto";
import type { AnswerAck, AnswerRequest, HostActionAck, HostView, JoinAck, PickTeamAck, PlayerRoomView, Refusal, ResumeAck } from "../../src/protocol";
import { refusal } from "../../src/protocol";
import {
  allPlayers,
  addPlayer,
  advanceClock,
  allowTakeover,
  answerEligibleCount,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  pauseGame,
  personalView,
  playerRoomView,
  isPickingTeams,
  readmitPlayer,
  offerNextGame,
  nextGameFor,
  pickTeam,
  removePlayer,
  resumeGame,
  setLocked,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
  withdrawPlayer,
  type EngineResult,
  type ClosedRound,
  type GameEvent,
  type GameState,
} from "../engine";
import { hashSecret, newSecret, verifySecret } from "../games/secrets";
import type { GamePersistence, LiveGameStore, Logger, RoomBroadcaster } from "./ports";
import { sharedFanOutTurns, type FanOutTurns } from "./fan-out-turns";
import { throttled } from "./throttle";
import { SnapshotWriter } from "./snapshot-writer";
import { WriteQueue } from "./write-queue";

export interface GameRoomDeps {
  persistence: GamePersistence;
  broadcaster: RoomBroadcaster;
  store: LiveGameStore;
  log: Logger;
  clock?: () => number;
  /** The turns of the event loop the phones' messages share (default: one for the whole process). */
  fanOutTurns?: FanOutTurns;
  /** How often the host's view may be refreshed between phase changes (joins in the lobby; default 250 ms). */
  hostRefreshMs?: number;
  /** How often the host's "answered" count may be sent while a question is open (default 500 ms). */
  hostAnswerCountMs?: number;
  /** Team mode, pick in the lobby: how often the teams on offer may go to every phone (default 500 ms). */
  lobbyTeamsMs?: number;
  /** How long the game waits for an absent host before it ends ("ended: host left"). */
  hostAwayMs?: number;
  /** How long a player whose connection dropped still counts as connected (default 3 s). */
  disconnectGraceMs?: number;
  /**
   * How long a join whose acknowledgement could not be delivered (its connection died while the
   * join was being saved) waits for the phone to send the same join again before it is taken back.
   */
  unclaimedJoinMs?: number;
}

/** A join by the phone's join id: a retry of the same join gets the same player and token. */
interface JoinRecord {
  /**
   * How the join ended: only the token is kept. A retry gets the views as they are by then (see
   * joinAgain), so the first answer's views are not held for the record's two minutes.
   */
  settled: Promise<{ ok: true; playerToken: string } | Refusal>;
  playerId: string | null;
  /** Only a brand-new player can be taken back; a takeover of an existing one cannot. */
  newPlayer: boolean;
  /** Whether an acknowledgement of this join went out on a live connection. */
  delivered: boolean;
  undoTimer: ReturnType<typeof setTimeout> | null;
  forgetTimer: ReturnType<typeof setTimeout> | null;
}

const PERSONAL_VIEW_PHASES = new Set(["reveal", "podium", "finished"]);
/**
 * Team mode, pick in the lobby: the teams on offer go to every phone at most this often, however
 * many phones pick or join meanwhile (one room broadcast, never one per pick).
 */
const LOBBY_TEAMS_MS = 500;
/** Lobby events that change the teams on offer or how many are in them. */
const LOBBY_TEAM_EVENTS = new Set<GameEvent["type"]>(["team-picked", "player-joined", "player-removed", "player-readmitted", "player-withdrawn"]);
/** A game this big gets a phase's room view as one broadcast; a bigger one in slices (see fanOut). */
const FAN_OUT_AT_ONCE = 500;
/** Phones written in one slice of a phase's messages. */
const FAN_OUT_CHUNK = 100;

const DEFAULT_HOST_AWAY_MS = 10 * 60_000;
/**
 * Twice a second still reads as live on the big screen; at 200 classes answering at once the
 * count's messages were 4 % of the server's CPU at 250 ms.
 */
const HOST_ANSWER_COUNT_MS = 500;
const DEFAULT_DISCONNECT_GRACE_MS = 3_000;
const DEFAULT_UNCLAIMED_JOIN_MS = 15_000;
/** A delivered join is remembered this long, so a phone that missed its acknowledgement can ask again. */
const JOIN_RECORD_TTL_MS = 2 * 60_000;
/**
 * How long a phase change's broadcast waits for its database writes. A healthy database answers
 * in milliseconds (so a round is stored before its reveal is shown); during an outage the game goes
 * on from memory while the writes keep retrying.
 */
const BROADCAST_WAITS_FOR_WRITES_MS = 2_000;

type AnswerAccepted = Extract<GameEvent, { type: "answer-accepted" }>;
/** One answer's save; `stored` once it is durable (the round save then does not write it again). */
interface AnswerSave {
  event: AnswerAccepted;
  ack: Promise<AnswerAck>;
  /** The answer's own save (the ack also waits for the live-state snapshot). */
  saved: Promise<void>;
  stored: boolean;
}

/**
 * Events saved in the live-state snapshot at once: removals keep a removed phone's device out after a
 * restart, and a withdrawn join must not come back from an older snapshot (its row is gone).
 */
const SNAPSHOT_EVENTS = new Set<GameEvent["type"]>(["phase-changed", "pause-changed", "team-talk-started", "lock-changed", "player-removed", "player-readmitted", "player-withdrawn"]);

export class GameRoom {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private hostAwayTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly writes: WriteQueue;
  private readonly snapshots: SnapshotWriter;
  private readonly clock: () => number;
  private readonly hostAnswerCount;
  private readonly hostRefresh;
  private readonly lobbyTeams;
  /** The socket each player is using now (a resumed phone replaces its old socket). */
  private readonly playerSockets = new Map<string, string>();
  private readonly hostSockets = new Set<string>();
  /** Acks of this round's answers by `playerId:answerId`, so a retried answer gets the first ack back. */
  private answerAcks = new Map<string, AnswerSave>();
  /**
   * The previous round's, kept while the next one runs: an answer re-sent after its round closed
   * (its save waited out a database outage) still gets its acknowledgement.
   */
  private previousAnswerAcks = new Map<string, AnswerSave>();
  private readonly joins = new Map<string, JoinRecord>();
  private answerAcksRound = -1;
  /** Answers that came back from the database after a restart: already stored. */
  private readonly restoredAnswerIds: Set<string>;
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
    // Packed ahead of the phase messages waiting for a turn: the answers those messages bring are
    // acknowledged only once this snapshot is stored.
    this.snapshots = new SnapshotWriter(() => this.playersSaved().then(() => this.inTurn(() => deps.store.save(this.state, (work) => this.inTurn(work, true)), true)), deps.log, `game ${state.code}`);
    this.restoredAnswerIds = new Set(Object.values(state.round?.answers ?? {}).map((answer) => answer.answerId));
    this.hostAnswerCount = throttled(() => this.sendHostAnswerCount(), deps.hostAnswerCountMs ?? HOST_ANSWER_COUNT_MS);
    this.hostRefresh = throttled(() => this.sendHostView(), deps.hostRefreshMs ?? 250);
    this.lobbyTeams = throttled(() => this.sendLobbyTeams(), deps.lobbyTeamsMs ?? LOBBY_TEAMS_MS);
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

  /**
   * A new player, or a new device taking over an absent player once the host allowed it.
   *
   * Idempotent per `joinId` (made by the phone, the same on every retry of one join): a retry gets
   * the same player and token, on whatever connection it arrives. A join whose acknowledgement
   * could not be delivered and that is not asked for again within `unclaimedJoinMs` is taken back
   * (see `joinAnswered`), so a phone that gave up never leaves a ghost player behind.
   *
   * `deviceId` (kept by the phone across games) lets a removed phone be recognised under a new name.
   */
  async join(nickname: string, socketId: string, ids: { joinId?: string; deviceId?: string } = {}): Promise<JoinAck> {
    const { joinId = randomUUID(), deviceId } = ids;
    const known = this.joins.get(joinId);
    if (known) return this.joinAgain(joinId, known, socketId);
    const record: JoinRecord = { settled: Promise.resolve(refusal("server-error", "")), playerId: null, newPlayer: false, delivered: false, undoTimer: null, forgetTimer: null };
    const joining = this.joinOnce(nickname, socketId, deviceId, record);
    // Never rejects: nothing awaits it unless the phone retries.
    record.settled = joining.then(
      (ack) => (ack.ok ? { ok: true, playerToken: ack.playerToken } : ack),
      () => refusal("server-error", "Sorry, we couldn't save you into the game. Try joining again."),
    );
    this.joins.set(joinId, record);
    const ack = await joining;
    if (!ack.ok) this.joins.delete(joinId);
    return ack;
  }

  /**
   * The socket layer reports whether a join's acknowledgement went out on a live connection. One
   * that did not is taken back after `unclaimedJoinMs` unless the phone asks for it again (or
   * resumes) meanwhile.
   */
  joinAnswered(joinId: string, delivered: boolean): void {
    const record = this.joins.get(joinId);
    if (!record || record.playerId === null) return;
    if (delivered) {
      record.delivered = true;
      if (record.undoTimer) clearTimeout(record.undoTimer);
      record.undoTimer = null;
      if (record.forgetTimer) clearTimeout(record.forgetTimer);
      record.forgetTimer = setTimeout(() => this.joins.delete(joinId), JOIN_RECORD_TTL_MS);
      record.forgetTimer.unref?.();
      return;
    }
    if (record.delivered || record.undoTimer) return;
    // A takeover is not taken back (the player was there before): its record is only forgotten.
    const later = record.newPlayer ? () => this.undoUnclaimedJoin(joinId) : () => this.joins.delete(joinId);
    record.undoTimer = setTimeout(later, record.newPlayer ? (this.deps.unclaimedJoinMs ?? DEFAULT_UNCLAIMED_JOIN_MS) : JOIN_RECORD_TTL_MS);
    record.undoTimer.unref?.();
  }

  private undoUnclaimedJoin(joinId: string): void {
    const record = this.joins.get(joinId);
    if (!record || record.delivered || record.playerId === null || this.disposed) return;
    this.joins.delete(joinId);
    const playerId = record.playerId;
    if (this.playerSockets.has(playerId)) return; // it came back some other way
    const result = withdrawPlayer(this.state, { playerId, now: this.clock() });
    if (!result.ok) return;
    this.deps.log.info(`game ${this.code}: took back a join whose phone never got its answer`);
    void this.handle(result);
  }

  /** The same join again (its acknowledgement was lost or late): same player, same token, this connection. */
  private async joinAgain(joinId: string, record: JoinRecord, socketId: string): Promise<JoinAck> {
    const first = await record.settled;
    if (!first.ok) return first;
    const player = record.playerId === null ? undefined : this.state.players[record.playerId];
    if (!player || player.removed || this.joins.get(joinId) !== record) {
      return refusal("not-joined", "Sorry, joining took too long. Join again.");
    }
    this.playerSockets.set(player.id, socketId);
    if (!player.connected) await this.handle(setPlayerConnected(this.state, { playerId: player.id, connected: true, now: this.clock() }));
    return { ok: true, room: playerRoomView(this.state, this.clock()), you: personalView(this.state, player.id)!, playerToken: first.playerToken };
  }

  private async joinOnce(nickname: string, socketId: string, deviceId: string | undefined, record: JoinRecord): Promise<JoinAck> {
    const playerToken = newSecret();
    const tokenHash = hashSecret(playerToken);
    const deviceHash = deviceId ? hashSecret(`${this.gameId}:${deviceId}`) : undefined;
    const now = this.clock();
    const result = addPlayer(this.state, { playerId: randomUUID(), nickname, tokenHash, ...(deviceHash ? { deviceHash } : {}), now });
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
    record.playerId = player.id;
    record.newPlayer = joined.type === "player-joined";
    try {
      if (joined.type === "player-joined") {
        await this.savePlayer({ id: player.id, gameId: this.gameId, nickname: player.nickname, joinedAt: new Date(now), joinSeq: player.joinSeq, tokenHash, firstRound: player.firstQuestionIndex, ...(player.team !== undefined ? { team: player.team } : {}), ...(player.deviceHash ? { deviceHash: player.deviceHash } : {}) });
      } else {
        await this.write("save new device", () => this.deps.persistence.setPlayerToken(player.id, tokenHash, player.deviceHash));
      }
    } catch {
      // Only a refusal by the database itself (or a shutdown) gets here: an outage is waited out.
      // Not half-joined: the join is taken back whole (the same clean-up as an unclaimed join), so the
      // nickname is free for the retry; a round this player was holding open may close now.
      if (joined.type === "player-joined") void this.handle(withdrawPlayer(this.state, { playerId: player.id, now: this.clock() }));
      return refusal("server-error", "Sorry, we couldn't save you into the game. Try joining again.");
    }
    this.playerSockets.set(player.id, socketId);
    if (joined.type === "player-taken-over") await this.handle(setPlayerConnected(this.state, { playerId: player.id, connected: true, now: this.clock() }));
    this.hostRefresh.request();
    // One more player may put one more team on offer.
    if (isPickingTeams(this.state)) this.lobbyTeams.request();
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
    const known = this.answerAcks.get(key) ?? this.previousAnswerAcks.get(key);
    if (known) return known.ack.then((ack) => (ack.ok ? ack : this.storeAnswer(key, known.event)));

    // The same answer restored from the database after a restart: it is stored, so it is acknowledged.
    const round = this.state.round;
    if (round?.questionIndex === request.questionIndex && round.answers[playerId]?.answerId === request.answerId) {
      return Promise.resolve({ ok: true, questionIndex: request.questionIndex, answerId: request.answerId });
    }
    const startedAt = performance.now();
    const result = submitAnswer(this.state, { playerId, ...request, now: this.clock() });
    if (!result.ok) return Promise.resolve(result);
    const accepted = result.events.find((event): event is AnswerAccepted => event.type === "answer-accepted")!;
    const ack = this.storeAnswer(key, accepted);
    if (result.events.some((event) => event.type === "round-closed")) {
      // The last answer closed the round (scoring and ranking every player: 10–30 ms at 10,000):
      // that counts against this turn, so the reveal's views and saves take a later one.
      this.turns.spend(performance.now() - startedAt);
      void this.inTurn(() => this.handle(result));
    } else this.hostAnswerCount.request();
    return ack;
  }

  /**
   * The persistence keeps trying while the database is unreachable, so the ack simply waits (the
   * phone shows "Saving…" and re-sends the same answerId meanwhile). It is a server-error only if
   * the database refused the answer itself; the phone's retry then saves it again.
   */
  private storeAnswer(key: string, event: AnswerAccepted): Promise<AnswerAck> {
    if (this.answerAcksRound !== event.roundIndex) {
      if (event.roundIndex > this.answerAcksRound) {
        this.previousAnswerAcks = this.answerAcks;
        this.answerAcks = new Map();
        this.answerAcksRound = event.roundIndex;
      }
    }
    const saves = event.roundIndex === this.answerAcksRound ? this.answerAcks : this.previousAnswerAcks;
    const entry: AnswerSave = { event, ack: Promise.resolve<AnswerAck>(refusal("server-error", "")), saved: Promise.resolve(), stored: false };
    entry.saved = this.deps.persistence.saveAnswer(this.gameId, event.roundIndex, event.questionId, event.answer).then(() => {
      entry.stored = true;
    });
    // Acknowledged only once the snapshot of the phase it answers is stored too (normally long done).
    entry.ack = Promise.all([entry.saved, this.snapshotSaved]).then(
      (): AnswerAck => ({ ok: true, questionIndex: event.roundIndex, answerId: event.answer.answerId }),
      (): AnswerAck => refusal("server-error", "Your answer couldn't be saved yet. Trying again…"),
    );
    saves.set(key, entry);
    return entry.ack;
  }

  /**
   * Saves a closed round once its answers' own saves have settled, writing only the answers they
   * did not store: the round save and the answer batches never insert the same rows, so they
   * cannot deadlock and nothing is written twice.
   */
  private saveRound(round: ClosedRound): () => Promise<void> {
    const saves = this.answerAcksRound === round.roundIndex ? [...this.answerAcks.values()] : [];
    return async () => {
      await Promise.allSettled(saves.map((entry) => entry.saved));
      const stored = new Set(saves.filter((entry) => entry.stored).map((entry) => entry.event.playerId));
      const unstored = round.answers.filter((answer) => !stored.has(answer.playerId) && !this.restoredAnswerIds.has(answer.answerId));
      await this.deps.persistence.saveRound(this.gameId, { ...round, answers: unstored });
    };
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

  // Steps that change the phase for every phone run in a turn of their own (see inTurn).
  start = () => this.inTurn(() => this.handle(startGame(this.state, this.clock())));
  next = () => this.inTurn(() => this.handle(nextStep(this.state, this.clock())));
  skip = () => this.inTurn(() => this.handle(skipQuestion(this.state, this.clock())));
  end = () => this.inTurn(() => this.handle(endGame(this.state, this.clock())));
  pause = () => this.inTurn(() => this.handle(pauseGame(this.state, this.clock())));
  resumeClock = () => this.inTurn(() => this.handle(resumeGame(this.state, this.clock())));
  lock = (locked: boolean) => this.handle(setLocked(this.state, locked));
  allowTakeover = (playerId: string) => this.handle(allowTakeover(this.state, { playerId }));
  removePlayer = (playerId: string) => this.handle(removePlayer(this.state, { playerId, now: this.clock() }));
  readmitPlayer = (playerId: string) => this.handle(readmitPlayer(this.state, { playerId }));
  offerNextGame = (code: string) => this.handle(offerNextGame(this.state, code));

  /** Team mode, pick in the lobby: the player joins (or moves to) a team; answered with their view and the teams on offer now. */
  async pickTeam(playerId: string, team: number): Promise<PickTeamAck> {
    const done = await this.handle(pickTeam(this.state, { playerId, team }));
    if (!done.ok) return done;
    return { ok: true, you: personalView(this.state, playerId)! };
  }

  /** Where a player of this finished game goes to play again (see play-again.ts). */
  nextGameFor(playerId: string) {
    return nextGameFor(this.state, playerId);
  }

  hostSnapshot() {
    return hostView(this.state, this.clock());
  }

  /** Waits for every queued database write (used at shutdown and by tests). */
  async flush(): Promise<void> {
    while (this.pendingPlayerSaves.size > 0) await this.playersSaved();
    await this.writes.idle();
    await this.snapshots.idle();
  }

  /** At shutdown: keeps retrying the queued writes until `deadline` (epoch ms), then gives up on the rest. */
  async drain(deadline: number): Promise<void> {
    await Promise.all([this.writes.drain(deadline), this.snapshots.drain(deadline)]);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.hostAwayTimer) clearTimeout(this.hostAwayTimer);
    this.timer = null;
    this.hostAwayTimer = null;
    this.hostAnswerCount.cancel();
    this.hostRefresh.cancel();
    this.lobbyTeams.cancel();
  }

  // ——— The pipeline ———

  /**
   * A phase change's work (the engine's step and its views, the snapshot's packing) in the turns all
   * games share, as their messages are: when 200 games' clocks run out at the same moment, answers
   * are read and acknowledged between them instead of after all 200.
   */
  private inTurn<T>(work: () => T | Promise<T>, first = false): Promise<T> {
    return this.turns.run(work, first);
  }

  private get turns(): FanOutTurns {
    return this.deps.fanOutTurns ?? sharedFanOutTurns;
  }

  private async handle(result: EngineResult): Promise<HostActionAck> {
    if (!result.ok) return result;
    const { events } = result;
    // The room's and host's views are taken now, before any await, so every message shows the
    // state this action produced (phones' own views: see fanOut).
    const send = this.prepareBroadcast(events);
    const { results, snapshot } = this.persist(events);
    this.scheduleClock();
    if (this.isFinished && this.hostAwayTimer) clearTimeout(this.hostAwayTimer);
    // Results (a closed round's answers, the final standings) are stored before anyone sees them.
    // The live-state snapshot is not waited for: a question goes out at once, and answers to it are
    // acknowledged only once the snapshot that knows the question is stored (see storeAnswer).
    await results;
    send();
    await this.snapshotOrFailing(snapshot);
    return { ok: true };
  }

  /** The host's action is answered once its snapshot is stored, or at once while the database is failing (the writer keeps retrying). */
  private snapshotOrFailing(snapshot: Promise<void>): Promise<void> {
    if (this.snapshots.failing) return Promise.resolve();
    return this.writes.doneOrFailing(snapshot, BROADCAST_WAITS_FOR_WRITES_MS);
  }

  /**
   * A new player's row goes into the batch shared by every game instead of this game's write
   * queue, so a join never waits behind the joins (or round saves) before it. The batch retries
   * until the database is back; only a refusal by the database itself rejects (the join is then
   * taken back, see joinOnce).
   */
  private savePlayer(row: Parameters<GamePersistence["addPlayer"]>[0]): Promise<void> {
    const save = this.deps.persistence.addPlayer(row);
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
        case "player-readmitted":
          writes.push(this.write("readmit player", () => persistence.readmitPlayer(event.playerId)));
          break;
        case "team-picked":
          writes.push(this.write("save team", () => persistence.setPlayerTeams?.(gameId, [{ playerId: event.playerId, team: event.team }]) ?? Promise.resolve()));
          break;
        case "teams-formed":
          writes.push(this.write("save teams", () => persistence.setPlayerTeams?.(gameId, event.assignments) ?? Promise.resolve()));
          break;
        case "game-started":
          writes.push(this.write("mark started", () => persistence.markStarted(gameId, new Date(event.at))));
          break;
        case "round-closed":
          writes.push(this.write(`save round ${event.round.roundIndex + 1}`, this.saveRound(event.round)));
          break;
        case "player-withdrawn":
          // After the player's batched insert (write waits for it), so the row cannot come back.
          writes.push(this.write("take back a join", () => persistence.withdrawPlayer(event.playerId)));
          break;
        case "game-finished":
          writes.push(this.write("finish game", () => persistence.finish(gameId, { at: new Date(event.at), status: event.status, standings: event.standings })));
          break;
        default:
          break;
      }
    }
    // A failing write is logged and retried by the queue; the game goes on either way.
    const settled = Promise.allSettled(writes).then(() => undefined);
    let snapshot = Promise.resolve();
    if (events.some((event) => SNAPSHOT_EVENTS.has(event.type))) {
      // After a closed round or the end, the snapshot (or its removal) follows the results, so a
      // crash never leaves a snapshot that is past results the database doesn't have.
      snapshot = writes.length > 0 ? settled.then(() => this.snapshots.request()) : this.snapshots.request();
      this.snapshotSaved = snapshot;
    }
    // The broadcast waits for the results while the database answers, not through an outage.
    const results = writes.length === 0 ? settled : this.writes.doneOrFailing(settled, BROADCAST_WAITS_FOR_WRITES_MS);
    return { results, snapshot };
  }

  private prepareBroadcast(events: GameEvent[]): () => void {
    const { broadcaster } = this.deps;
    const now = this.clock();
    const removed = events.flatMap((event) => (event.type === "player-removed" ? [event.playerId] : []));
    // A withdrawn join changes the lobby's player list: the host's view is refreshed below.
    const phaseChanged = events.some((event) => event.type === "phase-changed");
    const roomChanged = phaseChanged || events.some((event) => event.type === "pause-changed" || event.type === "next-game-offered" || event.type === "team-talk-started");
    const room = roomChanged ? playerRoomView(this.state, now) : null;
    const host = roomChanged ? hostView(this.state, now) : null;
    // Team mode: the phase the teams are made in tells each phone its team.
    const teamsFormed = events.some((event) => event.type === "teams-formed");
    const withPersonal = phaseChanged && (PERSONAL_VIEW_PHASES.has(this.state.phase) || teamsFormed);
    const recipients = room || withPersonal ? this.recipients() : [];
    const lobbyTeamsChanged = isPickingTeams(this.state) && events.some((event) => LOBBY_TEAM_EVENTS.has(event.type));
    return () => {
      if (this.disposed) return;
      if (lobbyTeamsChanged) this.lobbyTeams.request();
      // The start's own messages carry the teams: no lobby update after them.
      if (phaseChanged) this.lobbyTeams.cancel();
      for (const playerId of removed) broadcaster.playerRemoved(this.gameId, playerId, "The host removed you from this game.");
      if (host) {
        this.hostAnswerCount.cancel();
        this.hostRefresh.cancel();
        this.toHostInTurn(() => host);
      } else if (events.length > 0) {
        this.hostRefresh.request();
      }
      if (room || withPersonal) this.fanOut(room, recipients, withPersonal);
    };
  }

  /** Every player still in the game, taken with the phase's views. */
  private recipients(): string[] {
    const recipients: string[] = [];
    for (const player of allPlayers(this.state)) if (!player.removed) recipients.push(player.id);
    return recipients;
  }

  /**
   * A phase's messages to the phones: one per phone (the room view, or in phases with a view of
   * their own, both together). A game of up to FAN_OUT_AT_ONCE phones gets the room view as one
   * room broadcast; phones' own views, and a bigger game's room view, go in slices of FAN_OUT_CHUNK.
   * Every slice goes through the turns all games share (fan-out-turns.ts), so when many games or
   * 10,000 phones change phase at once, acks and timers run between slices; one phase's messages
   * all go out before the next phase's.
   *
   * A phone's own view is taken when its slice goes out, not with the room's (10,000 of them at
   * once held the event loop 5–20 ms). It cannot show a later phase: the engine's next step is a
   * turn of its own, queued behind these slices; only joins, departures and removals (which
   * re-rank without gaps) may land in between, and those are then shown as they are.
   */
  private fanOut(room: PlayerRoomView | null, recipients: string[], withPersonal: boolean): void {
    const turns = this.turns;
    const failed = (error: unknown) => this.deps.log.error(`game ${this.code}: sending a phase's messages failed`, error);
    if (!withPersonal && recipients.length <= FAN_OUT_AT_ONCE) {
      turns.send(() => this.sendChunk(room, recipients, false, true), failed);
      return;
    }
    for (let from = 0; from < recipients.length; from += FAN_OUT_CHUNK) {
      const slice = recipients.slice(from, from + FAN_OUT_CHUNK);
      turns.send(() => this.sendChunk(room, slice, withPersonal, false), failed);
    }
  }

  private sendChunk(room: PlayerRoomView | null, recipients: string[], withPersonal: boolean, wholeRoom: boolean): void {
    if (this.disposed || recipients.length === 0) return;
    const { broadcaster } = this.deps;
    if (withPersonal) {
      for (const id of recipients) {
        const personal = this.state.players[id]?.removed === false ? personalView(this.state, id) : null;
        if (personal) broadcaster.toPlayer(this.gameId, id, room!, personal);
      }
    } else if (room) {
      if (wholeRoom) broadcaster.toPlayers(this.gameId, room);
      else broadcaster.toPlayers(this.gameId, room, recipients);
    }
  }

  /** Team mode, pick in the lobby: the room view (with the teams on offer) to every phone, throttled. */
  private sendLobbyTeams(): void {
    if (this.disposed || !isPickingTeams(this.state)) return;
    this.deps.broadcaster.toPlayers(this.gameId, playerRoomView(this.state, this.clock()));
  }

  private sendHostView(): void {
    this.toHostInTurn(() => hostView(this.state, this.clock()));
  }

  /**
   * The host's view goes out in the turns the phones' messages share, in order with them and with
   * the host's other views. Sent straight away, the views of every game whose round save came back
   * in the same database reply were all built, encoded and written in that one callback: at 200
   * classes, 37 ms of the event loop's worst stall (57 ms).
   */
  private toHostInTurn(view: () => HostView): void {
    this.turns.send(
      () => {
        if (!this.disposed) this.deps.broadcaster.toHost(this.gameId, view());
      },
      (error) => this.deps.log.error(`game ${this.code}: sending the host's view failed`, error),
    );
  }

  private sendHostAnswerCount(): void {
    const round = this.state.round;
    if (this.disposed || !round || this.state.phase !== "answering") return;
    this.deps.broadcaster.hostAnswers(this.gameId, {
      questionIndex: round.questionIndex,
      answered: round.answerCount,
      eligible: answerEligibleCount(this.state),
    });
  }

  private scheduleClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = nextDeadline(this.state);
    if (due === null || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Taken when the step runs: a step that is no longer due by then does nothing.
      void this.inTurn(async () => {
        if (!this.disposed) await this.handle(advanceClock(this.state, this.clock()));
      });
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
