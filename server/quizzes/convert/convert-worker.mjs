/**
 * A worker thread for importing and exporting quiz files (see convert-pool.ts), so a large or
 * strange spreadsheet never holds up the event loop that times the rounds of running games.
 * Plain JavaScript, like reader-worker.mjs, so it starts the same way under tsx, vitest and `npm start`.
 */
import { tsImport } from "tsx/esm/api";

const converters = tsImport("./index.ts", import.meta.url);

/**
 * @param {{ task: "import"; fileName: string; bytes: Uint8Array } | { task: "kahoot" | "moodle"; quiz: unknown }
 *   | { task: "read-zip"; bytes: Uint8Array } | { task: "write-zip"; fileName: string; quizdown: string; pictures: { name: string; bytes: Uint8Array }[] }} job
 */
export default async function convert(job) {
  const { importQuizFile, exportKahootXlsx, exportMoodleXml, readQuizZip, writeQuizZip, ImportRefused } = await converters;
  try {
    if (job.task === "read-zip") return { ok: true, value: await readQuizZip(job.bytes) };
    if (job.task === "write-zip") return { ok: true, value: await writeQuizZip(job.fileName, job.quizdown, job.pictures) };
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
