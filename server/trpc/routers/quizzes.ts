import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z } from "zod";
import { isQuizSourceTooBig, MAX_QUIZ_TITLE_LENGTH, SOURCE_TOO_BIG_MESSAGE } from "../../../src/quizdown/source-rules";
import { listLibraryQuizzes, searchLibraryQuizzes } from "../../db";
import {
  checkQuizSource,
  copyQuiz,
  createQuiz,
  deleteOwnQuiz,
  EXPORT_FORMATS,
  exportQuiz,
  importForEditing,
  getQuizPreview,
  LibraryError,
  QUIZ_NOT_FOUND_MESSAGE,
  renameOwnQuiz,
  replaceQuiz,
  tagQuiz,
  untagQuiz,
  type LibraryErrorKind,
} from "../../quizzes";
import { MAX_TAG_LENGTH, TAG_MISSING_MESSAGE, TAG_TOO_LONG_MESSAGE, tagKey, tagRefusal } from "../../../src/library/tags";
import { MAX_IMPORT_BYTES } from "../../quizzes/convert/types";
import { removePictureFromQuiz } from "../../pictures/add";
import { PictureError } from "../../pictures/errors";
import { router, teacherProcedure } from "../init";
import { plainText } from "../plain-text";

// A malformed id is answered like an unknown one (NOT_FOUND), so only its type is checked here.
const quizIdInput = z.object({ quizId: z.string({ error: QUIZ_NOT_FOUND_MESSAGE }) });

const quizSource = plainText("The quiz text", { multiline: true, required: "The quiz text is missing." })
  .refine((source) => !isQuizSourceTooBig(source), { error: SOURCE_TOO_BIG_MESSAGE });

const quizTitle = plainText("The quiz title", { required: "The quiz needs a title." })
  .trim()
  .min(1, { error: "The quiz needs a title." })
  .max(MAX_QUIZ_TITLE_LENGTH, { error: `A quiz title can be at most ${MAX_QUIZ_TITLE_LENGTH} characters.` });

/** A tag as typed: refused in plain words when empty or too long (see src/library/tags.ts). */
const tag = plainText("The tag", { required: TAG_MISSING_MESSAGE })
  .max(MAX_TAG_LENGTH * 4, { error: TAG_TOO_LONG_MESSAGE })
  .superRefine((typed, ctx) => {
    const refused = tagRefusal(typed);
    if (refused) ctx.addIssue({ code: "custom", message: refused });
  });

const librarySearch = z
  .object({
    text: plainText("The search", { required: "Type something to search for." }).trim().max(200, { error: "A search can be at most 200 characters." }).optional(),
    tag: tag.optional(),
  })
  .refine((search) => (search.text ?? "") !== "" || search.tag !== undefined, { error: "Type something to search for." });

const fileName = plainText("The file name", { required: "The file name isn't valid." }).max(255, { error: "The file name is too long." }).optional();

/** An uploaded .xlsx/.csv/.xml file, in base64 (the spreadsheet is binary). */
const importFile = z.object({
  fileName: plainText("The file name", { required: "The file name isn't valid." }).max(255, { error: "The file name is too long." }),
  base64: z
    .string({ error: "The file is missing." })
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { error: "This file is too big to import: it can be at most 512 KB. Split it into several quizzes." })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "The file didn't arrive whole. Try again." }),
});

const ERROR_CODES: Record<LibraryErrorKind, TRPC_ERROR_CODE_KEY> = {
  "not-found": "NOT_FOUND",
  "read-only": "FORBIDDEN",
  "bad-source": "BAD_REQUEST",
  "too-slow": "UNPROCESSABLE_CONTENT",
  busy: "TOO_MANY_REQUESTS",
  "too-many-tags": "BAD_REQUEST",
};

async function refusingPlainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LibraryError) throw new TRPCError({ code: ERROR_CODES[error.kind], message: error.message });
    throw error;
  }
}

