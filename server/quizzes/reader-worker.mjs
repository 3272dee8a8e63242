/**
 * A quiz-reading worker thread (see reader-pool.ts). Plain JavaScript so it starts the same way
 * under tsx, vitest and `npm start`: it loads the TypeScript parser through tsx's scoped import.
 */
import { tsImport } from "tsx/esm/api";

const parser = tsImport("../../src/quizdown/parse.ts", import.meta.url);

/** @param {{ source: string; pictures?: import("../../src/quizdown/pictures").QuizPictures; started: import("node:worker_threads").MessagePort }} task */
export default async function readQuiz({ source, pictures, started }) {
  const { parseQuizdown } = await parser;
  // The time budget starts now, not while the task waited for this thread or the thread started.
  started.postMessage("started");
  started.close();
  return parseQuizdown(source, { pictures });
}
