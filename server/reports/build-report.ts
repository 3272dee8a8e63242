/**
 * buildGameReport: the whole game report from the raw rows of one game, computed in memory
 * (a class-sized game is a few thousand answers at most). Pure: no database, no clock.
 */
import { rankTeams } from "./team-ranking";
import { distractorReading, type GroupTally } from "./item-analysis";
import { kindReport, type KindReport } from "./kind-views";
import { shownPlace } from "./option-names";
import { htmlToPlainText } from "./plain-text";
import { itemRestMeasure, reliabilityMeasure, roundedPointBiserial } from "./readings";
import { analyseScoreMatrix, type ItemStatistics, type ScoreMatrix } from "./score-matrix";
import { answerScore, hasDistractors, isPoll } from "./scoring-view";
import type { ReportSource, ReportSourceAnswer, ReportSourcePlayer, ReportSourceRound } from "./source";
import { statusLabel } from "./status-label";
import { HARD_QUESTION_PERCENT, type GameReport, type ReportAnswer, type ReportOption, type ReportPlayer, type ReportQuestion } from "./types";

export function buildGameReport(source: ReportSource): GameReport {
  const rounds = [...source.rounds].sort((a, b) => a.roundIndex - b.roundIndex);
  const answers = new SavedAnswers(source, rounds);
  const ranking = rankPlayers(source.players, rounds, answers);
  const scoredRounds = rounds.filter((round) => !isPoll(round.question));
  const analysis = itemAnalysis(source.players, ranking, scoredRounds, answers);
  for (const [index, player] of ranking.entries()) player.group = analysis.groupOf[index] ?? null;
  const statsByRound = new Map(scoredRounds.map((round, index) => [round.roundIndex, analysis.items[index]!]));
  const questions = rounds.map((round) => questionReport(round, answers, ranking, statsByRound.get(round.roundIndex)));

  const scored = questions.filter((question) => question.scored);
  const eligible = sum(scored.map((question) => question.eligible));
  const correct = sum(scored.map((question) => question.correctCount));
  return {
    game: { ...source.game, statusLabel: statusLabel(source.game.status) },
    summary: {
      playerCount: ranking.length,
      questionCount: rounds.length,
      averageScore: ranking.length > 0 ? Math.round((10 * sum(ranking.map((player) => player.score))) / ranking.length) / 10 : 0,
      percentCorrect: eligible > 0 ? Math.round((100 * correct) / eligible) : 0,
      averageResponseMs: meanMs(answers.counted.map((answer) => answer.responseMs)),
      groupSize: analysis.groupSize,
    },
    ranking,
    teams: rankTeams(ranking),
    questions,
    reliability: reliabilityMeasure(analysis.reliability, { itemCount: scoredRounds.length, playerCount: analysis.completePlayers }),
  };
}

/**
 * The scored questions as a score matrix: the leaderboard players in order, then the removed players
 * (whose answers still count towards facility, as they count in `eligible_players`).
 */
function itemAnalysis(players: ReportSourcePlayer[], ranking: ReportPlayer[], rounds: ReportSourceRound[], answers: SavedAnswers) {
  const byId = new Map(players.map((player) => [player.id, player]));
  const removed = players.filter((player) => player.removedAt !== null).sort((a, b) => a.joinSeq - b.joinSeq);
  const columns = [...ranking.map((player) => byId.get(player.playerId)!), ...removed];
  const matrix: ScoreMatrix = {
    players: columns.map((player) => ({ ranked: player.removedAt === null })),
    items: rounds.map((round) => {
      // undefined: not in the game for this round; null: in it but didn't answer (scores 0).
      const cell = (player: ReportSourcePlayer) => (wasInRound(player, round, answers) ? (answers.of(player.id, round.roundIndex) ?? null) : undefined);
      return {
        scores: columns.map((player) => {
          const answer = cell(player);
          return answer === undefined ? null : answer === null ? 0 : answerScore(answer);
        }),
        options: hasDistractors(round.question)
          ? {
              correct: round.question.options.map((option) => option.correct),
              choices: columns.map((player) => {
                const answer = cell(player);
                return answer === undefined ? null : (answer?.choices ?? []);
              }),
            }
          : undefined,
      };
    }),
  };
  return analyseScoreMatrix(matrix);
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
 * A player was in the game for a round when they had joined by the time answers opened and were not
 * removed before it closed (as `eligible_players` is counted). A counted answer proves it too,
 * whatever the clocks say.
 */
function wasInRound(player: ReportSourcePlayer, round: ReportSourceRound, answers: SavedAnswers): boolean {
  if (answers.of(player.id, round.roundIndex) !== undefined) return true;
  // As the live game counted them (its team points too): from their first round on.
  const joined = player.firstRound !== undefined && player.firstRound !== null ? player.firstRound <= round.roundIndex : player.joinedAt <= round.openedAt;
  return joined && (player.removedAt === null || player.removedAt > round.closedAt);
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
    ...(player.team !== undefined && player.team !== null ? { team: player.team } : {}),
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

const POLL_READING = "A poll has no right answer, so it is left out of the item analysis.";

function questionReport(round: ReportSourceRound, answers: SavedAnswers, ranking: ReportPlayer[], stats: ItemStatistics | undefined): ReportQuestion {
  const roundAnswers = answers.inRound(round.roundIndex);
  const groupAnswers = (group: "top" | "bottom") =>
    ranking
      .filter((player) => player.group === group && player.answers.some((entry) => entry.roundIndex === round.roundIndex))
      .map((player) => answers.of(player.playerId, round.roundIndex));
  const top = groupAnswers("top");
  const bottom = groupAnswers("bottom");
  const topTally: GroupTally = stats?.top ?? { size: 0, correct: 0 };
  const bottomTally: GroupTally = stats?.bottom ?? { size: 0, correct: 0 };
  const chose = (list: Array<ReportSourceAnswer | undefined>, index: number) => list.filter((answer) => answer?.choices.includes(index)).length;
  const distractors = hasDistractors(round.question);

  const options: ReportOption[] = round.question.options.map((option, index) => {
    const picks = { picked: chose(roundAnswers, index), pickedTop: chose(top, index), pickedBottom: chose(bottom, index) };
    const isDistractor = distractors && !option.correct;
    return {
      index,
      shown: shownPlace(round.optionOrder, index),
      html: option.html,
      text: htmlToPlainText(option.html),
      correct: option.correct,
      ...picks,
      reading: option.correct || !stats ? null : distractorReading(picks, topTally, bottomTally),
      pointBiserial: isDistractor ? roundedPointBiserial(stats?.optionPointBiserials[index] ?? null) : null,
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
    // A poll has no right answer (no statistics), so it is never "hard".
    hard: stats !== undefined && percentCorrect < HARD_QUESTION_PERCENT,
    scored: stats !== undefined,
    facility: stats?.facility == null ? null : Math.round(stats.facility * 100) / 100,
    discrimination: stats
      ? stats.discrimination
      : { index: null, topCorrect: 0, topSize: 0, bottomCorrect: 0, bottomSize: 0, label: "not scored", reading: POLL_READING },
    itemRest: stats ? itemRestMeasure(stats.itemRest) : { value: null, label: "not scored", reading: POLL_READING },
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
