/**
 * The words of the report's CSV files in the teacher's language: column names, yes/no, the groups,
 * the option names ("Red triangle") and the measures' labels, from the same message catalogs as the
 * pages (teacherReports.csvColumns, optionNames, teacherReports.labels). English is the default, and
 * what scripts reading the files may rely on: tests/unit/i18n/csv-words.test.ts checks that the English
 * catalog gives exactly ENGLISH_CSV_WORDS' columns.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "../../src/i18n/locales";
import type en from "../../src/i18n/messages/en.json";
import { optionLabel, optionStyle } from "../../src/components/shared/option-styles";
import { LABEL_KEYS } from "../../src/components/reports/readings";
import { englishTeamName, teamColour, teamRound } from "../../src/protocol/teams";

type Catalog = typeof en;
export type CsvColumn = keyof Catalog["teacherReports"]["csvColumns"];

export interface CsvWords {
  /** A column's (or a section's) name; `Option {n}` columns take their number. */
  column: (key: CsvColumn, values?: { n?: number; name?: string }) => string;
  /** The colour and shape the class saw ("Red triangle"). */
  optionName: (displayIndex: number) => string;
  /** A measure's label ("very good"); one the catalog doesn't know stays as given. */
  label: (label: string) => string;
  /** A team's name ("Red", "Blue 2" in English). */
  teamName: (team: number) => string;
}

const ENGLISH_COLUMNS: Record<CsvColumn, string> = {
  rank: "Rank",
  nickname: "Nickname",
  question: "Question",
  questionText: "Question text",
  answered: "Answered",
  chosen: "Chosen",
  correct: "Correct",
  responseSeconds: "Response (s)",
  points: "Points",
  streak: "Streak",
  percentCorrect: "% correct",
  averageResponseSeconds: "Avg response (s)",
  discriminationIndex: "Discrimination index",
  discrimination: "Discrimination",
  hard: "Hard",
  players: "Players",
  facility: "Facility",
  itemRest: "Item-rest correlation",
  itemRestReading: "Item-rest reading",
  option: "Option {n}",
  optionPicked: "Option {n} picked",
  optionPointBiserial: "Option {n} point-biserial",
  questions: "Questions",
  reliability: "Reliability",
  value: "Value",
  reading: "Reading",
  scoredQuestions: "Scored questions",
  playersInEveryQuestion: "Players in every question",
  score: "Score",
  questionsPlayed: "Questions played",
  group: "Group",
  team: "Team",
  teams: "Teams",
  yes: "yes",
  no: "no",
  correctOption: "{name} (correct)",
  top: "top",
  bottom: "bottom",
};

/** The English words, without reading a catalog: the files' default, stable for scripts. */
export const ENGLISH_CSV_WORDS: CsvWords = {
  column: (key, values) => ENGLISH_COLUMNS[key].replace("{n}", String(values?.n ?? "")).replace("{name}", values?.name ?? ""),
  optionName: (displayIndex) => optionLabel(displayIndex).replace(/^./, (first) => first.toUpperCase()),
  label: (label) => label,
  teamName: englishTeamName,
};

const MESSAGES_DIR = path.resolve(import.meta.dirname, "../../src/i18n/messages");
const catalogs = new Map<Locale, Promise<Catalog>>();

function loadCatalog(locale: Locale): Promise<Catalog> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = readFile(path.join(MESSAGES_DIR, `${locale}.json`), "utf8").then((text) => JSON.parse(text) as Catalog);
    catalogs.set(locale, catalog);
  }
  return catalog;
}

const isLabel = (label: string): label is keyof typeof LABEL_KEYS => label in LABEL_KEYS;

/** The CSV's words in `locale`, read from its catalog (once per language). */
export async function csvWords(locale: Locale = DEFAULT_LOCALE): Promise<CsvWords> {
  if (locale === DEFAULT_LOCALE) return ENGLISH_CSV_WORDS;
  const messages = await loadCatalog(locale);
  const columns = createTranslator({ locale, messages, namespace: "teacherReports.csvColumns" });
  const names = createTranslator({ locale, messages, namespace: "optionNames" });
  const labels = createTranslator({ locale, messages, namespace: "teacherReports.labels" });
  const teams = createTranslator({ locale, messages, namespace: "teams" });
  return {
    column: (key, values) => columns(key, values as never),
    optionName: (displayIndex) => names(optionStyle(displayIndex).shape),
    label: (label) => (isLabel(label) ? labels(LABEL_KEYS[label]) : label),
    teamName: (team) => {
      const colour = teams(`colours.${teamColour(team).key}`);
      const round = teamRound(team);
      return round > 1 ? teams("nameNumbered", { colour, number: round }) : teams("name", { colour });
    },
  };
}
