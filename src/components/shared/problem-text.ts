/**
 * The quiz checker's problems in the teacher's language. The checker (src/quizdown) gives each
 * problem a code and its values, and keeps its English words for the command line and the logs; a
 * screen in another language says it from the `checker` catalog by code. The quiz's own text inside
 * a problem (a prompt, a setting's name, an option) is a value, so it is shown as written. A problem
 * without a known code (from an older server, or an unexpected failure) keeps its English words;
 * so does every problem on an English screen.
 */
import { useLocale, useTranslations } from "next-intl";
import { PROBLEM_CODES, type ProblemCode, type ProblemParams } from "@/quizdown/problems";

export type CheckerTranslator = ReturnType<typeof useTranslations<"checker">>;

/** A problem as the screens receive it (from the checker in the browser, or from the server as JSON). */
export interface ShownProblem {
  message: string;
  code?: string | undefined;
  params?: ProblemParams | undefined;
}

const CODES = new Set<string>(PROBLEM_CODES);
const isProblemCode = (code: string | undefined): code is ProblemCode => code !== undefined && CODES.has(code);

export function problemText(problem: ShownProblem, locale: string, t: CheckerTranslator): string {
  if (locale === "en" || !isProblemCode(problem.code)) return problem.message;
  const params: Record<string, string | number> = { ...problem.params };
  // How the problem names its question: mid-sentence ({question}) and starting a sentence ({Question}).
  if (typeof params.number === "number" && typeof params.questionLine === "number") {
    const prompt = typeof params.prompt === "string" ? params.prompt : "";
    const values = { prompt, number: params.number, questionLine: params.questionLine };
    params.question = prompt === "" ? t("label.numbered", values) : t("label.named", values);
    params.Question = prompt === "" ? t("label.numberedStart", values) : t("label.namedStart", values);
  }
  return t(problem.code, params);
}

const UNPLAYABLE_QUESTION = /^Question (\d+) \(line (\d+)\) is a “(.*)” question, which this game can't play; games leave it out\.$/;
const UNPLAYABLE_QUIZ: Record<string, "label.noneUnplayable" | "label.notPlayableYet"> = {
  "None of its questions is of a kind this game can play.": "label.noneUnplayable",
  "This quiz can't be played yet.": "label.notPlayableYet",
};

/**
 * Why a quiz or question can't be played, in the teacher's language. The reason is stored with the
 * quiz in English words, so it is recognised by its words; one it doesn't know stays as stored.
 */
export function unplayableText(reason: string, locale: string, t: CheckerTranslator): string {
  if (locale === "en") return reason;
  const question = UNPLAYABLE_QUESTION.exec(reason);
  if (question) return t("unknownKind", { number: Number(question[1]), questionLine: Number(question[2]), kind: question[3]! });
  const key = UNPLAYABLE_QUIZ[reason];
  return key ? t(key) : reason;
}

/** problemText in this page's language. */
export function useProblemText(): (problem: ShownProblem) => string {
  const t = useTranslations("checker");
  const locale = useLocale();
  return (problem) => problemText(problem, locale, t);
}

/** unplayableText in this page's language. */
export function useUnplayableText(): (reason: string) => string {
  const t = useTranslations("checker");
  const locale = useLocale();
  return (reason) => unplayableText(reason, locale, t);
}
