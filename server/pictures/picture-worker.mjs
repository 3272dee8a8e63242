/**
 * A picture-processing worker thread (see picture-pool.ts): sharp reads the file, turns it the
 * right way up, resizes it to fit MAX_PICTURE_SIDE and writes it as WebP with no metadata (no
 * camera, place or time: sharp keeps none unless asked), and a smaller copy of that for phones
 * (PHONE_PICTURE_SIDE). A GIF or WebP keeps its animation.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

// One picture at a time on this one thread: libvips' own threads stay few.
sharp.concurrency(1);
sharp.cache(false);

/** Larger than this many pixels (per frame) is refused before it is decoded: a "pixel bomb". */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * The stored picture and the phone's rendition, both WebP with no metadata. With `phoneOnly`, the
 * bytes are an already stored picture and only the phone's rendition is made (pictures stored before
 * phones had their own).
 * @param {{ bytes: Uint8Array; maxSide: number; phoneSide: number; animated: boolean; phoneOnly?: boolean }} task
 */
export default async function processPicture({ bytes, maxSide, phoneSide, animated, phoneOnly = false }) {
  try {
    let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let info = null;
    if (!phoneOnly) {
      ({ data, info } = await sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
        .autoOrient()
        .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 82, effort: 4 })
        .toBuffer({ resolveWithObject: true }));
    }
    // The phone's rendition is made from the stored picture (already turned upright and stripped).
    const phone = await sharp(data, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .resize({ width: phoneSide, height: phoneSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80, effort: 4 })
      .toBuffer();
    if (phoneOnly) return { ok: true, phoneBytes: new Uint8Array(phone) };
    const hash = createHash("sha256").update(data).digest("hex");
    return { ok: true, bytes: new Uint8Array(data), phoneBytes: new Uint8Array(phone), hash, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, refusal: /pixel limit/i.test(message) ? "tooManyPixels" : "unreadable", detail: message };
  }
}
