import type { QuizSocket } from "./socket";
import { wait } from "./socket-helpers";

/**
 * The phone's socket, with socket.io-client fetched and run only after the join form is on screen:
 * the library is a third of the phone's own JavaScript, and the form needs none of it to show.
 * A failed fetch (the network dropped at that instant) is tried again, a few times.
 */
export async function connectPlayerSocket(): Promise<QuizSocket> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { connectQuizSocket } = await import("./socket");
      return connectQuizSocket();
    } catch (error) {
      if (attempt >= 5) throw error;
      await wait(1_000 * attempt);
    }
  }
}
