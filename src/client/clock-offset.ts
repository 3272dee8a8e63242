"use client";

import { useEffect, useState } from "react";
import { ClientEvent } from "@/protocol/events";
import type { QuizSocket } from "./socket";

/**
 * How far the server's clock is ahead of this device's (`serverNow ≈ Date.now() + offset`),
 * measured NTP-style over `time:sync`: each sample assumes the server read its clock halfway
 * through the round trip, and the sample with the shortest round trip is the most trustworthy.
 */
export interface ClockSample {
  /** Date.now() when the request left. */
  sentAt: number;
  /** Date.now() when the answer arrived. */
  receivedAt: number;
  serverNow: number;
}

export function offsetOf(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

/** The offset of the sample with the smallest round trip, or null without samples. */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  return best ? offsetOf(best) : null;
}

const SAMPLES = 5;
const SAMPLE_TIMEOUT_MS = 2_000;

/**
 * Takes a few samples one after the other. Null when the server gave none (it doesn't answer
 * `time:sync`, or the connection dropped): countdowns then fall back to `remainingMs`.
 */
export async function measureClockOffset(socket: QuizSocket, samples = SAMPLES): Promise<number | null> {
  const taken: ClockSample[] = [];
  for (let i = 0; i < samples && socket.connected; i++) {
    const sentAt = Date.now();
    try {
      const ack = await socket.timeout(SAMPLE_TIMEOUT_MS).emitWithAck(ClientEvent.timeSync);
      const receivedAt = Date.now();
      if (ack?.ok && typeof ack.serverNow === "number" && Number.isFinite(ack.serverNow)) taken.push({ sentAt, receivedAt, serverNow: ack.serverNow });
    } catch {
      // No answer in time: one slow sample says nothing about the others, but a server that
      // never answers would only delay the countdown fallback, so stop at the first silence.
      break;
    }
  }
  return bestOffset(taken);
}

/**
 * The clock offset for this socket, measured right after every (re)connection. The last good
 * measurement is kept while a new one is taken or when a new one fails.
 */
export function useClockOffset(socket: QuizSocket | null): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  useEffect(() => {
    if (!socket) return;
    let current = true;
    const measure = async () => {
      const measured = await measureClockOffset(socket);
      if (current && measured !== null) setOffset(measured);
    };
    if (socket.connected) void measure();
    socket.on("connect", measure);
    return () => {
      current = false;
      socket.off("connect", measure);
    };
  }, [socket]);
  return offset;
}
