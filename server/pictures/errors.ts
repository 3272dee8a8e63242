import type { PictureRefusal } from "../../src/quizdown/pictures";

/** A picture refused, in plain English words (logs, tests) and by code (the teacher's screen says it in its language). */
export class PictureError extends Error {
  constructor(
    readonly refusal: PictureRefusal,
    message: string,
  ) {
    super(message);
    this.name = "PictureError";
  }
}
