/**
 * A worker thread for importing and exporting quiz files (see convert-pool.ts), so a large or
 * strange spreadsheet never holds up the event loop that times the rounds of running games.
 * Plain JavaScript, like reader-worker.mjs, so it starts the same way under tsx, vitest and `npm start`.
 */
import { tsImport } from "tsx/esm/api";

const converters = tsImport("./index.ts", import.meta.url);

/** @param {{ task: "import"; fileName: string; bytes: Uint8Array } | { task: "kahoot" | "moodle"; quiz: unknown }} job */
export default async function convert(job) {
  const { importQuizFile, exportKahootXlsx, exportMoodleXml, ImportRefused } = await converters;
  try {
    if (job.task === "import") return { ok: true, value: await importQuizFile(job.fileName, job.bytes) };
    if (job.task === "kahoot") {
      const { buffer, notes } = await exportKahootXlsx(job.quiz);
      return { ok: true, value: { base64: buffer.toString("base64"), notes } };
    }
    const { xml, notes } = exportMoodleXml(job.quiz);
    return { ok: true, value: { base64: Buffer.from(xml, "utf8").toString("base64"), notes } };
  } catch (error) {
    // Refusals travel as plain data: an Error's class doesn't survive the trip between threads.
    if (error instanceof ImportRefused) return { ok: false, refused: error.message };
    throw error;
  }
}
