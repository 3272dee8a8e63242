/**
 * A quiz with its pictures as one .zip: the quizdown text (`<title>.md`) and each picture under
 * `pictures/<name>`, the name the text uses (`![alt](picture:<name>)`). Reading one is careful with
 * what it is given, since anyone can make a .zip: the file, its entries and what they unpack to are
 * capped (checked while unpacking, not trusted from the headers), only pictures are taken beside the
 * text, and every name is rewritten as a picture name (no folders, no `..`). Server only.
 */
import JSZip from "jszip";
import { MAX_PICTURE_BYTES, MAX_PICTURES_PER_QUIZ, pictureNameFromFile } from "../../../src/quizdown/pictures";
import {
  MAX_QUIZ_ZIP_BYTES,
  MAX_QUIZ_ZIP_ENTRIES,
  MAX_QUIZ_ZIP_UNPACKED_BYTES,
  ZIP_NO_QUIZ,
  ZIP_SEVERAL_QUIZZES,
  ZIP_TOO_BIG,
  ZIP_TOO_MANY_ENTRIES,
  ZIP_UNPACKS_TOO_BIG,
  ZIP_UNREADABLE,
} from "../../../src/library/quiz-zip";
import { MAX_QUIZ_SOURCE_BYTES, SOURCE_TOO_BIG_MESSAGE } from "../../../src/quizdown/source-rules";
import { ImportRefused, type ConvertNote } from "./types";

export { MAX_QUIZ_ZIP_BYTES, MAX_QUIZ_ZIP_ENTRIES, MAX_QUIZ_ZIP_UNPACKED_BYTES, ZIP_NO_QUIZ, ZIP_SEVERAL_QUIZZES, ZIP_TOO_BIG, ZIP_TOO_MANY_ENTRIES, ZIP_UNPACKS_TOO_BIG, ZIP_UNREADABLE };

export const QUIZ_ZIP_PICTURE_FOLDER = "pictures/";
const PICTURE_EXTENSION = /\.(png|jpe?g|webp|gif)$/i;

export interface QuizZipContents {
  quizdown: string;
  /** The .md's file name, without its folder. */
  fileName: string;
  pictures: { name: string; bytes: Uint8Array }[];
  notes: ConvertNote[];
}

/** Writes the quiz and its pictures as a .zip. */
export async function writeQuizZip(fileName: string, quizdown: string, pictures: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(fileName, quizdown);
  // The stored pictures are WebP already: compressing them again gains nothing.
  for (const picture of pictures) zip.file(`${QUIZ_ZIP_PICTURE_FOLDER}${picture.name}`, picture.bytes, { compression: "STORE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** One entry's bytes, refused as soon as it unpacks to more than `limit` bytes (whatever its header says). */
function unpack(entry: JSZip.JSZipObject, limit: number, tooBig: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // internalStream is JSZip's streaming reader: the entry is inflated chunk by chunk.
    const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        size += chunk.byteLength;
        if (size > limit) {
          stream.pause();
          reject(new ImportRefused(tooBig));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => reject(new ImportRefused(ZIP_UNREADABLE)))
      .on("end", () => {
        const bytes = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        resolve(bytes);
      })
      .resume();
  });
}

interface JSZipStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): JSZipStream;
  on(event: "error", listener: (error: Error) => void): JSZipStream;
  on(event: "end", listener: () => void): JSZipStream;
  resume(): JSZipStream;
  pause(): JSZipStream;
}

/**
 * How many entries the .zip says it has (its end-of-central-directory record), read before JSZip
 * makes an object per entry; null when there is no such record. A ZIP64 count (0xFFFF) is "many".
 */
function declaredEntryCount(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The record is 22 bytes, followed by a comment of at most 65535 bytes.
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  return null;
}

/** Reads a quiz's .zip: its one .md and its pictures (not yet checked to be pictures: the caller does that). */
export async function readQuizZip(bytes: Uint8Array): Promise<QuizZipContents> {
  if (bytes.byteLength > MAX_QUIZ_ZIP_BYTES) throw new ImportRefused(ZIP_TOO_BIG);
  const declared = declaredEntryCount(bytes);
  if (declared === null) throw new ImportRefused(ZIP_UNREADABLE);
  if (declared > MAX_QUIZ_ZIP_ENTRIES) throw new ImportRefused(ZIP_TOO_MANY_ENTRIES);
  let zip: JSZip;
  try {
    // Only the central directory is read here; nothing is unpacked yet.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false });
  } catch {
    throw new ImportRefused(ZIP_UNREADABLE);
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_QUIZ_ZIP_ENTRIES) throw new ImportRefused(ZIP_TOO_MANY_ENTRIES);

  const notes: ConvertNote[] = [];
  const texts: JSZip.JSZipObject[] = [];
  const pictureEntries: { name: string; entry: JSZip.JSZipObject }[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.dir) continue;
    const base = entry.name.replace(/^.*[\\/]/, "");
    // Files a Mac or Windows adds when zipping: not the teacher's.
    if (entry.name.startsWith("__MACOSX/") || base.startsWith("._") || base === ".DS_Store" || base === "Thumbs.db") continue;
    if (/\.(md|markdown|txt)$/i.test(base)) {
      texts.push(entry);
    } else if (PICTURE_EXTENSION.test(base)) {
      const name = pictureNameFromFile(base);
      if (seen.has(name)) {
        notes.push({ message: `“${entry.name}” was left out: another picture in the .zip has the name ${name}.` });
        continue;
      }
      seen.add(name);
      pictureEntries.push({ name, entry });
    } else {
      notes.push({ message: `“${entry.name}” was left out: only the quiz text (.md) and pictures (PNG, JPEG, WebP, GIF) are read from a .zip.` });
    }
  }
  if (texts.length === 0) throw new ImportRefused(ZIP_NO_QUIZ);
  if (texts.length > 1) throw new ImportRefused(ZIP_SEVERAL_QUIZZES);
  if (pictureEntries.length > MAX_PICTURES_PER_QUIZ) throw new ImportRefused(ZIP_TOO_MANY_ENTRIES);

  let unpacked = 0;
  const within = async (entry: JSZip.JSZipObject, limit: number, tooBig = ZIP_UNPACKS_TOO_BIG) => {
    const data = await unpack(entry, Math.min(limit, MAX_QUIZ_ZIP_UNPACKED_BYTES - unpacked), tooBig);
    unpacked += data.byteLength;
    return data;
  };
  const [text] = texts;
  const textBytes = await within(text!, MAX_QUIZ_SOURCE_BYTES, SOURCE_TOO_BIG_MESSAGE);
  let quizdown: string;
  try {
    quizdown = new TextDecoder("utf-8", { fatal: true }).decode(textBytes).replace(/^\uFEFF/, "");
  } catch {
    throw new ImportRefused(`“${text!.name}” isn't UTF-8 text. Save it again as UTF-8 and try again.`);
  }
  const pictures: QuizZipContents["pictures"] = [];
  for (const { name, entry } of pictureEntries) pictures.push({ name, bytes: await within(entry, MAX_PICTURE_BYTES) });
  return { quizdown, fileName: text!.name.replace(/^.*[\\/]/, ""), pictures, notes };
}
