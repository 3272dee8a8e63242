/**
 * A small request/reply channel between nodes over Redis pub/sub: each node listens on its own
 * channel; a request carries the caller's node id, the reply goes back on the caller's channel.
 * Messages are JSON arrays (what one node sends another in one event-loop turn).
 * A request to a node nobody listens for (it died) fails at once; one that gets no reply times out.
 */
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
  private sequence = 0;
  private readonly outbox = new Map<string, Array<RequestMessage | ReplyMessage>>();
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

  call<T>(nodeId: string, op: string, payload: unknown, timeoutMs = 3_000): Promise<T> {
    const id = `${this.nodeId}:${++this.sequence}`;
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcUnavailable(`node ${nodeId} did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    this.send(nodeId, { kind: "request", id, from: this.nodeId, op, payload });
    return reply as Promise<T>;
  }

  /**
   * Messages to one node leaving in the same turn of the event loop go as one PUBLISH (a burst of
   * answers costs Redis one command per node, not one per answer). A batch nobody received fails
   * its requests at once: the node is gone.
   */
  private send(nodeId: string, message: RequestMessage | ReplyMessage): void {
    let batch = this.outbox.get(nodeId);
    if (!batch) {
      this.outbox.set(nodeId, (batch = []));
      if (this.outbox.size === 1) setImmediate(() => this.flush());
    }
    batch.push(message);
  }

  private flush(): void {
    const batches = [...this.outbox];
    this.outbox.clear();
    for (const [nodeId, messages] of batches) {
      const failAll = (why: string) => {
        for (const message of messages) if (message.kind === "request") this.settle(message.id, undefined, why);
      };
      this.publisher.publish(this.keys.rpc(nodeId), JSON.stringify(messages)).then(
        (listeners) => listeners === 0 && failAll(`node ${nodeId} is gone`),
        (error: unknown) => failAll(`Redis refused the request: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  /** Whether a node is still up: it listens on its channel until its process ends (Redis drops a dead connection). */
  async isListening(nodeId: string): Promise<boolean> {
    const reply = (await this.publisher.pubsub("NUMSUB", this.keys.rpc(nodeId))) as [string, number | string];
    return Number(reply[1]) > 0;
  }

  private receive(raw: string): void {
    let messages: Array<RequestMessage | ReplyMessage>;
    try {
      messages = JSON.parse(raw) as Array<RequestMessage | ReplyMessage>;
    } catch {
      return;
    }
    if (!Array.isArray(messages)) return;
    for (const message of messages) {
      if (message.kind === "reply") this.settle(message.id, message.value, message.error);
      else void this.serve(message);
    }
  }

  private async serve(request: RequestMessage): Promise<void> {
    let reply: ReplyMessage;
    try {
      reply = { kind: "reply", id: request.id, value: await this.handler(request.op, request.payload, request.from) };
    } catch (error) {
      this.log.error(`forwarded ${request.op} failed`, error);
      reply = { kind: "reply", id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    this.send(request.from, reply);
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
