import type { QuizQuestion, QuizSettings } from "@/quizdown";

/** A question as the preview needs it: parsed in the browser, or stored and sent by the server. */
export type PreviewableQuestion = Pick<
  QuizQuestion,
  "position" | "kind" | "promptHtml" | "bodyHtml" | "hintHtml" | "options" | "timeLimitSec" | "readTimeSec" | "shuffleAnswers" | "line"
> &
  Partial<Pick<QuizQuestion, "points" | "scoring" | "typed" | "slider" | "unplayableReason">>;

export type PreviewSettings = Pick<QuizSettings, "timeLimitSec" | "readTimeSec" | "shuffleAnswers" | "shuffleQuestions" | "nQuestions">;
