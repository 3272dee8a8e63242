/**
 * The teacher's pages say the server's refusals (tRPC) in the teacher's language by looking their
 * English words up (src/components/shared/teacher-refusal-text.ts). Every refusal sentence in the
 * server's teacher-facing code must be in that table (or be one the pages' own controls never
 * provoke, listed below with why), and the English catalog must say it word for word: a new or
 * reworded sentence fails here instead of showing English on a German page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/locales";
import type en from "@/i18n/messages/en.json";
import { MAX_TAG_LENGTH, MAX_TAGS_PER_QUIZ } from "@/library/tags";
import { MAX_QUIZ_TITLE_LENGTH } from "@/quizdown/source-rules";
import { TEACHER_REFUSALS_BY_MESSAGE, teacherRefusalText } from "@/components/shared/teacher-refusal-text";

const root = path.resolve(import.meta.dirname, "../../..");
const catalog = (locale: Locale): typeof en => JSON.parse(readFileSync(path.join(root, "src/i18n/messages", `${locale}.json`), "utf8")) as typeof en;
const translator = (locale: Locale) => createTranslator({ locale, messages: catalog(locale), namespace: "teacherRefusals" });

const tsFiles = (dir: string) => readdirSync(path.join(root, dir)).filter((file) => file.endsWith(".ts")).map((file) => path.join(dir, file));
/** Where the refusals a teacher's page can receive are worded. */
const SERVER_FILES = [
  ...tsFiles("server/trpc"),
  ...tsFiles("server/trpc/routers"),
  ...tsFiles("server/quizzes"),
  "server/limits/account-limits.ts",
  "server/games/create-live-game.ts",
  "server/games/play-again.ts",
  "src/library/tags.ts",
  "src/quizdown/source-rules.ts",
];

/** Refusals of requests the pages' own controls never send (a number field out of range, a toggle that isn't on or off…). */
const NOT_SHOWN = new Set([
  // Removing a picture names one from the quiz's own list.
  "Which picture?",
  // The host options' team controls offer only sizes 2–6, talk 0–60 s, and the two ways of forming teams.
  "A team has 2 to 6 players.",
  "The team talk is a whole number of seconds from 0 to 60.",
  "Teams are made by the server or picked by the players.",
  // The homework form's number fields, radio buttons and date pickers send only these ranges and choices.
  "The time per question is a whole number of seconds from 5 to 600.",
  "Attempts allowed is a whole number from 1 to 10.",
  "Show answers after each question or after the deadline.",
  "The page is a whole number of at least 1.",
  "The page size is a whole number from 1 to 100.",
  "The read time is a whole number of seconds from 0 to 30.",
  "The time per question is a whole number of seconds from 5 to 240.",
  "The number of questions is a whole number of at least 1.",
  "Shuffle questions is on or off.",
  "Shuffle answers is on or off.",
  "Late join is on or off.",
  "Points for speed is on or off.",
  "The question on phones is shown or hidden.",
  "Generated nicknames are required or not.",
  "Play again with all the questions or the hard ones.",
  "That invite link isn't valid.",
  "There is no teacher with that id.",
  "Pick one of the languages the pages are in.",
]);

/** A worded template's `${…}` parts, as the server fills them in (an unknown one fails the test). */
const FILLED: Record<string, string> = {
  MAX_QUIZ_TITLE_LENGTH: String(MAX_QUIZ_TITLE_LENGTH),
  MAX_TAG_LENGTH: String(MAX_TAG_LENGTH),
  MAX_TAGS_PER_QUIZ: String(MAX_TAGS_PER_QUIZ),
  HOMEWORK_IDENTIFIER_MAX_LENGTH: "40",
  "waitWords(res)": "12 seconds",
  live: "2",
  'live === 1 ? "" : "s"': "s",
  max: "3",
  "quiz.title": "Volcanoes",
  "unplayable.unplayableReason": "None of its questions is of a kind this game can play.",
};

