/** The notes a quiz's .zip gets when added (quiz-zip.ts); a module of its own so the server loads no zip code. */
import type { ConvertNote } from "./types";

/** A picture in the .zip that was not added (like every conversion note, in English: see README). */
export function pictureLeftOutNote(name: string, why: string | null): ConvertNote {
  return { message: why === null ? `The picture ${name} was left out: it isn't a PNG, JPEG, WebP or GIF file.` : `The picture ${name} was left out: ${why}` };
}
