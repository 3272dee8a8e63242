/** Real socket.io-client connections acting as phones and a host screen. */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { io, type Socket } from "socket.io-client";
import {
  ClientEvent,
  ServerEvent,
  type AnswerAck,
  type AnswerInput,
  type HostActionAck,
  type HostAttachAck,
  type HostView,
  type JoinAck,
  type PersonalMessage,
  type PersonalView,
  type PlayerRoomView,
  type ResumeAck,
} from "../../src/protocol";

const ACK_TIMEOUT_MS = 10_000;

export function connect(url: string, reconnection = false, backoff: { delayMs: number; maxDelayMs: number } = { delayMs: 100, maxDelayMs: 500 }): Socket {
  return io(url, { transports: ["websocket"], reconnection, forceNew: true, reconnectionDelay: backoff.delayMs, reconnectionDelayMax: backoff.maxDelayMs });
}

/** Resolves with the first value `predicate` accepts from the stream fed by `subscribe`. */
function waitFor<T>(subscribe: (listener: (value: T) => void) => () => void, predicate: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

/** The current value if it already matches, else the next one `emitter` emits as `event` that does. */
function latestOrNext<T>(
  current: T | null,
  emitter: { on(event: string, listener: (value: T) => void): unknown; off(event: string, listener: (value: T) => void): unknown },
  event: string,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<T> {
  if (current && predicate(current)) return Promise.resolve(current);
  return waitFor<T>(
    (listener) => {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    predicate,
    what,
    timeoutMs,
  );
}

export class TestPlayer {
  readonly socket: Socket;
  room: PlayerRoomView | null = null;
  you: PersonalView | null = null;
  /** Every decoded Socket.IO packet this phone received (events and acks), in order, for the wire test. */
  readonly frames: unknown[] = [];
  readonly personalHistory: PersonalView[] = [];
  removedMessage: string | null = null;
  /** What the phone keeps to resume: the player token, never the nickname. */
  session: { gameId: string; playerId: string; playerToken: string } | null = null;
  /** Room views and own views as they arrive, whichever message carried them. */
  private readonly views = new EventEmitter<ViewEvents>();

  constructor(url: string, options: { reconnection?: boolean } = {}) {
    this.socket = connect(url, options.reconnection);
    this.socket.io.on("packet", (packet) => this.frames.push(packet));
    this.socket.on(ServerEvent.room, (view: PlayerRoomView) => {
      this.room = view;
      this.views.emit("room", view);
    });
    this.socket.on(ServerEvent.personal, ({ room, you }: PersonalMessage) => {
      this.room = room;
      this.views.emit("room", room);
      this.you = you;
      this.personalHistory.push(you);
      this.views.emit("personal", you);
    });
    this.socket.on(ServerEvent.removed, ({ message }: { message: string }) => (this.removedMessage = message));
  }

  async join(code: string, nickname: string): Promise<JoinAck> {
    const ack: JoinAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname });
    if (ack.ok) {
      this.room = ack.room;
      this.you = ack.you;
      this.session = { gameId: ack.room.gameId, playerId: ack.you.playerId, playerToken: ack.playerToken };
    }
    return ack;
  }

  /** Comes back after a refresh or a dropped connection, with the stored player token. */
  async resume(): Promise<ResumeAck> {
    if (!this.session) throw new Error("this phone never joined");
    const ack: ResumeAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.resume, this.session);
    if (ack.ok) {
      this.room = ack.room;
      this.you = ack.you;
    }
    return ack;
  }

  answer(questionIndex: number, choice: number[], answerId: string = randomUUID()): Promise<AnswerAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { answerId, questionIndex, choice });
  }

  /** An answer of any kind: { choice }, { order }, { text } or { value }. */
  answerWith(questionIndex: number, given: AnswerInput, answerId: string = randomUUID()): Promise<AnswerAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { answerId, questionIndex, ...given });
  }

  nextRoomView(predicate: (view: PlayerRoomView) => boolean, what: string): Promise<PlayerRoomView> {
    return latestOrNext(this.room, this.views, "room", predicate, what);
  }

  nextPersonal(predicate: (view: PersonalView) => boolean, what: string): Promise<PersonalView> {
    return latestOrNext(this.you, this.views, "personal", predicate, what);
  }

  close(): void {
    this.socket.close();
  }
}

export class TestHost {
  readonly socket: Socket;
  state: HostView | null = null;
  readonly answerCounts: Array<{ questionIndex: number; answered: number; eligible: number }> = [];

  constructor(url: string) {
    this.socket = connect(url);
    this.socket.on(ServerEvent.hostState, (view: HostView) => (this.state = view));
    this.socket.on(ServerEvent.hostAnswers, (update) => this.answerCounts.push(update));
  }

