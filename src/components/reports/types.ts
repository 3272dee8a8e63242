/**
 * The report data as the pages receive it over JSON (dates are ISO strings): the shapes of
 * server/reports/types.ts, taken from the pastGames router's outputs.
 */
import type { RouterOutputs } from "@/client/trpc";

export type Report = RouterOutputs["pastGames"]["report"];
export type ReportPlayerData = Report["ranking"][number];
export type ReportAnswerData = ReportPlayerData["answers"][number];
export type ReportQuestionData = Report["questions"][number];
export type ReportOptionData = ReportQuestionData["options"][number];
export type PastGamesPage = RouterOutputs["pastGames"]["list"];
export type PastGame = PastGamesPage["games"][number];
export type PastGameQuiz = PastGamesPage["quizzes"][number];
