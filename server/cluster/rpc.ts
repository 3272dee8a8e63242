/**
 * A small request/reply channel between nodes over Redis pub/sub: each node listens on its own
 * channel; a request carries the caller's node id, the reply goes back on the caller's channel.
 * A request to a node nobody listens for (it died) fails at once; one that gets no reply times out.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ClusterKeys } from "./keys";
import type { Logger } from "../rooms/ports";

interface RequestMessage {
  kind: "request";
  id: string;
  from: string;
  op: string;
  payload: unknown;
}

interface ReplyMessage {
  kind: "reply";
  id: string;
  value?: unknown;
  error?: string;
}

export class RpcUnavailable extends Error {}

/** Serves one request; `from` is the calling node. */
export type RpcHandler = (op: string, payload: unknown, from: string) => Promise<unknown>;

export class NodeRpc {
  private readonly pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private handler: RpcHandler = async () => {
    throw new Error("not serving yet");
  };

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: ClusterKeys,
    readonly nodeId: string,
    private readonly log: Logger,
  ) {}

  async start(handler: RpcHandler): Promise<void> {
    this.handler = handler;
    this.subscriber.on("message", (_channel: string, raw: string) => this.receive(raw));
    await this.subscriber.subscribe(this.keys.rpc(this.nodeId));
  }

  async stop(): Promise<void> {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(new RpcUnavailable("this node is stopping"));
      this.pending.delete(id);
    }
    await this.subscriber.unsubscribe().catch(() => {});
  }

  async call<T>(nodeId: string, op: string, payload: unknown, timeoutMs = 3_000): Promise<T> {
    const id = randomUUID();
    const message: RequestMessage = { kind: "request", id, from: this.nodeId, op, payload };
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcUnavailable(`node ${nodeId} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    let listeners: number;
    try {
      listeners = await this.publisher.publish(this.keys.rpc(nodeId), JSON.stringify(message));
    } catch (error) {
      this.settle(id, undefined, `Redis refused the request: ${error instanceof Error ? error.message : String(error)}`);
      return reply as Promise<T>;
    }
    if (listeners === 0) this.settle(id, undefined, `node ${nodeId} is gone`);
    return reply as Promise<T>;
  }

  /** Whether a node is still up: it listens on its channel until its process ends (Redis drops a dead connection). */
  async isListening(nodeId: string): Promise<boolean> {
    const reply = (await this.publisher.pubsub("NUMSUB", this.keys.rpc(nodeId))) as [string, number | string];
    return Number(reply[1]) > 0;
  }

  private receive(raw: string): void {
    let message: RequestMessage | ReplyMessage;
    try {
      message = JSON.parse(raw) as RequestMessage | ReplyMessage;
    } catch {
      return;
    }
    if (message.kind === "reply") return this.settle(message.id, message.value, message.error);
    void this.serve(message);
  }

  private async serve(request: RequestMessage): Promise<void> {
    let reply: ReplyMessage;
    try {
      reply = { kind: "reply", id: request.id, value: await this.handler(request.op, request.payload, request.from) };
    } catch (error) {
      this.log.error(`forwarded ${request.op} failed`, error);
      reply = { kind: "reply", id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    await this.publisher.publish(this.keys.rpc(request.from), JSON.stringify(reply)).catch(() => {});
  }

  private settle(id: string, value: unknown, error: string | undefined): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    clearTimeout(call.timer);
    if (error !== undefined) call.reject(new RpcUnavailable(error));
    else call.resolve(value);
  }
}
