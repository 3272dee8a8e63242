/**
 * The game report as two CSV files a spreadsheet opens directly: every answer, and a summary
 * (one section per question, then one per player). UTF-8 with a byte-order mark so Excel keeps accents.
 */
import { stringify } from "csv-stringify/sync";
import { exportFileBaseName } from "./export-file-name";
import { ENGLISH_CSV_WORDS, type CsvWords } from "./csv-words";
import { chosenOptions, inShownOrder, namedOption } from "./option-names";
import type { GameReport, ReportPlayer, ReportQuestion } from "./types";

export interface CsvFile {
  fileName: string;
  content: string;
}

type Cell = string | number | null;

/** The two files, their column names and words in the teacher's language (English by default: see csv-words.ts). */
export function gameReportCsvFiles(report: GameReport, words: CsvWords = ENGLISH_CSV_WORDS): CsvFile[] {
  const base = exportFileBaseName(report.game);
  return [
    { fileName: `${base}-answers.csv`, content: toCsv(answerRows(report, words)) },
    { fileName: `${base}-summary.csv`, content: toCsv(summaryRows(report, words)) },
  ];
}

function toCsv(rows: Cell[][]): string {
  return stringify(rows, { bom: true });
}

const ANSWER_COLUMNS = ["rank", "nickname", "question", "questionText", "answered", "chosen", "correct", "responseSeconds", "points", "streak"] as const;

/** Team mode: the team's name after the nickname ("Red", "Blue 2"); a game without teams has no such column. */
function withTeam(report: GameReport, row: Cell[], team: () => Cell): Cell[] {
  return report.teams ? [...row.slice(0, 2), team(), ...row.slice(2)] : row;
}

const teamOf = (player: ReportPlayer, words: CsvWords): Cell => (player.team === undefined || player.team === null ? "" : words.teamName(player.team));

/** One row per player per question they were in the game for (late joiners have none for earlier questions). */
function answerRows(report: GameReport, words: CsvWords): Cell[][] {
  const questionByRound = new Map(report.questions.map((question) => [question.roundIndex, question]));
  const yesNo = yesNoIn(words);
  const rows: Cell[][] = [withTeam(report, ANSWER_COLUMNS.map((key) => words.column(key)), () => words.column("team"))];
  for (const player of report.ranking) {
    for (const answer of player.answers) {
      const question = questionByRound.get(answer.roundIndex);
      const options = question?.options ?? [];
      const itemText = (index: number) => options.find((option) => option.index === index)?.text ?? "";
      const raw = answer.raw;
      // Options as the class saw them ("Red triangle: Paris", in display order); an order's items by
      // their text, first → last (as the report page shows it); a typed text or a slider value as given.
      const chosen = !raw
        ? chosenOptions(options, answer.choices).map(({ option, position }) => namedOption(option, position, words.optionName))
        : "order" in raw
          ? [raw.order.map(itemText).join(" → ")]
          : "text" in raw
            ? [raw.text]
            : [String(raw.value)];
      rows.push(withTeam(report, [
        player.rank,
        text(player.nickname),
        answer.roundIndex + 1,
        text(question?.promptText ?? ""),
        yesNo(answer.answered),
        text(chosen.join(" | ")),
        yesNo(answer.correct),
        seconds(answer.responseMs),
        answer.points,
        answer.streak,
      ], () => teamOf(player, words)));
    }
  }
  return rows;
}

const QUESTION_COLUMNS = [
  "question",
  "questionText",
  "percentCorrect",
  "averageResponseSeconds",
  "discriminationIndex",
  "discrimination",
  "hard",
  "answered",
  "players",
  "facility",
  "itemRest",
  "itemRestReading",
] as const;
const RELIABILITY_COLUMNS = ["reliability", "value", "reading", "scoredQuestions", "playersInEveryQuestion"] as const;
const TEAM_COLUMNS = ["rank", "team", "score", "players"] as const;
const PLAYER_COLUMNS = ["rank", "nickname", "score", "correct", "answered", "questionsPlayed", "averageResponseSeconds", "group"] as const;

function summaryRows(report: GameReport, words: CsvWords): Cell[][] {
  const optionColumns = Math.max(0, ...report.questions.map((question) => question.options.length));
  const questionHeader: string[] = QUESTION_COLUMNS.map((key) => words.column(key));
  for (let n = 1; n <= optionColumns; n++) {
    questionHeader.push(words.column("option", { n }), words.column("optionPicked", { n }), words.column("optionPointBiserial", { n }));
  }
  const { reliability } = report;
  return [
    [words.column("questions")],
    questionHeader,
    ...report.questions.map((question) => questionRow(question, words)),
    [],
    RELIABILITY_COLUMNS.map((key) => words.column(key)),
    [reliability.method, reliability.value, words.label(reliability.label), reliability.itemCount, reliability.playerCount],
    [],
    [words.column("players")],
    withTeam(report, PLAYER_COLUMNS.map((key) => words.column(key)), () => words.column("team")),
    ...report.ranking.map((player) => withTeam(report, playerRow(player, words), () => teamOf(player, words))),
    ...(report.teams
      ? [
          [],
          [words.column("teams")],
          TEAM_COLUMNS.map((key) => words.column(key)),
          ...report.teams.map((team) => [team.rank, words.teamName(team.team), team.score, text(team.members.join(" | "))]),
        ]
      : []),
  ];
}

function questionRow(question: ReportQuestion, words: CsvWords): Cell[] {
  const yesNo = yesNoIn(words);
  const row: Cell[] = [
    question.roundIndex + 1,
    text(question.promptText),
    question.percentCorrect,
    seconds(question.averageResponseMs),
    question.discrimination.index,
    words.label(question.discrimination.label),
    yesNo(question.hard),
    question.answered,
    question.eligible,
    question.facility,
    question.itemRest.value,
    words.label(question.itemRest.label),
  ];
  // Choice options in the order the class saw them, each named by its colour and shape ("Red triangle:
  // Paris"), as on the report page; an ordering question's items in the right order (its quiz-file order).
  const named =
    question.kind === "order"
      ? question.options.map((option) => ({ option, name: option.text }))
      : inShownOrder(question.options).map(({ option, position }) => ({ option, name: namedOption(option, position, words.optionName) }));
  for (const { option, name } of named) row.push(text(option.correct ? words.column("correctOption", { name }) : name), option.picked, option.pointBiserial);
  return row;
}

function playerRow(player: ReportPlayer, words: CsvWords): Cell[] {
  const group = player.group === "top" ? words.column("top") : player.group === "bottom" ? words.column("bottom") : "";
  return [player.rank, text(player.nickname), player.score, player.correctCount, player.answeredCount, player.eligibleCount, seconds(player.averageResponseMs), group];
}

const yesNoIn = (words: CsvWords) => (value: boolean) => (value ? words.column("yes") : words.column("no"));

/** Milliseconds as seconds with two decimals; empty when there is no time. */
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 10) / 100);

/**
 * Text typed by players or quiz authors: a leading = + - @ (or tab/return) would make a spreadsheet
 * run it as a formula, so such cells start with an apostrophe (OWASP's CSV-injection advice).
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
