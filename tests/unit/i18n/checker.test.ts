/**
 * The quiz checker's problems in every language: each code the checker can report has words in
 * every catalog; the English catalog, given a real problem's values, says exactly what the checker
 * says (so a value the words need can't go missing); and a German or French teacher reads a broken
 * quiz's problems in German or French, with the quiz's own text quoted as written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { parseQuizdown, PROBLEM_CODES, type QuizdownProblem } from "@/quizdown";
import { problemText, unplayableText, type CheckerTranslator } from "@/components/shared/problem-text";
import type en from "@/i18n/messages/en.json";
import { BROKEN_QUIZZES } from "./broken-quizzes";

type Messages = typeof en;
const messagesDir = path.resolve(import.meta.dirname, "../../../src/i18n/messages");
const catalog = (locale: Locale): Messages => JSON.parse(readFileSync(path.join(messagesDir, `${locale}.json`), "utf8")) as Messages;
const translator = (locale: Locale): CheckerTranslator => createTranslator({ locale, messages: catalog(locale), namespace: "checker" });

function problemsOf(source: string): QuizdownProblem[] {
  const result = parseQuizdown(source);
  return result.ok ? result.warnings : [...result.errors, ...result.warnings];
}

// No text at all (a caller's mistake) is a problem too.
const problems = [...BROKEN_QUIZZES.flatMap(problemsOf), ...problemsOf(undefined as unknown as string)];
/**
 * Codes no quiz file meets: "unreadable" is the parser's guard against its own crash; "orderWithBox"
 * guards a list the options reader never hands over today (a boxed item starts a boxed list).
 */
const NOT_MET = new Set(["unreadable", "orderWithBox"]);
const md = (...lines: string[]) => lines.join("\n");

describe("the quiz checker's problems in the catalogs", () => {
  for (const locale of LOCALES) {
    it(`${locale} has words for every problem code the checker can report, and none for a code it can't`, () => {
      const checker: Record<string, unknown> = catalog(locale).checker;
      expect(PROBLEM_CODES.filter((code) => typeof checker[code] !== "string")).toEqual([]);
      expect(Object.keys(checker).filter((key) => key !== "label" && !(PROBLEM_CODES as readonly string[]).includes(key))).toEqual([]);
    });
  }

  it("the broken quizzes meet every problem code", () => {
    const met = new Set(problems.map((problem) => problem.code));
    expect(PROBLEM_CODES.filter((code) => !met.has(code) && !NOT_MET.has(code))).toEqual([]);
  });

  it("the English catalog, given each problem's values, says word for word what the checker says", () => {
    const t = translator("en");
    // "en-GB" is not "en": problemText then words the problem from the catalog instead of passing its message on.
    const differing = problems
      .map((problem) => ({ code: problem.code, checker: problem.message, catalog: problemText(problem, "en-GB", t) }))
      .filter((row) => row.checker !== row.catalog);
    expect(differing).toEqual([]);
  });

  it("every language words every real problem without leaving a placeholder or a code behind", () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const problem of problems) {
        const text = problemText(problem, locale, t);
        expect(text, `${locale} ${problem.code}`).not.toMatch(/\{[A-Za-z]+\}|checker\./);
        if (locale !== "en") expect(text, `${locale} ${problem.code}`).not.toBe(problem.message);
      }
    }
  });
});

describe("a teacher reading a broken quiz's problems", () => {
  const quiz = md("---", "shuffleQuestions: maybe", "---", "## Welches Tier hat „Streifen“ und *Mähne*?", "", "- [ ] Zebra", "- [ ] Löwe", "", "## Second", "- [x] a", "- [x] A");

  it("reads German words, with the prompt and the setting quoted as written", () => {
    const t = translator("de");
    const texts = problemsOf(quiz).map((problem) => problemText(problem, "de", t));
    expect(texts).toContain('Die Einstellung „shuffleQuestions“ (Zeile 2) muss true oder false sein, nicht "maybe".');
    expect(texts).toContain("Frage „Welches Tier hat „Streifen“ und *Mähne*?“ (Zeile 4) hat keine richtige Antwortoption: Markieren Sie eine mit [x].");
    expect(texts).toContain("Frage „Second“ (Zeile 9) hat die Antwortoption „A“ doppelt (Zeilen 10 und 11).");
  });

  it("reads French words, the question named mid-sentence and at the start of one", () => {
    const t = translator("fr");
    const texts = problemsOf(md("## Quelle est la capitale du Pérou ?", "- [x] Lima", "- Cusco")).map((problem) => problemText(problem, "fr", t));
    expect(texts).toEqual([
      'La ligne 3 est une option de la question « Quelle est la capitale du Pérou ? » (ligne 1) sans case. Écrivez "- [ ] texte" pour une mauvaise réponse ou "- [x] texte" pour une bonne.',
    ]);
    const [few] = problemsOf(md("## Quelle est la capitale du Pérou ?", "- [x] Lima")).map((problem) => problemText(problem, "fr", t));
    expect(few).toBe("La question « Quelle est la capitale du Pérou ? » (ligne 1) n’a qu’une option ; une question en demande au moins 2.");
  });

  it("keeps the English words on an English screen, and for a problem without a known code", () => {
    const [problem] = problemsOf(quiz);
    expect(problemText(problem!, "en", translator("en"))).toBe(problem!.message);
    expect(problemText({ message: "can't read the file: EACCES" }, "de", translator("de"))).toBe("can't read the file: EACCES");
    expect(problemText({ message: "New words", code: "some-future-code" }, "de", translator("de"))).toBe("New words");
  });

  it("reads why a quiz can't be played in Spanish, the quiz's own kind quoted as written", () => {
    const result = parseQuizdown(md("## Crucigrama", "---", "kind: crossword", "---"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const t = translator("es");
    expect(unplayableText(result.quiz.unplayableReason!, "es", t)).toBe(
      "La pregunta 1 (línea 1) es de tipo «crossword», que este juego no puede jugar; las partidas la omiten.",
    );
    expect(unplayableText("This quiz can't be played yet.", "es", t)).toBe("Este cuestionario aún no se puede jugar.");
    expect(unplayableText("Something else.", "es", t)).toBe("Something else.");
  });
});
