/**
 * Client events, handled the same way for the live game and homework: rate-limited per socket,
 * each payload validated by the protocol's schema (refused in plain words), the handler's answer or
 * a plain-words server error sent back in the event's acknowledgement.
 *
 * The handlers belong to the server, not to each socket: a socket gets one shared listener for all
 * its events and one for its closing, and keeps its own state in `socket.data`. Per-socket closures
 * (three for each of two dozen events) were a third of the heap a connected phone kept alive, and
 * every full collection marks all of them while the rounds are being timed.
 */
import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { refusal, type Ack } from "../../src/protocol";
import { clientAddress, type TrustProxy } from "../http/client-address";
import type { Logger } from "../rooms/ports";

const EVENTS_PER_SECOND = 20;

/** Every socket's budget of events, shared by all the handlers that take events from it. */
export const socketEventLimiter = () => new RateLimiterMemory({ points: EVENTS_PER_SECOND, duration: 1 });

export type EventHandler<T> = (input: T, socket: Socket) => Promise<Ack> | Ack;

interface Route {
  schema: z.ZodType;
  fallbackMessage: string;
  handler: EventHandler<unknown>;
}

type Respond = (response: unknown) => void;
const noAcknowledgement: Respond = () => {};

export class SocketEvents {
  private readonly routes = new Map<string, Route>();
  private readonly replies = new Map<string, () => unknown>();
  private readonly closeHandlers: Array<(socket: Socket) => void> = [];

  constructor(
    io: Server,
    private readonly options: { limiter: RateLimiterMemory; log: Logger; trustProxy?: TrustProxy },
  ) {
    const events = this;
    function dispatch(this: Socket, event: unknown, ...args: unknown[]) {
      events.dispatch(this, event, args);
    }
    function closed(this: Socket) {
      for (const handler of events.closeHandlers) handler(this);
    }
    io.on("connection", (socket) => {
      socket.onAny(dispatch);
      socket.on("disconnect", closed);
    });
  }

  /** A validated, rate-limited event whose handler's answer is the acknowledgement. */
  on<S extends z.ZodType>(event: string, schema: S, fallbackMessage: string, handler: EventHandler<z.output<S>>): void {
    this.routes.set(event, { schema, fallbackMessage, handler: handler as EventHandler<unknown> });
  }

  /** An event answered at once, with no payload to check and nothing spent from the budget (the phones' clock sync). */
  reply(event: string, response: () => unknown): void {
    this.replies.set(event, response);
  }

  /** Where a socket comes from: every socket behind a school's NAT shares it. */
  addressOf(socket: Socket): string {
    return clientAddress(socket.request, this.options.trustProxy);
  }

  /** Called once for every socket that closes. */
  onClose(handler: (socket: Socket) => void): void {
    this.closeHandlers.push(handler);
  }

  private dispatch(socket: Socket, event: unknown, args: unknown[]): void {
    if (typeof event !== "string" || !socket.connected) return;
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as Respond) : noAcknowledgement;
    const reply = this.replies.get(event);
    if (reply) return ack(reply());
    const route = this.routes.get(event);
    if (!route) return;
    const payload = typeof last === "function" ? (args.length > 1 ? args[0] : undefined) : args[0];
    void this.handle(socket, event, route, payload, ack);
  }

  private async handle(socket: Socket, event: string, { schema, fallbackMessage, handler }: Route, payload: unknown, ack: Respond) {
    try {
      await this.options.limiter.consume(socket.id);
    } catch {
      return ack(refusal("rate-limited", "Too many requests at once. Wait a moment and try again."));
    }
    // Field messages in the protocol win; anything else gets this event's plain-words fallback.
    // The error map is given only to a failed parse: passing one turns off zod's compiled fast
    // path (15 µs instead of 2 µs per answer).
    let parsed = schema.safeParse(payload);
    if (!parsed.success) parsed = schema.safeParse(payload, { error: () => fallbackMessage });
    if (!parsed.success) return ack(refusal("invalid-request", parsed.error.issues[0]?.message ?? fallbackMessage));
    try {
      ack(await handler(parsed.data, socket));
    } catch (error) {
      this.options.log.error(`socket ${event} failed`, error);
      ack(refusal("server-error", "Something went wrong on the server. Please try again."));
    }
  }
}
