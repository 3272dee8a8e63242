/**
 * buildGameReport: the whole game report from the raw rows of one game, computed in memory
 * (a class-sized game is a few thousand answers at most). Pure: no database, no clock.
 */
import { discrimination, distractorReading, itemAnalysisGroupSize, type GroupTally } from "./item-analysis";
import { kindReport, type KindReport } from "./kind-views";
import { htmlToPlainText } from "./plain-text";
import type { ReportSource, ReportSourceAnswer, ReportSourcePlayer, ReportSourceRound } from "./source";
import { statusLabel } from "./status-label";
import { HARD_QUESTION_PERCENT, type GameReport, type ReportAnswer, type ReportOption, type ReportPlayer, type ReportQuestion } from "./types";

export function buildGameReport(source: ReportSource): GameReport {
  const rounds = [...source.rounds].sort((a, b) => a.roundIndex - b.roundIndex);
  const answers = new SavedAnswers(source, rounds);
  const ranking = rankPlayers(source.players, rounds, answers);
  const groupSize = itemAnalysisGroupSize(ranking.length);
  for (const [index, player] of ranking.entries()) {
    player.group = groupSize === 0 ? null : index < groupSize ? "top" : index >= ranking.length - groupSize ? "bottom" : null;
  }
  const questions = rounds.map((round) => questionReport(round, answers, ranking));

  const eligible = sum(questions.map((question) => question.eligible));
  const correct = sum(questions.map((question) => question.correctCount));
  return {
    game: { ...source.game, statusLabel: statusLabel(source.game.status) },
    summary: {
      playerCount: ranking.length,
      questionCount: rounds.length,
      averageScore: ranking.length > 0 ? Math.round((10 * sum(ranking.map((player) => player.score))) / ranking.length) / 10 : 0,
      percentCorrect: eligible > 0 ? Math.round((100 * correct) / eligible) : 0,
      averageResponseMs: meanMs(answers.counted.map((answer) => answer.responseMs)),
      groupSize,
    },
    ranking,
    questions,
  };
}

/** The answers that count, looked up by player and round. */
class SavedAnswers {
  /**
   * Answers of saved rounds from players not removed before that round closed (as `eligible_players`
   * is counted). Answers of a round that never closed (game ended mid-question) were never scored.
   */
  readonly counted: ReportSourceAnswer[];
  private readonly byPlayerRound = new Map<string, ReportSourceAnswer>();
  private readonly byRound = new Map<number, ReportSourceAnswer[]>();

  constructor(source: ReportSource, rounds: ReportSourceRound[]) {
    const roundByIndex = new Map(rounds.map((round) => [round.roundIndex, round]));
    const playerById = new Map(source.players.map((player) => [player.id, player]));
    this.counted = source.answers.filter((answer) => {
      const round = roundByIndex.get(answer.roundIndex);
      const player = playerById.get(answer.playerId);
      return round !== undefined && player !== undefined && (player.removedAt === null || player.removedAt > round.closedAt);
    });
    for (const answer of this.counted) {
      this.byPlayerRound.set(key(answer.playerId, answer.roundIndex), answer);
      const round = this.byRound.get(answer.roundIndex);
      if (round) round.push(answer);
      else this.byRound.set(answer.roundIndex, [answer]);
    }
  }

  of(playerId: string, roundIndex: number): ReportSourceAnswer | undefined {
    return this.byPlayerRound.get(key(playerId, roundIndex));
  }

  inRound(roundIndex: number): ReportSourceAnswer[] {
    return this.byRound.get(roundIndex) ?? [];
  }
}

const key = (playerId: string, roundIndex: number) => `${playerId}:${roundIndex}`;

/**
 * A (non-removed) player was in the game for a round when they had joined by the time answers
 * opened. A saved answer proves it too, whatever the clocks say.
 */
function wasInRound(player: ReportSourcePlayer, round: ReportSourceRound, answers: SavedAnswers): boolean {
  return player.joinedAt <= round.openedAt || answers.of(player.id, round.roundIndex) !== undefined;
}

interface RankedPlayer extends ReportPlayer {
  correctResponseMs: number;
  joinSeq: number;
}

