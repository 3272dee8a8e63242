/**
 * What the phone and the big screen do around their socket, without socket.io-client itself: the
 * phone's page imports these up front and loads the socket library after its first screen
 * (src/client/player-socket.ts).
 */
import type { Refusal } from "@/protocol";
import type { QuizSocket } from "./socket";

/** How long to wait for the server to acknowledge a request before telling the user. */
export const ACK_TIMEOUT_MS = 8_000;

/**
 * When the device says it went offline, close the connection at once instead of waiting for the
 * heartbeat to notice (up to ~45 s): the page shows "Reconnecting…" straight away, and socket.io
 * reconnects (and the page resumes) as soon as the network is back. Returns the clean-up.
 */
export function dropWhenOffline(socket: QuizSocket): () => void {
  const onOffline = () => {
    if (socket.connected) socket.io.engine?.close();
  };
  window.addEventListener("offline", onOffline);
  return () => window.removeEventListener("offline", onOffline);
}

/** Waits `ms`, for retry loops. */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The refusal shown when the server did not answer in time (or the connection dropped meanwhile). */
export function noAnswerRefusal(): Refusal {
  return {
    ok: false,
    code: "server-error",
    message: "The game server didn't answer. Check your connection and try again.",
  };
}
