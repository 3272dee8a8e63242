/** Real socket.io-client connections acting as phones and a host screen. */
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import {
  ClientEvent,
  ServerEvent,
  type AnswerAck,
  type HostActionAck,
  type HostAttachAck,
  type HostView,
  type JoinAck,
  type PersonalView,
  type PlayerRoomView,
  type ResumeAck,
} from "../../src/protocol";

const ACK_TIMEOUT_MS = 10_000;

export function connect(url: string, reconnection = false): Socket {
  return io(url, { transports: ["websocket"], reconnection, forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
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

  constructor(url: string, options: { reconnection?: boolean } = {}) {
    this.socket = connect(url, options.reconnection);
    this.socket.io.on("packet", (packet) => this.frames.push(packet));
    this.socket.on(ServerEvent.room, (view: PlayerRoomView) => (this.room = view));
    this.socket.on(ServerEvent.personal, (view: PersonalView) => {
      this.you = view;
      this.personalHistory.push(view);
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

  nextRoomView(predicate: (view: PlayerRoomView) => boolean, what: string): Promise<PlayerRoomView> {
    if (this.room && predicate(this.room)) return Promise.resolve(this.room);
    return waitFor<PlayerRoomView>(
      (listener) => {
        this.socket.on(ServerEvent.room, listener);
        return () => this.socket.off(ServerEvent.room, listener);
      },
      predicate,
      what,
    );
  }

  nextPersonal(predicate: (view: PersonalView) => boolean, what: string): Promise<PersonalView> {
    if (this.you && predicate(this.you)) return Promise.resolve(this.you);
    return waitFor<PersonalView>(
      (listener) => {
        this.socket.on(ServerEvent.personal, listener);
        return () => this.socket.off(ServerEvent.personal, listener);
      },
      predicate,
      what,
    );
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
    if (this.state && predicate(this.state)) return Promise.resolve(this.state);
    return waitFor<HostView>(
      (listener) => {
        this.socket.on(ServerEvent.hostState, listener);
        return () => this.socket.off(ServerEvent.hostState, listener);
      },
      predicate,
      what,
      timeoutMs,
    );
  }

  close(): void {
    this.socket.close();
  }
}