  async attach(gameId: string, hostSecret: string): Promise<HostAttachAck> {
    const ack: HostAttachAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAttach, { gameId, hostSecret });
    if (ack.ok) this.state = ack.state;
    return ack;
  }

  action(event: typeof ClientEvent.hostStart | typeof ClientEvent.hostNext | typeof ClientEvent.hostSkip | typeof ClientEvent.hostEnd): Promise<HostActionAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event);
  }

  removePlayer(playerId: string): Promise<HostActionAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostRemovePlayer, { playerId });
  }

  nextState(predicate: (view: HostView) => boolean, what: string, timeoutMs?: number): Promise<HostView> {
    return latestOrNext(this.state, this.socket, ServerEvent.hostState, predicate, what, timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}

// ——— Resilient clients: they behave like the real phone and host screen after a dropped connection ———

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PlayerSession {
  gameId: string;
  playerId: string;
  playerToken: string;
}

/** One time this phone lost its connection and got back into its game. */
export interface ReconnectRecord {
  /** When the connection was lost (the socket's `disconnect`, or the moment of a refresh). */
  lostAt: number;
  /** When the server acknowledged the resume. */
  resumedAt: number;
  how: "reconnect" | "refresh";
  /** What the resume acknowledgement showed. */
  room: PlayerRoomView;
  you: PersonalView;
}

/** An answer the server acknowledged, with what the phone saw while sending it. */
export interface AckedAnswer {
  questionIndex: number;
  answerId: string;
  choice: number[];
  /** When the phone first sent it, and when the acknowledgement came back (after any retries). */
  firstSentAt: number;
  ackedAt: number;
  /** How many times it was sent (1 = no retry). */
  sends: number;
}

type ViewEvents = { room: [PlayerRoomView]; personal: [PersonalView]; resumed: []; closed: [] };

/**
 * A phone like the real one: on every (re)connect of its socket it sends `player:resume` with the
 * stored token, and an answer is re-sent with the SAME answerId until the server acknowledges it.
 * A `refresh()` throws the socket away and comes back on a brand-new one, like a reloaded page.
 * It joins at most once (`joinCount`): nothing here ever re-types a nickname.
 */
export class ResilientPlayer {
  socket: Socket;
  /** Every socket this phone opened (a refresh opens a new one), so `close()` closes them all. */
  readonly sockets: Socket[] = [];
  room: PlayerRoomView | null = null;
  you: PersonalView | null = null;
  session: PlayerSession | null = null;
  readonly personalHistory: PersonalView[] = [];
  /** True between a successful join/resume and the next disconnect of the current socket. */
  resumed = false;
  joinCount = 0;
  readonly resumeRefusals: Array<{ at: number; code: string; message: string }> = [];
  readonly reconnects: ReconnectRecord[] = [];
  readonly acked: AckedAnswer[] = [];
  readonly answerRefusals: Array<{ questionIndex: number; answerId: string; code: string; message: string; sends: number }> = [];
  removedMessage: string | null = null;
  private lostAt: number | null = null;
  private lostHow: ReconnectRecord["how"] = "reconnect";
  private readonly emitter = new EventEmitter<ViewEvents>();
  private closed = false;

  /**
   * @param options.reconnectDelayMs the socket's reconnection back-off (first delay; the cap is
   *   1.5×): a phone on a weak signal comes back later than the others. Default 100 ms.
   */
  constructor(
    private readonly url: string,
    private readonly options: { reconnectDelayMs?: number } = {},
  ) {
    this.emitter.setMaxListeners(0);
    this.socket = this.open();
  }

  private open(): Socket {
    const delayMs = this.options.reconnectDelayMs;
    const socket = connect(this.url, true, delayMs === undefined ? undefined : { delayMs, maxDelayMs: Math.round(delayMs * 1.5) });
    this.sockets.push(socket);
    const current = () => socket === this.socket;
    socket.on("connect", () => {
      if (current() && this.session) void this.resumeOn(socket);
    });
    socket.on("disconnect", () => {
      if (!current()) return;
      this.resumed = false;
      this.lostAt ??= Date.now();
    });
    socket.on(ServerEvent.room, (view: PlayerRoomView) => {
      if (current()) this.setRoom(view);
    });
    socket.on(ServerEvent.personal, ({ room, you }: PersonalMessage) => {
      if (!current()) return;
      this.setRoom(room);
      this.setPersonal(you);
    });
    socket.on(ServerEvent.removed, ({ message }: { message: string }) => (this.removedMessage = message));
    return socket;
  }

  private setRoom(view: PlayerRoomView): void {
    this.room = view;
    this.emitter.emit("room", view);
  }

  private setPersonal(view: PersonalView): void {
    this.you = view;
    this.personalHistory.push(view);
    this.emitter.emit("personal", view);
  }

  /** Sends `player:resume` on this socket until it is acknowledged, refused, or the socket is gone. */
  private async resumeOn(socket: Socket): Promise<void> {
    for (let attempt = 0; !this.closed && socket === this.socket && socket.connected; attempt++) {
      let ack: ResumeAck;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.resume, this.session);
      } catch {
        continue; // timed out or the socket dropped; its next `connect` resumes again
      }
      if (socket !== this.socket) return;
      if (!ack.ok) {
        this.resumeRefusals.push({ at: Date.now(), code: ack.code, message: ack.message });
        if (ack.code === "rate-limited" || ack.code === "server-error") {
          await sleep(200 * (attempt + 1));
          continue;
        }
        return;
      }
      const now = Date.now();
      if (this.lostAt !== null) this.reconnects.push({ lostAt: this.lostAt, resumedAt: now, how: this.lostHow, room: ack.room, you: ack.you });
      this.lostAt = null;
      this.lostHow = "reconnect";
      this.resumed = true;
      this.setRoom(ack.room);
      this.setPersonal(ack.you);
      this.emitter.emit("resumed");
      return;
    }
  }

  /** `joinId`: the same id on a retry of one join (the server answers it with the same player). */
  async join(code: string, nickname: string, joinId?: string): Promise<JoinAck> {
    this.joinCount += 1;
    const ack: JoinAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname, ...(joinId ? { joinId } : {}) });
    this.joined(ack);
    return ack;
  }

  /** Takes a join acknowledgement that arrived some other way (the real phone's join code, say). */
  joined(ack: JoinAck): void {
    if (!ack.ok) return;
    this.session = { gameId: ack.room.gameId, playerId: ack.you.playerId, playerToken: ack.playerToken };
    this.resumed = true;
    this.setRoom(ack.room);
    this.setPersonal(ack.you);
  }

  /** Resolves once this phone is (back) in its game on its current socket. */
  whenResumed(timeoutMs = 60_000): Promise<void> {
    if (this.resumed) return Promise.resolve();
    return waitFor<void>(
      (listener) => {
        const fn = () => listener(undefined);
        this.emitter.on("resumed", fn);
        this.emitter.on("closed", fn);
        return () => {
          this.emitter.off("resumed", fn);
          this.emitter.off("closed", fn);
        };
      },
      () => true,
      `${this.you?.nickname ?? "a phone"} to resume`,
      timeoutMs,
    );
  }

  /** Resolves with the first resume acknowledged at or after `since` (epoch ms). */
  resumedSince(since: number, timeoutMs = 60_000): Promise<ReconnectRecord> {
    const found = () => this.reconnects.find((record) => record.resumedAt >= since);
    const already = found();
    if (already) return Promise.resolve(already);
    return waitFor<ReconnectRecord | undefined>(
      (listener) => {
        const fn = () => listener(found());
        this.emitter.on("resumed", fn);
        return () => this.emitter.off("resumed", fn);
      },
      (record) => record !== undefined,
      `${this.you?.nickname ?? "a phone"} to resume`,
      timeoutMs,
    ) as Promise<ReconnectRecord>;
  }

  /**
   * Locks in an answer like the phone does: sent only while the phone is in its game, and re-sent
   * with the same answerId after every reconnect until acknowledged. Resolves with the server's
   * acknowledgement, or with its refusal (too late, wrong question…), which is also recorded.
   */
  async answer(questionIndex: number, choice: number[], answerId: string = randomUUID(), onSent?: () => void): Promise<AnswerAck> {
    let sends = 0;
    let firstSentAt = 0;
    for (;;) {
      if (this.closed) throw new Error("this phone was closed while answering");
      await this.whenResumed();
      const socket = this.socket;
      // Checked synchronously before emitting: never let socket.io buffer it for a socket that is down.
      if (!this.resumed || !socket.connected) {
        await sleep(20);
        continue;
      }
      sends += 1;
      if (sends === 1) firstSentAt = Date.now();
      const pending: Promise<AnswerAck> = socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { answerId, questionIndex, choice });
      if (sends === 1) onSent?.();
      let ack: AnswerAck;
      try {
        ack = await pending;
      } catch {
        if (socket === this.socket && socket.connected) await sleep(100);
        continue; // disconnected (or timed out) with the ack in flight: send it again after the resume
      }
      if (ack.ok) {
        this.acked.push({ questionIndex, answerId, choice, firstSentAt, ackedAt: Date.now(), sends });
        return ack;
      }
      if (ack.code === "server-error" || ack.code === "rate-limited") {
        await sleep(200);
        continue;
      }
      if (ack.code === "not-joined" && (socket !== this.socket || !this.resumed)) continue;
      this.answerRefusals.push({ questionIndex, answerId, code: ack.code, message: ack.message, sends });
      return ack;
    }
  }

  /** Drops the transport under the socket (a network blip); socket.io reconnects by itself. */
  dropTransport(): void {
    this.socket.io.engine.close();
  }

  /** Closes the socket (as when the phone's browser suspends the page), then connects it again. */
  async disconnectFor(ms: number): Promise<void> {
    this.socket.disconnect();
    await sleep(ms);
    if (!this.closed) this.socket.connect();
  }

  /** Disconnects the socket and leaves it down until `reconnect()`. */
  goAway(): void {
    this.socket.disconnect();
  }

  reconnect(): void {
    if (!this.closed) this.socket.connect();
  }

  /**
   * A page reload: a brand-new socket resumes with the stored token. With `closeOld` false the old
   * connection is left open (a stale tab), and the server must close it when the new one resumes.
   */
  refresh(closeOld = true): void {
    const old = this.socket;
    if (closeOld) old.close();
    this.resumed = false;
    this.lostAt ??= Date.now();
    this.lostHow = "refresh";
    this.socket = this.open();
  }

  nextRoomView(predicate: (view: PlayerRoomView) => boolean, what: string, timeoutMs = 30_000): Promise<PlayerRoomView> {
    return latestOrNext(this.room, this.emitter, "room", predicate, what, timeoutMs);
  }

  nextPersonal(predicate: (view: PersonalView) => boolean, what: string, timeoutMs = 30_000): Promise<PersonalView> {
    return latestOrNext(this.you, this.emitter, "personal", predicate, what, timeoutMs);
  }

  close(): void {
    this.closed = true;
    this.emitter.emit("closed");
    for (const socket of this.sockets) socket.close();
  }
}

