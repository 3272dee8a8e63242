/**
 * Pictures in quiz text. A quiz's pictures are uploaded to the quiz (server/pictures) and written in
 * its text by name, as an ordinary markdown image whose address is `picture:<name>`:
 *
 *     ![A grey cat asleep on a sofa](picture:cat.jpg)
 *
 * When the quiz is read, each reference becomes an <img> of the stored picture, addressed by its
 * content's sha256 (`/pictures/<sha256>.webp`): a picture never changes once stored, so games
 * already played keep showing the pictures they showed. Pure: runs in Node and in the browser.
 */
import type { Tokens } from "marked";

/** One uploaded picture of a quiz, as the parser needs it. */
export interface QuizPicture {
  /** The name the quiz text uses (`picture:<name>`). */
  name: string;
  /** sha256 (hex) of the stored WebP bytes. */
  hash: string;
  width: number;
  height: number;
}

/** The quiz's pictures by name. */
export type QuizPictures = Record<string, QuizPicture>;

export const PICTURE_SCHEME = "picture:";

/** Where a stored picture is served (immutable: its address is its content's hash). */
export function pictureUrl(hash: string): string {
  return `/pictures/${hash}.webp`;
}

/** Where a stored picture's phone rendition is served (at most PHONE_PICTURE_SIDE px). */
export function phonePictureUrl(hash: string): string {
  return `/pictures/${hash}-phone.webp`;
}

/** The only addresses of our own server an <img> in quiz text may have. */
export const PICTURE_URL = /^\/pictures\/[0-9a-f]{64}(-phone)?\.webp$/;

/** The hashes of the stored pictures some HTML shows, in order of first appearance. */
export function picturesInHtml(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/src="\/pictures\/([0-9a-f]{64})\.webp"/g)) found.add(match[1]!);
  return [...found];
}

/** A picture reference in quiz text, as written. */
export interface PictureReference {
  name: string;
  alt: string;
}

/** What the text being rendered now may show, and the references seen (marked renders synchronously). */
let current: { pictures: QuizPictures; seen: PictureReference[] } | null = null;

/** Runs `render` with `pictures` as the quiz's pictures, returning what it rendered and the references it met. */
export function withPictures<T>(pictures: QuizPictures, render: () => T): { result: T; seen: PictureReference[] } {
  const outer = current;
  const seen: PictureReference[] = [];
  current = { pictures, seen };
  try {
    return { result: render(), seen };
  } finally {
    current = outer;
  }
}

/**
 * marked's image renderer for `picture:` addresses (others fall through to marked's own): the stored
 * picture, loaded lazily with its size reserved; a name not uploaded shows its alt text instead.
 */
export function pictureImage(token: Tokens.Image, altText: string): string | false {
  if (!token.href.toLowerCase().startsWith(PICTURE_SCHEME)) return false;
  const name = pictureName(token.href);
  const alt = altText.trim();
  current?.seen.push({ name, alt });
  const picture = current?.pictures[name];
  if (!picture) return escapeHtml(alt);
  return `<img src="${pictureUrl(picture.hash)}"${pictureSrcset(picture)} alt="${escapeHtml(alt)}" width="${picture.width}" height="${picture.height}" loading="lazy" decoding="async">`;
}

/**
 * Both renditions for the browser to choose from, when the phone's is smaller than the stored one:
 * a narrow window takes the phone's. (Phones themselves are given the phone's only: `forPhone`.)
 */
function pictureSrcset(picture: QuizPicture): string {
  const longest = Math.max(picture.width, picture.height);
  if (longest <= PHONE_PICTURE_SIDE) return "";
  const phoneWidth = Math.max(1, Math.round((picture.width * PHONE_PICTURE_SIDE) / longest));
  return ` srcset="${phonePictureUrl(picture.hash)} ${phoneWidth}w, ${pictureUrl(picture.hash)} ${picture.width}w" sizes="${PICTURE_SIZES}"`;
}

/** A narrow window (a phone's) takes the phone's rendition when its pixels allow; a wide one (the big screen) the stored picture. */
export const PICTURE_SIZES = "(max-width: 640px) 100vw, 1280px";

/** The candidates a picture's srcset may name: only the stored picture's own renditions. */
export const PICTURE_SRCSET = /^\/pictures\/([0-9a-f]{64})-phone\.webp \d{1,4}w, \/pictures\/\1\.webp \d{1,4}w$/;

/**
 * Quiz HTML as a phone shows it: each stored picture is its phone rendition, only (a phone's screen
 * is small even when its pixels are many, and its network is often slow). Works on HTML stored
 * before pictures had a srcset too.
 */
export function forPhone(html: string): string {
  if (!html.includes('src="/pictures/')) return html;
  return html.replace(/<img\b[^>]*>/g, (tag) =>
    tag.includes('src="/pictures/')
      ? tag.replace(/ (?:srcset|sizes)="[^"]*"/g, "").replace(/src="\/pictures\/([0-9a-f]{64})\.webp"/, 'src="/pictures/$1-phone.webp"')
      : tag,
  );
}

function pictureName(href: string): string {
  const name = href.slice(PICTURE_SCHEME.length).trim();
  try {
    return decodeURI(name);
  } catch {
    return name;
  }
}

/**
 * A file's name as a picture name: lower case letters, digits, dots, dashes and underscores
 * (`Photo 1.JPG` → `photo-1.jpg`), so it reads well in a markdown address and needs no escaping.
 */
export function pictureNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const name = base.replace(/[^a-z0-9._-]+/g, "-").replace(/-+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 80);
  return name || "picture";
}

/** The markdown that shows a picture: `![alt](picture:name)`. */
export function pictureMarkdown(name: string, alt: string): string {
  return `![${alt.replace(/[\\[\]]/g, "\\$&").replace(/\s+/g, " ").trim()}](${PICTURE_SCHEME}${name})`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The largest picture file a teacher may add (before it is resized). */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** The longest side of a stored picture, in pixels: sharp on a projector, light on a phone. */
export const MAX_PICTURE_SIDE = 1280;

/** The longest side of the phone's rendition, in pixels: a phone's screen is narrow, its network often slow. */
export const PHONE_PICTURE_SIDE = 640;

/** Pictures one quiz may have. */
export const MAX_PICTURES_PER_QUIZ = 100;

/** The kinds of picture file accepted (a GIF keeps its animation). */
export const PICTURE_FILE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

/** Why a picture was refused: the teacher's screen says each in its own language (`pictures.errors`). */
export const PICTURE_REFUSALS = ["tooBig", "notAPicture", "unreadable", "tooManyPixels", "tooMany", "badName", "busy", "notFound", "readOnly", "signIn"] as const;
export type PictureRefusal = (typeof PICTURE_REFUSALS)[number];