/** Every non-removed player, ordered as the final leaderboard (score, then time of correct answers, then join order). */
function rankPlayers(players: ReportSourcePlayer[], rounds: ReportSourceRound[], answers: SavedAnswers): ReportPlayer[] {
  const ranked = players
    .filter((player) => player.removedAt === null)
    .map((player) => playerReport(player, rounds, answers))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.correctResponseMs - b.correctResponseMs ||
        a.joinSeq - b.joinSeq ||
        (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0),
    );
  return ranked.map(({ correctResponseMs: _ms, joinSeq: _seq, ...player }, index) => ({ ...player, rank: index + 1 }));
}

function playerReport(player: ReportSourcePlayer, rounds: ReportSourceRound[], answers: SavedAnswers): RankedPlayer {
  const entries: ReportAnswer[] = rounds
    .filter((round) => wasInRound(player, round, answers))
    .map((round) => {
      const answer = answers.of(player.id, round.roundIndex);
      if (!answer) return { roundIndex: round.roundIndex, answered: false, correct: false, choices: [], responseMs: null, points: 0, streak: 0 };
      const { correct, choices, raw, responseMs, points, streak } = answer;
      return { roundIndex: round.roundIndex, answered: true, correct, choices: [...choices], ...(raw ? { raw } : {}), responseMs, points, streak };
    });
  const answered = entries.filter((entry) => entry.answered);
  const correct = answered.filter((entry) => entry.correct);
  return {
    playerId: player.id,
    nickname: player.nickname,
    rank: 0,
    score: sum(answered.map((entry) => entry.points)),
    correctCount: correct.length,
    answeredCount: answered.length,
    eligibleCount: entries.length,
    averageResponseMs: meanMs(answered.map((entry) => entry.responseMs!)),
    group: null,
    answers: entries,
    correctResponseMs: sum(correct.map((entry) => entry.responseMs!)),
    joinSeq: player.joinSeq,
  };
}

function questionReport(round: ReportSourceRound, answers: SavedAnswers, ranking: ReportPlayer[]): ReportQuestion {
  const roundAnswers = answers.inRound(round.roundIndex);
  const groupAnswers = (group: "top" | "bottom") =>
    ranking
      .filter((player) => player.group === group && player.answers.some((entry) => entry.roundIndex === round.roundIndex))
      .map((player) => answers.of(player.playerId, round.roundIndex));
  const top = groupAnswers("top");
  const bottom = groupAnswers("bottom");
  const topTally: GroupTally = { size: top.length, correct: top.filter((answer) => answer?.correct).length };
  const bottomTally: GroupTally = { size: bottom.length, correct: bottom.filter((answer) => answer?.correct).length };
  const chose = (list: Array<ReportSourceAnswer | undefined>, index: number) => list.filter((answer) => answer?.choices.includes(index)).length;

  const options: ReportOption[] = round.question.options.map((option, index) => {
    const picks = { picked: chose(roundAnswers, index), pickedTop: chose(top, index), pickedBottom: chose(bottom, index) };
    return {
      index,
      html: option.html,
      text: htmlToPlainText(option.html),
      correct: option.correct,
      ...picks,
      reading: option.correct ? null : distractorReading(picks, topTally, bottomTally),
    };
  });
  const correctCount = roundAnswers.filter((answer) => answer.correct).length;
  const percentCorrect = round.eligiblePlayers > 0 ? Math.round((100 * correctCount) / round.eligiblePlayers) : 0;
  return {
    roundIndex: round.roundIndex,
    questionId: round.questionId,
    promptHtml: round.question.promptHtml,
    promptText: htmlToPlainText(round.question.promptHtml),
    kind: round.question.kind,
    options,
    eligible: round.eligiblePlayers,
    answered: roundAnswers.length,
    correctCount,
    percentCorrect,
    averageResponseMs: meanMs(roundAnswers.map((answer) => answer.responseMs)),
    // A poll has no right answer, so it is never "hard".
    hard: round.question.kind !== "poll" && percentCorrect < HARD_QUESTION_PERCENT,
    discrimination: discrimination(topTally, bottomTally),
    ...kindViewOf(round, roundAnswers),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Mean in whole milliseconds; null for no values. */
function meanMs(values: number[]): number | null {
  return values.length > 0 ? Math.round(sum(values) / values.length) : null;
}

function kindViewOf(round: ReportSourceRound, roundAnswers: ReportSourceAnswer[]): { kindView?: KindReport } {
  const view = kindReport(round.question, roundAnswers);
  return view ? { kindView: view } : {};
}
