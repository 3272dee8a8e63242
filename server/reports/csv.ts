/**
 * The game report as two CSV files a spreadsheet opens directly: every answer, and a summary
 * (one section per question, then one per player). UTF-8 with a byte-order mark so Excel keeps accents.
 */
import { stringify } from "csv-stringify/sync";
import { exportFileBaseName } from "./export-file-name";
import { englishTeamName } from "../../src/protocol/teams";
import { chosenOptions, inShownOrder, namedOption } from "./option-names";
import type { GameReport, ReportPlayer, ReportQuestion } from "./types";

export interface CsvFile {
  fileName: string;
  content: string;
}

type Cell = string | number | null;

export function gameReportCsvFiles(report: GameReport): CsvFile[] {
  const base = exportFileBaseName(report.game);
  return [
    { fileName: `${base}-answers.csv`, content: toCsv(answerRows(report)) },
    { fileName: `${base}-summary.csv`, content: toCsv(summaryRows(report)) },
  ];
}

function toCsv(rows: Cell[][]): string {
  return stringify(rows, { bom: true });
}

export const ANSWER_HEADER = ["Rank", "Nickname", "Question", "Question text", "Answered", "Chosen", "Correct", "Response (s)", "Points", "Streak"];

/** Team mode: the team's name after the nickname ("Red", "Blue 2"); a game without teams has no such column. */
function withTeam(report: GameReport, row: Cell[], team: () => Cell): Cell[] {
  return report.teams ? [...row.slice(0, 2), team(), ...row.slice(2)] : row;
}

const teamOf = (player: ReportPlayer): Cell => (player.team === undefined || player.team === null ? "" : englishTeamName(player.team));

/** One row per player per question they were in the game for (late joiners have none for earlier questions). */
function answerRows(report: GameReport): Cell[][] {
  const questionByRound = new Map(report.questions.map((question) => [question.roundIndex, question]));
  const rows: Cell[][] = [withTeam(report, ANSWER_HEADER, () => "Team")];
  for (const player of report.ranking) {
    for (const answer of player.answers) {
      const question = questionByRound.get(answer.roundIndex);
      const options = question?.options ?? [];
      const itemText = (index: number) => options.find((option) => option.index === index)?.text ?? "";
      const raw = answer.raw;
      // Options as the class saw them ("Red triangle: Paris", in display order); an order's items by
      // their text, first → last (as the report page shows it); a typed text or a slider value as given.
      const chosen = !raw
        ? chosenOptions(options, answer.choices).map(({ option, position }) => namedOption(option, position))
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
      ], () => teamOf(player)));
    }
  }
  return rows;
}

function summaryRows(report: GameReport): Cell[][] {
  const optionColumns = Math.max(0, ...report.questions.map((question) => question.options.length));
  const questionHeader = [
    "Question",
    "Question text",
    "% correct",
    "Avg response (s)",
    "Discrimination index",
    "Discrimination",
    "Hard",
    "Answered",
    "Players",
    "Facility",
    "Item-rest correlation",
    "Item-rest reading",
  ];
  for (let n = 1; n <= optionColumns; n++) questionHeader.push(`Option ${n}`, `Option ${n} picked`, `Option ${n} point-biserial`);
  const { reliability } = report;
  return [
    ["Questions"],
    questionHeader,
    ...report.questions.map(questionRow),
    [],
    ["Reliability", "Value", "Reading", "Scored questions", "Players in every question"],
    [reliability.method, reliability.value, reliability.label, reliability.itemCount, reliability.playerCount],
    [],
    ["Players"],
    withTeam(report, ["Rank", "Nickname", "Score", "Correct", "Answered", "Questions played", "Avg response (s)", "Group"], () => "Team"),
    ...report.ranking.map((player) => withTeam(report, playerRow(player), () => teamOf(player))),
    ...(report.teams
      ? [[], ["Teams"], ["Rank", "Team", "Score", "Players"], ...report.teams.map((team) => [team.rank, team.name, team.score, text(team.members.join(" | "))])]
      : []),
  ];
}

function questionRow(question: ReportQuestion): Cell[] {
  const row: Cell[] = [
    question.roundIndex + 1,
    text(question.promptText),
    question.percentCorrect,
    seconds(question.averageResponseMs),
    question.discrimination.index,
    question.discrimination.label,
    yesNo(question.hard),
    question.answered,
    question.eligible,
    question.facility,
    question.itemRest.value,
    question.itemRest.label,
  ];
  // Choice options in the order the class saw them, each named by its colour and shape ("Red triangle:
  // Paris"), as on the report page; an ordering question's items in the right order (its quiz-file order).
  const named =
    question.kind === "order"
      ? question.options.map((option) => ({ option, name: option.text }))
      : inShownOrder(question.options).map(({ option, position }) => ({ option, name: namedOption(option, position) }));
  for (const { option, name } of named) row.push(text(option.correct ? `${name} (correct)` : name), option.picked, option.pointBiserial);
  return row;
}

function playerRow(player: ReportPlayer): Cell[] {
  const group = player.group === "top" ? "top" : player.group === "bottom" ? "bottom" : "";
  return [player.rank, text(player.nickname), player.score, player.correctCount, player.answeredCount, player.eligibleCount, seconds(player.averageResponseMs), group];
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** Milliseconds as seconds with two decimals; empty when there is no time. */
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 10) / 100);

/**
 * Text typed by players or quiz authors: a leading = + - @ (or tab/return) would make a spreadsheet
 * run it as a formula, so such cells start with an apostrophe (OWASP's CSV-injection advice).
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
