/**
 * One authoritative room per live game (Colyseus-style): it owns the game state, runs the engine,
 * keeps the clock, persists what the engine reports and then broadcasts projections.
 * Every inbound action follows the same path: engine → persist → broadcast.
 */
import { randomUUID } from "node:crypto";
import type { AnswerAck, HostActionAck, JoinAck } from "../../src/protocol";
import { refusal } from "../../src/protocol";
import {
  addPlayer,
  advanceClock,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  personalView,
  playerRoomView,
  removePlayer,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
  type EngineResult,
  type GameEvent,
  type GameState,
} from "../engine";
import type { GamePersistence, LiveGameStore, Logger, RoomBroadcaster } from "./ports";
import { throttled } from "./throttle";
import { WriteQueue } from "./write-queue";

export interface GameRoomDeps {
  persistence: GamePersistence;
  broadcaster: RoomBroadcaster;
  store: LiveGameStore;
  log: Logger;
  clock?: () => number;
  /** How often the host's live counts may be refreshed. */
  hostRefreshMs?: number;
}

const PERSONAL_VIEW_PHASES = new Set(["reveal", "podium", "finished"]);

export class GameRoom {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly writes: WriteQueue;
  private readonly clock: () => number;
  private readonly hostAnswerCount;
  private readonly hostRefresh;
  private disposed = false;

  constructor(
    readonly state: GameState,
    readonly hostSecretHash: string,
    private readonly deps: GameRoomDeps,
  ) {
    this.clock = deps.clock ?? Date.now;
    this.writes = new WriteQueue(deps.log, `game ${state.code}`);
    const interval = deps.hostRefreshMs ?? 250;
    this.hostAnswerCount = throttled(() => this.sendHostAnswerCount(), interval);
    this.hostRefresh = throttled(() => this.sendHostView(), interval);
    this.scheduleClock();
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

  async join(nickname: string): Promise<JoinAck> {
    const playerId = randomUUID();
    const now = this.clock();
    const result = addPlayer(this.state, { playerId, nickname, now });
    if (!result.ok) return result;
    const player = this.state.players[playerId]!;
    try {
      await this.writes.run("save player", () =>
        this.deps.persistence.addPlayer({ id: playerId, gameId: this.gameId, nickname: player.nickname, joinedAt: new Date(now), joinSeq: player.joinSeq }),
      );
    } catch {
      removePlayer(this.state, { playerId, now: this.clock() });
      return refusal("server-error", "Sorry, we couldn't save you into the game. Try joining again.");
    }
    this.hostRefresh.request();
    return { ok: true, room: playerRoomView(this.state, this.clock()), you: personalView(this.state, playerId)! };
  }

  answer(playerId: string, questionIndex: number, choice: number[]): AnswerAck {
    const result = submitAnswer(this.state, { playerId, questionIndex, choice, now: this.clock() });
    if (!result.ok) return result;
    if (result.events.some((event) => event.type === "round-closed")) void this.handle(result);
    else this.hostAnswerCount.request();
    return { ok: true, questionIndex };
  }

  playerConnection(playerId: string, connected: boolean): void {
    const result = setPlayerConnected(this.state, { playerId, connected, now: this.clock() });
    if (result.ok && result.events.length > 0) void this.handle(result);
  }

  start(): Promise<HostActionAck> {
    return this.handle(startGame(this.state, this.clock()));
  }

  next(): Promise<HostActionAck> {
    return this.handle(nextStep(this.state, this.clock()));
  }

  skip(): Promise<HostActionAck> {
    return this.handle(skipQuestion(this.state, this.clock()));
  }

  end(): Promise<HostActionAck> {
    return this.handle(endGame(this.state, this.clock()));
  }

  removePlayer(playerId: string): Promise<HostActionAck> {
    return this.handle(removePlayer(this.state, { playerId, now: this.clock() }));
  }

  hostSnapshot() {
    return hostView(this.state, this.clock());
  }

  /** Waits for every queued database write (used at shutdown and by tests). */
  flush(): Promise<void> {
    return this.writes.idle();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.hostAnswerCount.cancel();
    this.hostRefresh.cancel();
  }

  private async handle(result: EngineResult): Promise<HostActionAck> {
    if (!result.ok) return result;
    const { events } = result;
    // Views are taken now, before any await, so every message shows the state this action produced.
    const send = this.prepareBroadcast(events);
    const saved = this.persist(events);
    this.scheduleClock();
    await saved;
    send();
    return { ok: true };
  }

  private persist(events: GameEvent[]): Promise<void> {
    const { persistence } = this.deps;
    const gameId = this.gameId;
    const writes: Promise<void>[] = [];
    for (const event of events) {
      switch (event.type) {
        case "player-removed":
          writes.push(this.writes.run("remove player", () => persistence.removePlayer(event.playerId, new Date(this.clock()))));
          break;
        case "game-started":
          writes.push(this.writes.run("mark started", () => persistence.markStarted(gameId, new Date(event.at))));
          break;
        case "round-closed":
          writes.push(this.writes.run(`save round ${event.round.roundIndex + 1}`, () => persistence.saveRound(gameId, event.round)));
          break;
        case "game-finished":
          writes.push(
            this.writes.run("finish game", () =>
              persistence.finish(gameId, { at: new Date(event.at), status: event.endedEarly ? "ended_early" : "finished", standings: event.standings }),
            ),
          );
          break;
        default:
          break;
      }
    }
    if (events.some((event) => event.type === "phase-changed")) {
      writes.push(this.writes.run("save live state", () => this.deps.store.save(this.state)));
    }
    // A failed write is logged and retried by the queue; the game goes on either way.
    return Promise.allSettled(writes).then(() => undefined);
  }

  private prepareBroadcast(events: GameEvent[]): () => void {
    const { broadcaster } = this.deps;
    const now = this.clock();
    const removed = events.flatMap((event) => (event.type === "player-removed" ? [event.playerId] : []));
    const phaseChanged = events.some((event) => event.type === "phase-changed");
    const room = phaseChanged ? playerRoomView(this.state, now) : null;
    const host = phaseChanged ? hostView(this.state, now) : null;
    const personal = phaseChanged && PERSONAL_VIEW_PHASES.has(this.state.phase)
      ? Object.keys(this.state.players).flatMap((id) => {
          const view = personalView(this.state, id);
          return view && !this.state.players[id]!.removed ? [view] : [];
        })
      : [];
    return () => {
      if (this.disposed) return;
      for (const playerId of removed) broadcaster.playerRemoved(this.gameId, playerId, "The host removed you from this game.");
      if (room) broadcaster.toPlayers(this.gameId, room);
      for (const view of personal) broadcaster.toPlayer(view.playerId, view);
      if (host) {
        this.hostAnswerCount.cancel();
        this.hostRefresh.cancel();
        broadcaster.toHost(this.gameId, host);
      } else if (events.length > 0) {
        this.hostRefresh.request();
      }
    };
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
}
