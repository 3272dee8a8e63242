/**
 * Processes pictures on a worker thread with a time budget (like the quiz reader, reader-pool.ts), so
 * decoding and resizing a photo never holds up the event loop that times the rounds of running games.
 */
import { fileURLToPath } from "node:url";
import Piscina from "piscina";
import { MAX_PICTURE_SIDE } from "../../src/quizdown/pictures";
import { PictureError } from "./errors";

export interface ProcessedPicture {
  hash: string;
  bytes: Buffer;
  width: number;
  height: number;
}

export interface PictureProcessor {
  /** The file as a stored picture (WebP, resized, no metadata); refuses with a PictureError. */
  process(bytes: Uint8Array, animated: boolean): Promise<ProcessedPicture>;
  close(): Promise<void>;
}

const BUDGET_MS = 15_000;

type Outcome = { ok: true; bytes: Uint8Array; hash: string; width: number; height: number } | { ok: false; refusal: "tooManyPixels" | "unreadable"; detail: string };

export function createPictureProcessor(options: { threads?: number; idleTimeoutMs?: number } = {}): PictureProcessor {
  const pool = new Piscina({
    filename: fileURLToPath(new URL("./picture-worker.mjs", import.meta.url)),
    minThreads: 0,
    maxThreads: options.threads ?? 1,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    maxQueue: 8,
    execArgv: [],
  });
  return {
    async process(bytes, animated) {
      const copy = new Uint8Array(bytes); // its own buffer, handed to the worker whole
      const signal = AbortSignal.timeout(BUDGET_MS);
      let outcome: Outcome;
      try {
        outcome = (await pool.run({ bytes: copy, maxSide: MAX_PICTURE_SIDE, animated }, { signal, transferList: [copy.buffer] })) as Outcome;
      } catch (error) {
        if (signal.aborted) throw new PictureError("unreadable", "This picture took too long to process. Try a smaller one.");
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new PictureError("busy", "The server is busy with other pictures. Try again in a moment.");
        throw error;
      }
      if (!outcome.ok) {
        throw outcome.refusal === "tooManyPixels"
          ? new PictureError("tooManyPixels", "This picture has too many pixels. Make it smaller (at most 40 megapixels) and try again.")
          : new PictureError("unreadable", "This picture couldn't be read. It may be damaged: open it and save it again, then try again.");
      }
      return { hash: outcome.hash, bytes: Buffer.from(outcome.bytes.buffer, outcome.bytes.byteOffset, outcome.bytes.byteLength), width: outcome.width, height: outcome.height };
    },
    close: () => pool.destroy(),
  };
}

let shared: PictureProcessor | null = null;

/** The process's picture processor (made on first use). */
export function sharedPictureProcessor(): PictureProcessor {
  shared ??= createPictureProcessor();
  return shared;
}
