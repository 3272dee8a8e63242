/**
 * A small scripted game for the report tests. Every number the tests expect is worked out by hand
 * from these rows (see build-report.test.ts).
 *
 * Times (UTC, 2025-03-01):  round 0 opens 09:01:00, closes 09:01:20
 *                           round 1 opens 09:02:00, closes 09:02:20
 *                           round 2 opens 09:03:00, closes 09:03:20
 * Players: Ana, Ben, Cleo, Dan, Eve join in the lobby; Finn joins at 09:01:30 (late: rounds 1–2 only);
 * Zed joins in the lobby and is removed at 09:02:10, during round 1 (his round-0 answer counts,
 * his round-1 answer doesn't, and he is not ranked).
 */
import type { ReportSource, ReportSourceAnswer } from "../../../server/reports/source";

const at = (time: string) => new Date(`2025-03-01T${time}.000Z`);

export const GAME_ID = "00000000-0000-4000-8000-000000000001";
export const ids = {
  ana: "00000000-0000-4000-8000-0000000000a1",
  ben: "00000000-0000-4000-8000-0000000000a2",
  cleo: "00000000-0000-4000-8000-0000000000a3",
  dan: "00000000-0000-4000-8000-0000000000a4",
  eve: "00000000-0000-4000-8000-0000000000a5",
  finn: "00000000-0000-4000-8000-0000000000a6",
  zed: "00000000-0000-4000-8000-0000000000a7",
};

type Who = keyof typeof ids;
const answer = (who: Who, roundIndex: number, choices: number[], correct: boolean, points: number, streak: number, responseMs: number): ReportSourceAnswer => ({
  playerId: ids[who],
  roundIndex,
  choices,
  correct,
  points,
  streak,
  responseMs,
});

export function scriptedGame(): ReportSource {
  return {
    game: {
      id: GAME_ID,
      code: "123456",
      status: "finished",
      quizId: "00000000-0000-4000-8000-0000000000f1",
      quizTitle: "Capitals & Numbers: Étude",
      createdAt: at("08:59:00"),
      startedAt: at("09:00:30"),
      finishedAt: at("09:04:00"),
      options: { timeLimitSec: 20 },
    },
    rounds: [
      // Given out of order on purpose: the report sorts rounds.
      {
        roundIndex: 1,
        questionId: "00000000-0000-4000-8000-0000000000b2",
        openedAt: at("09:02:00"),
        closedAt: at("09:02:20"),
        eligiblePlayers: 6, // Ana Ben Cleo Dan Eve Finn (Zed removed before it closed)
        question: { kind: "single", promptHtml: "2 &amp; 2 = ?", options: [{ html: "3", correct: false }, { html: "4", correct: true }, { html: "5", correct: false }] },
      },
      {
        roundIndex: 0,
        questionId: "00000000-0000-4000-8000-0000000000b1",
        openedAt: at("09:01:00"),
        closedAt: at("09:01:20"),
        eligiblePlayers: 6, // Ana Ben Cleo Dan Eve Zed (Finn not there yet)
        // The phones showed Nice first (red triangle), then Paris (blue diamond), then Lyon (yellow circle).
        optionOrder: [2, 0, 1],
        question: {
          kind: "single",
          promptHtml: "Capital of <strong>France</strong>?",
          options: [{ html: "Paris", correct: true }, { html: "Lyon", correct: false }, { html: "<em>Nice</em>", correct: false }],
        },
      },
      {
        roundIndex: 2,
        questionId: "00000000-0000-4000-8000-0000000000b3",
        openedAt: at("09:03:00"),
        closedAt: at("09:03:20"),
        eligiblePlayers: 6, // Ana Ben Cleo Dan Eve Finn
        question: { kind: "multiple", promptHtml: "Prime numbers?", options: [{ html: "2", correct: true }, { html: "3", correct: true }, { html: "4", correct: false }] },
      },
    ],
    players: [
      { id: ids.ana, nickname: "Ana", joinSeq: 1, joinedAt: at("09:00:00"), removedAt: null },
      { id: ids.ben, nickname: "Ben", joinSeq: 2, joinedAt: at("09:00:01"), removedAt: null },
      { id: ids.cleo, nickname: "Cleo", joinSeq: 3, joinedAt: at("09:00:02"), removedAt: null },
      { id: ids.dan, nickname: "Dan", joinSeq: 4, joinedAt: at("09:00:03"), removedAt: null },
      { id: ids.eve, nickname: "Eve", joinSeq: 5, joinedAt: at("09:00:04"), removedAt: null },
      { id: ids.zed, nickname: "Zed", joinSeq: 6, joinedAt: at("09:00:05"), removedAt: at("09:02:10") },
      { id: ids.finn, nickname: "Finn", joinSeq: 7, joinedAt: at("09:01:30"), removedAt: null },
    ],
    answers: [
      // Round 0 "Capital of France?" (Paris ✓ / Lyon / Nice). Dan doesn't answer; nobody picks Nice.
      answer("ana", 0, [0], true, 900, 1, 2000),
      answer("ben", 0, [0], true, 800, 1, 4000),
      answer("cleo", 0, [1], false, 0, 0, 6000),
      answer("eve", 0, [1], false, 0, 0, 9000),
      answer("zed", 0, [1], false, 0, 0, 3000),
      // Round 1 "2 & 2 = ?" (3 / 4 ✓ / 5): the two best players get it wrong, the weakest right.
      answer("ana", 1, [0], false, 0, 0, 3000),
      answer("ben", 1, [2], false, 0, 0, 3500),
      answer("cleo", 1, [1], true, 600, 1, 4000),
      answer("dan", 1, [1], true, 500, 1, 5000),
      answer("eve", 1, [1], true, 400, 1, 8000),
      answer("finn", 1, [0], false, 0, 0, 6000),
      answer("zed", 1, [1], true, 300, 1, 1000), // removed before the round closed: not counted
      // Round 2 "Prime numbers?" (2 ✓, 3 ✓, 4).
      answer("ana", 2, [0, 1], true, 950, 1, 1500),
      answer("ben", 2, [0, 1], true, 850, 1, 2500),
      answer("cleo", 2, [0], false, 0, 0, 3000),
      answer("dan", 2, [0, 2], false, 0, 0, 4000),
      answer("eve", 2, [2], false, 0, 0, 2000),
      answer("finn", 2, [0, 1], true, 500, 1, 7000),
      // Round 3 never closed (the game ended mid-question): never scored, so it doesn't count.
      answer("eve", 3, [0], true, 1000, 1, 500),
    ],
  };
}

/** A minimal RFC 4180 reader for checking the CSV files (quoted fields, doubled quotes). */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const text = content.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