export const quizzesRouter = router({
  /** The quizzes this teacher can host: the shared ones from content/ and their own. */
  list: teacherProcedure.query(async ({ ctx }) => ({
    quizzes: await listLibraryQuizzes(ctx.db, ctx.teacher.id),
    problems: ctx.contentProblems(),
  })),
  /** The ids of the library's quizzes whose title or text contains the words typed (case ignored) and that carry the tag. */
  search: teacherProcedure
    .input(librarySearch)
    .query(async ({ ctx, input }) => ({
      quizIds: await searchLibraryQuizzes(ctx.db, ctx.teacher.id, { text: input.text, tagKey: input.tag === undefined ? undefined : tagKey(input.tag) }),
    })),
  /** Puts one of the teacher's tags on a quiz they can see (a shared one too: tags are each teacher's own filing). */
  addTag: teacherProcedure
    .input(quizIdInput.extend({ tag }))
    .mutation(({ ctx, input }) => refusingPlainly(() => tagQuiz(ctx.db, ctx.teacher.id, input.quizId, input.tag))),
  removeTag: teacherProcedure
    .input(quizIdInput.extend({ tag }))
    .mutation(({ ctx, input }) => refusingPlainly(() => untagQuiz(ctx.db, ctx.teacher.id, input.quizId, input.tag))),
  /**
   * Reads a quiz file without saving it. A mutation only so the file travels in a POST body:
   * as a query it would go in the URL, and a quiz file is longer than a URL may be.
   */
  check: teacherProcedure
    .input(z.object({ source: quizSource, fileName }))
    .mutation(({ ctx, input }) => refusingPlainly(async () => (await checkQuizSource(input.source, input.fileName, ctx.quizReader)).check)),
  create: teacherProcedure
    .input(z.object({ source: quizSource, fileName }))
    .mutation(async ({ ctx, input }) => {
      await ctx.limits.assertRoomForQuiz(ctx.db, ctx.teacher.id);
      return refusingPlainly(() => createQuiz(ctx.db, ctx.teacher.id, input, ctx.quizReader));
    }),
  get: teacherProcedure.input(quizIdInput).query(({ ctx, input }) => refusingPlainly(() => getQuizPreview(ctx.db, ctx.teacher.id, input.quizId))),
  rename: teacherProcedure
    .input(quizIdInput.extend({ title: quizTitle }))
    .mutation(({ ctx, input }) => refusingPlainly(() => renameOwnQuiz(ctx.db, ctx.teacher.id, input.quizId, input.title))),
  replace: teacherProcedure
    .input(quizIdInput.extend({ source: quizSource }))
    .mutation(({ ctx, input }) => refusingPlainly(() => replaceQuiz(ctx.db, ctx.teacher.id, input.quizId, input.source, ctx.quizReader))),
  delete: teacherProcedure
    .input(quizIdInput)
    .mutation(({ ctx, input }) => refusingPlainly(() => deleteOwnQuiz(ctx.db, ctx.teacher.id, input.quizId))),
  /**
   * Converts a Kahoot! spreadsheet, CSV or Moodle XML file to quizdown, with notes on what could not
   * be carried over. Nothing is saved: the teacher checks the text in the editor and saves it as usual.
   */
  importFile: teacherProcedure
    .input(importFile)
    .mutation(({ input }) => refusingPlainly(() => importForEditing(input.fileName, Buffer.from(input.base64, "base64")))),
  /** A quiz the teacher can see as a file: quizdown (.md), Kahoot!'s template (.xlsx) or Moodle XML (.xml). */
  exportFile: teacherProcedure
    .input(quizIdInput.extend({ format: z.enum(EXPORT_FORMATS, { error: "Pick quizdown, kahoot or moodle." }) }))
    .query(({ ctx, input }) => refusingPlainly(() => exportQuiz(ctx.db, ctx.teacher.id, input.quizId, input.format, ctx.quizReader))),
  /** Takes a picture out of the teacher's quiz (pictures are added over POST /api/pictures: server/pictures/http.ts). */
  removePicture: teacherProcedure
    .input(quizIdInput.extend({ name: plainText("The picture's name", { required: "Which picture?" }).max(255, { error: "Which picture?" }) }))
    .mutation(async ({ ctx, input }) => {
      try {
        return await removePictureFromQuiz(ctx.db, ctx.teacher.id, input.quizId, input.name);
      } catch (error) {
        if (error instanceof PictureError) throw new TRPCError({ code: error.refusal === "readOnly" ? "FORBIDDEN" : "NOT_FOUND", message: error.message });
        throw error;
      }
    }),
  /** An editable copy of a shared quiz (or of one's own), in the teacher's library. */
  copy: teacherProcedure
    .input(quizIdInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.limits.assertRoomForQuiz(ctx.db, ctx.teacher.id);
      return refusingPlainly(() => copyQuiz(ctx.db, ctx.teacher.id, input.quizId, ctx.quizReader));
    }),
});