/** Every refusal sentence written in the server's files: quoted after message/error/required, or a *_MESSAGE constant. */
function serverSentences(): { sentences: Set<string>; templates: string[] } {
  const sentences = new Set<string>();
  const templates: string[] = [];
  for (const file of SERVER_FILES) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/(?:message|error|required):\s*"([^"]+)"/g)) sentences.add(match[1]!);
    for (const match of source.matchAll(/(?:[A-Z_]+_MESSAGE|STILL_PLAYING|NO_SUCH_[A-Z_]+)\s*=\s*"([^"]+)"/g)) sentences.add(match[1]!);
    for (const match of source.matchAll(/(?:[A-Z_]+_MESSAGE\s*=|message:|error:)\s*`([^`]+)`/g)) templates.push(match[1]!);
    for (const match of source.matchAll(/new LibraryError\("[a-z-]+",\s*"([^"]+)"\)/g)) sentences.add(match[1]!);
    for (const match of source.matchAll(/new GameSetupError\("([^"]+)"/g)) sentences.add(match[1]!);
    for (const match of source.matchAll(/new GameSetupError\(`([^`]+)`/g)) templates.push(match[1]!);
  }
  return { sentences, templates };
}

describe("the server's refusals on the teacher's pages", () => {
  const { sentences, templates } = serverSentences();
  const es = translator("es");

  it("finds the server's sentences (the scan itself works)", () => {
    expect(sentences).toContain("That quiz doesn't exist (any more).");
    expect(sentences).toContain("Type a tag.");
    expect(templates.some((template) => template.startsWith("Your library already has"))).toBe(true);
    expect(sentences.size).toBeGreaterThan(25);
  });

  it("has every sentence a page can show in the lookup table", () => {
    const missing = [...sentences].filter((sentence) => !NOT_SHOWN.has(sentence) && !(sentence in TEACHER_REFUSALS_BY_MESSAGE));
    expect(missing).toEqual([]);
  });

  it("says every worded template in Spanish once the server has filled it in", () => {
    const untranslated = templates
      .filter((template) => !template.includes("${what}") && !template.startsWith("A school sign-up code"))
      .map((template) =>
        template.replace(/\$\{([^}]+)\}/g, (_whole, expression: string) => {
          const filled = FILLED[expression];
          if (filled === undefined) throw new Error(`no sample value for \${${expression}} in "${template}": add one to FILLED`);
          return filled;
        }),
      )
      .filter((sentence) => teacherRefusalText(sentence, "es", es) === sentence);
    expect(untranslated).toEqual([]);
  });

  it("says each table sentence in English exactly as the server does", () => {
    const english = translator("en");
    for (const sentence of Object.keys(TEACHER_REFUSALS_BY_MESSAGE)) expect(teacherRefusalText(sentence, "de", english)).toBe(sentence);
  });

  it("keeps the numbers of a refusal worded around them", () => {
    expect(teacherRefusalText("Your library already has 200 quizzes, the most one teacher may keep. Delete one you no longer use first.", "es", es)).toBe(
      "Tu biblioteca ya tiene 200 cuestionarios, el máximo que puede guardar un docente. Borra primero uno que ya no uses.",
    );
    expect(teacherRefusalText("Too many changes from your account in the last minute. Wait a second and try again.", "de", translator("de"))).toContain("eine Sekunde");
    expect(teacherRefusalText(`A quiz can have at most ${MAX_TAGS_PER_QUIZ} tags. Remove one first.`, "fr", translator("fr"))).toBe(
      `Un quiz peut avoir au plus ${MAX_TAGS_PER_QUIZ} étiquettes. Retires-en une d’abord.`,
    );
  });

  it("keeps the server's English for a sentence it doesn't know, and on an English page", () => {
    expect(teacherRefusalText("Some new refusal.", "es", es)).toBe("Some new refusal.");
    expect(teacherRefusalText("Type a tag.", "en", es)).toBe("Type a tag.");
  });
});
