/** Importing quizzes from Kahoot! (.xlsx), CSV and Moodle XML, and exporting to them. Server only. */
import { importCsv } from "./csv";
import { importKahootXlsx } from "./kahoot";
import { importMoodleXml } from "./moodle";
import { IMPORT_TOO_BIG, ImportRefused, MAX_IMPORT_BYTES, type ImportResult } from "./types";

export { exportKahootXlsx, importKahootXlsx } from "./kahoot";
export { exportMoodleXml, importMoodleXml } from "./moodle";
export { importCsv, CSV_HEADER } from "./csv";
export { readQuizZip, writeQuizZip } from "./quiz-zip";
export { ImportRefused, MAX_IMPORT_BYTES, type ConvertNote, type ImportResult } from "./types";

/** Reads a file by its extension (.xlsx, .csv, .xml); the quizdown it gives is checked by the caller. */
export async function importQuizFile(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportRefused(IMPORT_TOO_BIG);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const asText = () => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ImportRefused(`“${fileName}” isn't UTF-8 text. Save it again as UTF-8 and try again.`);
    }
  };
  if (extension === "xlsx") return importKahootXlsx(bytes);
  if (extension === "csv" || extension === "txt") return importCsv(asText());
  if (extension === "xml") return importMoodleXml(asText());
  throw new ImportRefused(`“${fileName}” can't be imported: pick a Kahoot! spreadsheet (.xlsx), a CSV file (.csv) or Moodle XML (.xml).`);
}
