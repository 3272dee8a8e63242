/**
 * Processes pictures on a worker thread with a time budget (like the quiz reader, reader-pool.ts), so
 * decoding and resizing a photo never holds up the event loop that times the rounds of running games.
 */
import { fileURLToPath } from "node:url";
import Piscina from "piscina";
import { MAX_PICTURE_SIDE, PHONE_PICTURE_SIDE } from "../../src/quizdown/pictures";
import { PictureError } from "./errors";

export interface ProcessedPicture {
  hash: string;
  bytes: Buffer;
  /** The phone's rendition (at most PHONE_PICTURE_SIDE px). */
  phoneBytes: Buffer;
  width: number;
  height: number;
}

export interface PictureProcessor {
  /** The file as a stored picture (WebP, resized, no metadata); refuses with a PictureError. */
  process(bytes: Uint8Array, animated: boolean): Promise<ProcessedPicture>;
  /** The phone's rendition of an already stored picture (its WebP bytes). */
  phoneRendition(stored: Uint8Array): Promise<Buffer>;
  close(): Promise<void>;
}

const BUDGET_MS = 15_000;

type Outcome = { ok: true; bytes: Uint8Array; phoneBytes: Uint8Array; hash: string; width: number; height: number } | { ok: false; refusal: "tooManyPixels" | "unreadable"; detail: string };

export function createPictureProcessor(options: { threads?: number; idleTimeoutMs?: number } = {}): PictureProcessor {
  const pool = new Piscina({
    filename: fileURLToPath(new URL("./picture-worker.mjs", import.meta.url)),
    minThreads: 0,
    maxThreads: options.threads ?? 1,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    maxQueue: 8,
    execArgv: [],
  });
  async function run<T>(task: object, transfer: ArrayBuffer): Promise<T> {
    const signal = AbortSignal.timeout(BUDGET_MS);
    try {
      return (await pool.run(task, { signal, transferList: [transfer] })) as T;
    } catch (error) {
      if (signal.aborted) throw new PictureError("unreadable", "This picture took too long to process. Try a smaller one.");
      if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new PictureError("busy", "The server is busy with other pictures. Try again in a moment.");
      throw error;
    }
  }
  const refused = (outcome: { refusal: "tooManyPixels" | "unreadable" }) =>
    outcome.refusal === "tooManyPixels"
      ? new PictureError("tooManyPixels", "This picture has too many pixels. Make it smaller (at most 40 megapixels) and try again.")
      : new PictureError("unreadable", "This picture couldn't be read. It may be damaged: open it and save it again, then try again.");
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    async process(bytes, animated) {
      const copy = new Uint8Array(bytes); // its own buffer, handed to the worker whole
      const outcome = await run<Outcome>({ bytes: copy, maxSide: MAX_PICTURE_SIDE, phoneSide: PHONE_PICTURE_SIDE, animated }, copy.buffer);
      if (!outcome.ok) throw refused(outcome);
      return { hash: outcome.hash, bytes: buffer(outcome.bytes), phoneBytes: buffer(outcome.phoneBytes), width: outcome.width, height: outcome.height };
    },
    async phoneRendition(stored) {
      const copy = new Uint8Array(stored);
      // A stored WebP may be animated (from a GIF): the phone's rendition keeps the animation.
      const outcome = await run<{ ok: true; phoneBytes: Uint8Array } | { ok: false; refusal: "tooManyPixels" | "unreadable" }>(
        { bytes: copy, maxSide: MAX_PICTURE_SIDE, phoneSide: PHONE_PICTURE_SIDE, animated: true, phoneOnly: true },
        copy.buffer,
      );
      if (!outcome.ok) throw refused(outcome);
      return buffer(outcome.phoneBytes);
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
