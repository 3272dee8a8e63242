/**
 * Runs the importers and exporters on a worker thread with a time and memory budget, like the quiz
 * reader (reader-pool.ts): one thread, started on demand and stopped when idle.
 */
import { fileURLToPath } from "node:url";
import Piscina from "piscina";
import type { ParsedQuiz } from "../../../src/quizdown/types";
import { ImportRefused, type ConvertNote, type ImportResult } from "./types";
import type { QuizZipContents } from "./quiz-zip";

const BUDGET_MS = 10_000;
export const CONVERT_TOO_SLOW = "This file took too long to convert, so the server stopped. Split it into smaller files and try again.";
export const CONVERT_TOO_LARGE = "This file needed too much memory to convert. Split it into smaller files and try again.";
export const CONVERT_BUSY = "The server is busy converting other files. Try again in a moment.";

type Outcome<T> = { ok: true; value: T } | { ok: false; refused: string };

let pool: Piscina | null = null;

function convertPool(): Piscina {
  pool ??= new Piscina({
    filename: fileURLToPath(new URL("./convert-worker.mjs", import.meta.url)),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
    maxQueue: 16,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return pool;
}

async function run<T>(job: object, transferList?: ArrayBuffer[]): Promise<T> {
  const signal = AbortSignal.timeout(BUDGET_MS);
  let outcome: Outcome<T>;
  try {
    outcome = (await convertPool().run(job, { signal, transferList })) as Outcome<T>;
  } catch (error) {
    if (signal.aborted) throw new ImportRefused(CONVERT_TOO_SLOW);
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") throw new ImportRefused(CONVERT_TOO_LARGE);
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new ImportRefused(CONVERT_BUSY);
    throw error;
  }
  if (!outcome.ok) throw new ImportRefused(outcome.refused);
  return outcome.value;
}

export function importOffLoop(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  const copy = new Uint8Array(bytes); // its own buffer, handed to the worker whole
  return run<ImportResult>({ task: "import", fileName, bytes: copy }, [copy.buffer]);
}

export function exportOffLoop(task: "kahoot" | "moodle", quiz: ParsedQuiz): Promise<{ base64: string; notes: ConvertNote[] }> {
  return run({ task, quiz });
}

/** A quiz's .zip unpacked (within its caps: quiz-zip.ts), on the thread. */
export function readQuizZipOffLoop(bytes: Uint8Array): Promise<QuizZipContents> {
  const copy = new Uint8Array(bytes);
  return run<QuizZipContents>({ task: "read-zip", bytes: copy }, [copy.buffer]);
}

/** A quiz and its pictures as a .zip, made on the thread. */
export function writeQuizZipOffLoop(fileName: string, quizdown: string, pictures: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  return run<Uint8Array>({ task: "write-zip", fileName, quizdown, pictures });
}

/** Stops the thread (tests and shutdown). */
export async function closeConvertPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
