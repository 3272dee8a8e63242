/**
 * One client event, handled the same way for the live game and homework: rate-limited per socket,
 * its payload validated by the protocol's schema (refused in plain words), the handler's answer or
 * a plain-words server error sent back in the event's acknowledgement.
 */
import type { Socket } from "socket.io";
import type { z } from "zod";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { refusal, type Ack } from "../../src/protocol";
import type { Logger } from "../rooms/ports";

const EVENTS_PER_SECOND = 20;

/** Every socket's budget of events, shared by all the handlers that take events from it. */
export const socketEventLimiter = () => new RateLimiterMemory({ points: EVENTS_PER_SECOND, duration: 1 });

export function onValidated<S extends z.ZodType>(
  socket: Socket,
  { limiter, log }: { limiter: RateLimiterMemory; log: Logger },
  event: string,
  schema: S,
  fallbackMessage: string,
  handler: (input: z.output<S>) => Promise<Ack> | Ack,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as (response: Ack) => void) : () => {};
    const payload = typeof last === "function" ? (args.length > 1 ? args[0] : undefined) : args[0];
    try {
      await limiter.consume(socket.id);
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
      ack(await handler(parsed.data));
    } catch (error) {
      log.error(`socket ${event} failed`, error);
      ack(refusal("server-error", "Something went wrong on the server. Please try again."));
    }
  });
}
