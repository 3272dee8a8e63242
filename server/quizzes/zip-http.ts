/**
 * POST /api/quiz-zip?name=<file name>: a signed-in teacher adds a quiz from a quiz's .zip (the
 * quizdown export of a quiz with pictures: quiz-zip.ts). The body is the .zip itself (at most
 * MAX_QUIZ_ZIP_BYTES), answered with the new quiz and what was left out as JSON, or
 * `{ error: { message } }` in plain English words (the teacher's screen says them in its language).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import type { Database } from "../db";
import type { PictureProcessor } from "../pictures/picture-pool";
import { MAX_QUIZ_ZIP_BYTES, QUIZ_ZIP_NOT_A_ZIP, QUIZ_ZIP_SIGN_IN, QUIZ_ZIP_WRONG_PAGE, ZIP_TOO_BIG } from "../../src/library/quiz-zip";
import { isSameOrigin, readBody, sendJson } from "../http/upload-request";
import { LibraryError } from "./errors";
import type { QuizReader } from "./reader-pool";
import { importQuizZip } from "./transfer";

export interface ReceiveQuizZipDeps {
  db: Database;
  processor: PictureProcessor;
  reader?: QuizReader;
  /** The signed-in teacher of the request, or null. */
  teacher: (req: IncomingMessage) => Promise<{ id: string } | null>;
  /** Counts the change against the account's and the address's limits; throws when over them. */
  countChange: (teacherId: string, req: IncomingMessage) => Promise<void>;
  /** Throws when the teacher's library is full. */
  roomForQuiz: (teacherId: string) => Promise<void>;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}


const LIBRARY_STATUS: Record<LibraryError["kind"], number> = {
  "not-found": 404,
  "read-only": 403,
  "bad-source": 422,
  "too-slow": 422,
  busy: 429,
  "too-many-tags": 400,
};

export async function receiveQuizZip(deps: ReceiveQuizZipDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== "POST") throw new Refused(405, QUIZ_ZIP_NOT_A_ZIP);
    // Only this site's pages may send: a form on another site can't set this content type, and its Origin differs.
    if (!isSameOrigin(req)) throw new Refused(403, QUIZ_ZIP_WRONG_PAGE);
    if (!/^application\/(zip|x-zip-compressed)$/.test(req.headers["content-type"] ?? "")) throw new Refused(415, QUIZ_ZIP_NOT_A_ZIP);
    const teacher = await deps.teacher(req);
    if (!teacher) throw new Refused(401, QUIZ_ZIP_SIGN_IN);
    await asRefusal(() => deps.countChange(teacher.id, req));
    await asRefusal(() => deps.roomForQuiz(teacher.id));
    if (Number(req.headers["content-length"] ?? 0) > MAX_QUIZ_ZIP_BYTES) throw new Refused(413, ZIP_TOO_BIG);
    const bytes = await readBody(req, MAX_QUIZ_ZIP_BYTES, () => new Refused(413, ZIP_TOO_BIG));
    const saved = await importQuizZip(deps.db, teacher.id, bytes, deps.processor, deps.reader);
    sendJson(res, 200, saved);
  } catch (error) {
    let refused: Refused;
    if (error instanceof Refused) refused = error;
    else if (error instanceof LibraryError) refused = new Refused(LIBRARY_STATUS[error.kind], error.message);
    else throw error;
    // The rest of a refused upload is not read: the connection closes once the answer is sent.
    if (!req.complete) res.setHeader("Connection", "close");
    sendJson(res, refused.status, { error: { message: refused.message } });
  }
}

async function asRefusal(check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (error instanceof TRPCError) throw new Refused(error.code === "FORBIDDEN" ? 403 : 429, error.message);
    throw error;
  }
}