type HostEvents = { state: [HostView]; attached: []; refused: [HostAttachAck]; closed: [] };

/** A host screen that attaches again on every (re)connect of its socket, like the real one. */
export class ResilientHost {
  readonly socket: Socket;
  state: HostView | null = null;
  attached = false;
  attachCount = 0;
  readonly attachRefusals: Array<{ at: number; code: string; message: string }> = [];
  /** When each attach after the first was acknowledged. */
  readonly reattachedAt: number[] = [];
  private credentials: { gameId: string; hostSecret: string } | null = null;
  private readonly emitter = new EventEmitter<HostEvents>();
  private closed = false;

  constructor(url: string) {
    this.emitter.setMaxListeners(0);
    this.socket = connect(url, true);
    this.socket.on("connect", () => {
      if (this.credentials) void this.attachOnce();
    });
    this.socket.on("disconnect", () => (this.attached = false));
    this.socket.on(ServerEvent.hostState, (view: HostView) => this.setState(view));
  }

  private setState(view: HostView): void {
    this.state = view;
    this.emitter.emit("state", view);
  }

  private async attachOnce(): Promise<HostAttachAck | null> {
    const socket = this.socket;
    let ack: HostAttachAck;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAttach, this.credentials);
    } catch {
      return null; // the next connect attaches again
    }
    this.attachCount += 1;
    if (!ack.ok) {
      this.attachRefusals.push({ at: Date.now(), code: ack.code, message: ack.message });
      this.emitter.emit("refused", ack);
      return ack;
    }
    if (this.attachCount > 1) this.reattachedAt.push(Date.now());
    this.attached = true;
    this.setState(ack.state);
    this.emitter.emit("attached");
    return ack;
  }

  async attach(gameId: string, hostSecret: string): Promise<HostAttachAck> {
    this.credentials = { gameId, hostSecret };
    const refused = new Promise<HostAttachAck>((resolve) => this.emitter.once("refused", resolve));
    if (this.socket.connected) void this.attachOnce(); // otherwise the `connect` handler attaches
    const outcome = await Promise.race([this.whenAttached().then(() => null), refused]);
    return outcome ?? { ok: true, state: this.state! };
  }

  whenAttached(timeoutMs = 60_000): Promise<void> {
    if (this.attached) return Promise.resolve();
    return waitFor<void>(
      (listener) => {
        const fn = () => listener(undefined);
        this.emitter.on("attached", fn);
        this.emitter.on("closed", fn);
        return () => {
          this.emitter.off("attached", fn);
          this.emitter.off("closed", fn);
        };
      },
      () => true,
      "the host screen to attach",
      timeoutMs,
    );
  }

  /** Sends a host action once the screen is attached (not retried: host actions are not idempotent). */
  async action(event: typeof ClientEvent.hostStart | typeof ClientEvent.hostNext | typeof ClientEvent.hostSkip | typeof ClientEvent.hostEnd): Promise<HostActionAck> {
    await this.whenAttached();
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event);
  }

  nextState(predicate: (view: HostView) => boolean, what: string, timeoutMs = 30_000): Promise<HostView> {
    return latestOrNext(this.state, this.emitter, "state", predicate, what, timeoutMs);
  }

  close(): void {
    this.closed = true;
    this.emitter.emit("closed");
    this.socket.close();
  }
}
