/**
 * A picture-processing worker thread (see picture-pool.ts): sharp reads the file, turns it the
 * right way up, resizes it to fit MAX_PICTURE_SIDE and writes it as WebP with no metadata (no
 * camera, place or time: sharp keeps none unless asked). A GIF or WebP keeps its animation.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

// One picture at a time on this one thread: libvips' own threads stay few.
sharp.concurrency(1);
sharp.cache(false);

/** Larger than this many pixels (per frame) is refused before it is decoded: a "pixel bomb". */
const MAX_INPUT_PIXELS = 40_000_000;

/** @param {{ bytes: Uint8Array; maxSide: number; animated: boolean }} task */
export default async function processPicture({ bytes, maxSide, animated }) {
  let image;
  try {
    image = sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const { data, info } = await image
      .autoOrient()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    const hash = createHash("sha256").update(data).digest("hex");
    return { ok: true, bytes: new Uint8Array(data), hash, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, refusal: /pixel limit/i.test(message) ? "tooManyPixels" : "unreadable", detail: message };
  }
}
