/**
 * Reads quiz files on a worker thread with a time budget, so a slow file never holds up the event
 * loop that times the rounds of running games. One small pool per process: one thread by default
 * (the other core stays with the games), started on demand and stopped when idle.
 */
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import type { QuizPictures } from "../../src/quizdown/pictures";
import type { ParseResult } from "../../src/quizdown/types";
import { LibraryError } from "./errors";

export interface QuizReader {
  /** parseQuizdown on a worker thread (with the quiz's pictures); refuses with a LibraryError when the file takes too long. */
  parse(source: string, pictures?: QuizPictures): Promise<ParseResult>;
  close(): Promise<void>;
}

export interface QuizReaderOptions {
  /** How long one file may take once a thread starts on it (default 2 s). */
  budgetMs?: number;
  threads?: number;
  /** Files waiting for a thread beyond this are refused as "busy". */
  maxQueue?: number;
  idleTimeoutMs?: number;
  /** The worker module (default reader-worker.mjs); tests swap in a deliberately slow one. */
  workerUrl?: URL;
}

export const QUIZ_READ_BUDGET_MS = 2_000;

export const QUIZ_TOO_SLOW_MESSAGE =
  "This quiz took too long to read, so the server stopped reading it. Look for a very long paragraph, deeply nested lists or quotes, or long runs of * and _, and split them up.";
export const QUIZ_TOO_LARGE_MESSAGE = "This quiz needed too much memory to read. Split it into several smaller quizzes.";
export const QUIZ_READER_BUSY_MESSAGE = "The server is busy reading other quizzes. Try again in a moment.";

export function createQuizReader(options: QuizReaderOptions = {}): QuizReader {
  const budgetMs = options.budgetMs ?? QUIZ_READ_BUDGET_MS;
  const pool = new Piscina({
    filename: fileURLToPath(options.workerUrl ?? new URL("./reader-worker.mjs", import.meta.url)),
    minThreads: 0,
    maxThreads: options.threads ?? 1,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    maxQueue: options.maxQueue ?? 32,
    // The worker loads TypeScript through tsx itself (reader-worker.mjs), whatever started this process.
    execArgv: [],
    // A file that needs more than this is refused rather than growing the server's memory.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });

  return {
    async parse(source, pictures = {}) {
      const abort = new AbortController();
      const { port1: started, port2: startedInWorker } = new MessageChannel();
      let timer: NodeJS.Timeout | undefined;
      started.once("message", () => {
        timer = setTimeout(() => abort.abort(), budgetMs);
      });
      try {
        // Aborting terminates the worker thread mid-parse; the pool starts a fresh one when needed.
        return (await pool.run({ source, pictures, started: startedInWorker }, { signal: abort.signal, transferList: [startedInWorker] })) as ParseResult;
      } catch (error) {
        if (abort.signal.aborted) throw new LibraryError("too-slow", QUIZ_TOO_SLOW_MESSAGE);
        const code = (error as { code?: string }).code;
        if (code === "ERR_WORKER_OUT_OF_MEMORY") throw new LibraryError("too-slow", QUIZ_TOO_LARGE_MESSAGE);
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new LibraryError("busy", QUIZ_READER_BUSY_MESSAGE);
        throw error;
      } finally {
        clearTimeout(timer);
        started.close();
      }
    },
    close: () => pool.destroy(),
  };
}

let shared: QuizReader | null = null;

/** The process's quiz reader (made on first use). */
export function sharedQuizReader(): QuizReader {
  shared ??= createQuizReader();
  return shared;
}
