/**
 * A load-test phone that speaks Socket.IO's wire protocol (Engine.IO v4, Socket.IO v5) over a plain
 * `ws` websocket: the same frames a browser's socket.io-client sends and receives, without its
 * emitters, reconnection timers and per-packet objects.
 *
 * Why: the bench's phones all live in one process on the server's machine. With socket.io-client
 * that process spent about as much CPU as the server itself (its emitters and parser ~20 % of it),
 * so in every answer burst the phones took a core from the server, and 10,000 phones' arrival times
 * were those of one process reading 10,000 messages one after another. Real phones parse their own
 * messages; this client lets the bench measure the server rather than its own client library.
 *
 * Only what the bench needs: the default namespace, JSON (not binary) packets, events with and
 * without acks, ping → pong. Anything else closes the socket as a protocol error.
 */
import { WebSocket } from "ws";

// `any` as in socket.io-client: listeners name the payload type they expect, as with socket.io-client.
type Listener = (...args: any[]) => void;

// Engine.IO packet types (first character of a frame) and Socket.IO packet types (second).
const EIO_OPEN = "0";
const EIO_CLOSE = "1";
const EIO_PING = "2";
const EIO_MESSAGE = "4";
const SIO_CONNECT = "0";
const SIO_EVENT = "2";
const SIO_ACK = "3";
const SIO_CONNECT_ERROR = "4";

export class LeanSocket {
  private readonly ws: WebSocket;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly pendingAcks = new Map<number, (args: unknown[]) => void>();
  private nextAckId = 0;
  /** Events emitted before the namespace is connected go out once it is (as socket.io-client does). */
  private readonly unsent: string[] = [];
  connected = false;

  constructor(url: string) {
    this.ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    this.ws.on("message", (data) => this.onFrame(data.toString()));
    this.ws.on("error", (error) => this.fire(this.connected ? "error" : "connect_error", error));
    this.ws.on("close", () => {
      const wasConnected = this.connected;
      this.connected = false;
      if (wasConnected) this.fire("disconnect", "transport close");
    });
  }

  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event);
    if (list) list.push(listener);
    else this.listeners.set(event, [listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    const list = this.listeners.get(event);
    if (list) this.listeners.set(event, list.filter((l) => l !== listener));
    return this;
  }

  /** socket.io-client's `socket.timeout(ms)`: the next `emitWithAck` rejects after `ms` without an ack. */
  timeout(ms: number): { emitWithAck: (event: string, ...args: unknown[]) => Promise<any> } {
    return {
      emitWithAck: (event, ...args) =>
        new Promise((resolve, reject) => {
          const id = this.nextAckId++;
          const timer = setTimeout(() => {
            this.pendingAcks.delete(id);
            reject(new Error("operation has timed out"));
          }, ms);
          this.pendingAcks.set(id, (reply) => {
            clearTimeout(timer);
            resolve(reply[0]);
          });
          this.sendEvent(`${EIO_MESSAGE}${SIO_EVENT}${id}${JSON.stringify([event, ...args])}`);
        }),
    };
  }

  emit(event: string, ...args: unknown[]): void {
    this.sendEvent(`${EIO_MESSAGE}${SIO_EVENT}${JSON.stringify([event, ...args])}`);
  }

  close(): void {
    this.connected = false;
    this.ws.close();
  }

  private sendEvent(frame: string): void {
    if (this.connected) this.send(frame);
    else this.unsent.push(frame);
  }

  private send(frame: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  private onFrame(frame: string): void {
    switch (frame[0]) {
      case EIO_OPEN:
        this.send(`${EIO_MESSAGE}${SIO_CONNECT}`);
        return;
      case EIO_PING:
        this.send("3");
        return;
      case EIO_CLOSE:
        this.ws.close();
        return;
      case EIO_MESSAGE:
        return this.onPacket(frame);
      default:
        return this.protocolError(frame);
    }
  }

  private onPacket(frame: string): void {
    const type = frame[1];
    if (type === SIO_CONNECT) {
      this.connected = true;
      for (const unsent of this.unsent.splice(0)) this.send(unsent);
      return this.fire("connect");
    }
    if (type === SIO_CONNECT_ERROR) return this.fire("connect_error", new Error(frame.slice(2)));
    // After the type: an optional ack id (digits), then the JSON array.
    let start = 2;
    while (start < frame.length && frame.charCodeAt(start) >= 48 && frame.charCodeAt(start) <= 57) start++;
    const id = start > 2 ? Number(frame.slice(2, start)) : undefined;
    const payload = JSON.parse(frame.slice(start)) as unknown[];
    if (type === SIO_ACK && id !== undefined) {
      const resolve = this.pendingAcks.get(id);
      this.pendingAcks.delete(id);
      return resolve?.(payload);
    }
    if (type === SIO_EVENT && id === undefined) {
      const [event, ...args] = payload as [string, ...unknown[]];
      return this.fire(event, ...args);
    }
    this.protocolError(frame);
  }

  private protocolError(frame: string): void {
    this.fire("error", new Error(`unexpected frame from the server: ${frame.slice(0, 80)}`));
    this.close();
  }
}
