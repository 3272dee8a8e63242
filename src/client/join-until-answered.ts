// Values from the protocol's own modules, not its index: the index brings zod, which the phone leaves to the server.
import type { JoinAck, JoinRequest, Refusal } from "@/protocol";
import { ClientEvent } from "@/protocol/events";
import type { QuizSocket } from "./socket";
import { ACK_TIMEOUT_MS } from "./socket-helpers";

/** Refusals of an answer or a join that mean "not yet" (the server could not store it yet): the phone asks again. */
export const SAVE_RETRYABLE = new Set<Refusal["code"]>(["rate-limited", "server-error"]);

/**
 * Refusals of a join that mean "not yet". Not "rate-limited": for a join that is the block after too
 * many wrong codes ("Wait 2 minutes…"), which the student must read, and re-sending only prolongs it.
 */
const JOIN_RETRYABLE = new Set<Refusal["code"]>(["server-error"]);

/** Waits between tries of something the server could not store yet: 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
export function retryDelay(tries: number): number {
  return Math.min(500 * 2 ** Math.max(0, tries - 1), 5_000);
}

/**
 * Sends one join (one `joinId`) until the server answers it with a join or a real refusal. Every
 * send carries the same joinId, so the server makes the join once and answers every copy with the
 * same player and token; whichever answer arrives first counts, however late (a late answer is
 * never dropped, so no join is left on the server that this phone doesn't know about).
 */
export function joinUntilAnswered(
  socket: QuizSocket,
  request: JoinRequest & { joinId: string },
  setSlow: (slow: boolean) => void,
  ackTimeoutMs = ACK_TIMEOUT_MS,
): Promise<JoinAck> {
  return new Promise((resolve) => {
    let settled = false;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (ack: JoinAck) => {
      settled = true;
      if (timer) clearTimeout(timer);
      setSlow(false);
      resolve(ack);
    };
    const send = () => {
      if (settled) return;
      tries++;
      socket.emit(ClientEvent.join, request, (ack: JoinAck) => {
        if (settled) return;
        if (!ack.ok && JOIN_RETRYABLE.has(ack.code)) {
          setSlow(true);
          if (timer) clearTimeout(timer);
          timer = setTimeout(send, retryDelay(tries));
          return;
        }
        finish(ack);
      });
      // No answer in time: say so, and ask again (the first answer may still come, and counts).
      timer = setTimeout(() => {
        setSlow(true);
        send();
      }, tries === 1 ? ackTimeoutMs : Math.max(ackTimeoutMs, retryDelay(tries)));
    };
    send();
  });
}

