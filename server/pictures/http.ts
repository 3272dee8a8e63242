/**
 * Pictures over HTTP, beside the pages on the one port:
 * - GET /pictures/<sha256>.webp: a stored picture, cached for a year (its address is its content);
 *   GET /pictures/<sha256>-phone.webp: its phone rendition (at most PHONE_PICTURE_SIDE px), made
 *   on first request for pictures stored before phones had their own.
 * - POST /api/pictures?quiz=<id>&name=<file name>: a signed-in teacher adds a picture to their own quiz;
 *   the body is the file itself (at most MAX_PICTURE_BYTES), answered with the stored picture as JSON.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { loadPhonePictureBytes, loadPictureBytes, type Database } from "../db";
import { MAX_PICTURE_BYTES, type PictureRefusal } from "../../src/quizdown/pictures";
import { addPictureToQuiz, PICTURE_TOO_BIG_MESSAGE } from "./add";
import { isSameOrigin, readBody, sendJson } from "../http/upload-request";
import { PictureError } from "./errors";
import type { PictureProcessor } from "./picture-pool";

const PICTURE_PATH = /^\/pictures\/([0-9a-f]{64})(-phone)?\.webp$/;

/**
 * Serves stored pictures, keeping those recently served in memory (they never change): when a
 * question with a picture opens, every phone asks for it at once, and the database (and the
 * decoding of its answer, on this event loop) is asked once, not once per phone. Concurrent first
 * requests share one load. One per server, so a server only serves its own database's pictures.
 */
export function pictureServer(
  db: Database,
  cacheBytes = 32 * 1024 * 1024,
  /** Makes the phone rendition of a picture stored without one. */
  processor?: () => PictureProcessor,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const cached = new Map<string, Buffer>();
  const loading = new Map<string, Promise<Buffer | null>>();
  let cachedBytes = 0;

  /** `hash` is the picture's, with "-phone" for its phone rendition. */
  async function pictureBytes(hash: string): Promise<Buffer | null> {
    const hit = cached.get(hash);
    if (hit) {
      // Most recently used last: the oldest entries go first when the cache is full.
      cached.delete(hash);
      cached.set(hash, hit);
      return hit;
    }
    let pending = loading.get(hash);
    if (!pending) {
      pending = (hash.endsWith("-phone") ? loadPhone(hash.slice(0, -"-phone".length)) : loadPictureBytes(db, hash)).finally(() => loading.delete(hash));
      loading.set(hash, pending);
    }
    const bytes = await pending;
    if (bytes && !cached.has(hash) && bytes.byteLength <= cacheBytes / 4) {
      cached.set(hash, bytes);
      cachedBytes += bytes.byteLength;
      for (const [oldest, old] of cached) {
        if (cachedBytes <= cacheBytes) break;
        cached.delete(oldest);
        cachedBytes -= old.byteLength;
      }
    }
    return bytes;
  }

  function loadPhone(hash: string): Promise<Buffer | null> {
    return loadPhonePictureBytes(db, hash, async (stored) => {
      // Without a processor (never in the app), the phone gets the stored picture itself.
      if (!processor) return null;
      try {
        return await processor().phoneRendition(stored);
      } catch (error) {
        if (error instanceof PictureError) return null;
        throw error;
      }
    });
  }

  return async (req, res) => {
    const match = PICTURE_PATH.exec((req.url ?? "").split("?")[0]!);
    if ((req.method !== "GET" && req.method !== "HEAD") || !match) return notFound(res);
    const hash = match[1]! + (match[2] ?? "");
    if (req.headers["if-none-match"] === `"${hash}"`) {
      res.statusCode = 304;
      res.setHeader("ETag", `"${hash}"`);
      return void res.end();
    }
    const bytes = await pictureBytes(hash);
    if (!bytes) return notFound(res);
    res.statusCode = 200;
    res.setHeader("Content-Type", "image/webp");
    res.setHeader("Content-Length", bytes.byteLength);
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("ETag", `"${hash}"`);
    res.end(req.method === "HEAD" ? undefined : bytes);
  };
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end("Not found");
}

export interface ReceivePictureDeps {
  db: Database;
  processor: PictureProcessor;
  /** The signed-in teacher of the request, or null. */
  teacher: (req: IncomingMessage) => Promise<{ id: string } | null>;
  /** Counts the change against the account's and the address's limits; throws when over them. */
  countChange: (teacherId: string, req: IncomingMessage) => Promise<void>;
}

const STATUS: Record<PictureRefusal, number> = {
  tooBig: 413,
  notAPicture: 415,
  unreadable: 422,
  tooManyPixels: 422,
  tooMany: 409,
  badName: 400,
  busy: 429,
  notFound: 404,
  readOnly: 403,
  signIn: 401,
};

export async function receivePicture(deps: ReceivePictureDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== "POST") throw new PictureError("badName", "Send the picture with POST.");
    // Only this site's pages may send: a form on another site can't set an image content type, and its Origin differs.
    if (!isSameOrigin(req)) throw new PictureError("signIn", "Add pictures from the quiz's page.");
    if (!/^image\//.test(req.headers["content-type"] ?? "")) throw new PictureError("notAPicture", "This file isn't a picture the game can show. Pick a PNG, JPEG, WebP or GIF file.");
    const url = new URL(req.url ?? "/", "http://localhost");
    const quizId = url.searchParams.get("quiz") ?? "";
    const fileName = url.searchParams.get("name") ?? "";
    if (fileName.length === 0 || fileName.length > 255) throw new PictureError("badName", "The picture's file name is missing or too long.");
    const teacher = await deps.teacher(req);
    if (!teacher) throw new PictureError("signIn", "Sign in again to add pictures.");
    await deps.countChange(teacher.id, req).catch((error: unknown) => {
      throw error instanceof TRPCError ? new PictureError("busy", error.message) : error;
    });
    if (Number(req.headers["content-length"] ?? 0) > MAX_PICTURE_BYTES) throw new PictureError("tooBig", PICTURE_TOO_BIG_MESSAGE);
    const bytes = await readBody(req, MAX_PICTURE_BYTES, () => new PictureError("tooBig", PICTURE_TOO_BIG_MESSAGE));
    const picture = await addPictureToQuiz(deps.db, teacher.id, quizId, { fileName, bytes }, deps.processor);
    sendJson(res, 200, { picture });
  } catch (error) {
    if (!(error instanceof PictureError)) throw error;
    // The rest of a refused upload is not read: the connection closes once the answer is sent.
    if (!req.complete) res.setHeader("Connection", "close");
    sendJson(res, STATUS[error.refusal], { error: { refusal: error.refusal, message: error.message } });
  }
}
