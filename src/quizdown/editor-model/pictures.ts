/**
 * A question's or an option's picture, as the visual editor offers it: one of the quiz's uploaded
 * pictures with the words that say what it shows. In the text it is an ordinary quizdown picture,
 * `![alt](picture:name)`: on its own line at the top of a question's body, at the start of an
 * option's line. The editor shows the field's text without it and a picture picker beside it.
 */
import { PICTURE_SCHEME } from "../pictures";

export interface EditorPicture {
  /** The uploaded picture's name (`picture:<name>`). */
  name: string;
  /** What it shows, for players who can't see it (required: the checker refuses a picture without it). */
  alt: string;
}

/**
 * Where the editor's own picture sits: a body's first line on its own (then a blank line), or the
 * start of an option's line (then a space). A picture written anywhere else stays in the text as is.
 */
export type PicturePlace = "body" | "option";

const PICTURE = /^!\[((?:\\.|[^\]\\])*)\]\(picture:([^)\s]+)\)/;
const AFTER: Record<PicturePlace, RegExp> = { body: /^(\n\n?|$)/, option: /^( |$)/ };

function leadingPicture(text: string, place: PicturePlace): { picture: EditorPicture; rest: string } | null {
  const match = PICTURE.exec(text);
  if (!match) return null;
  const after = text.slice(match[0].length);
  const separator = AFTER[place].exec(after);
  if (!separator) return null;
  return { picture: { name: match[2]!, alt: match[1]!.replace(/\\(.)/g, "$1") }, rest: after.slice(separator[0].length) };
}

/** The picture a body or an option starts with, or null. */
export function pictureOf(text: string, place: PicturePlace): EditorPicture | null {
  return leadingPicture(text, place)?.picture ?? null;
}

/** The field's markdown without the picture it starts with: what the teacher edits as text. */
export function textWithoutPicture(text: string, place: PicturePlace): string {
  return leadingPicture(text, place)?.rest ?? text;
}

/** The field's markdown with `picture` (or none) first and `text` after it. */
export function withPicture(text: string, picture: EditorPicture | null, place: PicturePlace): string {
  if (!picture) return text;
  const written = writePicture(picture);
  if (text === "") return written;
  return place === "body" ? `${written}\n\n${text}` : `${written} ${text}`;
}

/** The markdown of a picture, alt text kept as typed (only brackets, backslashes and line breaks made safe). */
export function writePicture(picture: EditorPicture): string {
  return `![${picture.alt.replace(/[\\[\]]/g, "\\$&").replace(/\r?\n/g, " ")}](${PICTURE_SCHEME}${picture.name})`;
}
