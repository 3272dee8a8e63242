/**
 * The report's CSV names each option and each choice as the class saw it. A quiz with shuffled
 * answers (single, multiple, true/false, ordering, poll) is played over real sockets by a scripted
 * phone; the shuffle is made deterministic (and never the file order) while the game is created.
 * The phone taps tiles by their place on screen — place 0 is the red triangle, 1 the blue diamond,
 * 2 the yellow circle (src/components/shared/option-styles.ts) — and the CSV, read back through
 * tRPC from the real database, must name each choice by that colour and shape and the text that
 * tile showed, and list each question's options in the order the class saw them.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClientEvent, type AnswerInput, type PlayerRoomView } from "../../src/protocol";
import { htmlToPlainText } from "../../server/reports/plain-text";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";
import { parseCsv } from "../unit/reports/scripted-game";

const CONTENT_DIR = path.join(PROJECT_DIR, "tests/fixtures/shown-order-content");
/** What the class sees on the tile at each place: its colour and shape (as the phones and big screen draw it). */
const TILE = ["Red triangle", "Blue diamond", "Yellow circle", "Green square"];

type Shown = NonNullable<PlayerRoomView["question"]>;
const texts = (question: Shown) => question.options!.map((option) => htmlToPlainText(option.html));

/** What the phone does in each round, by places on its screen, and what the CSV must then say. */
const ROUNDS: Array<{ kind: string; answer: AnswerInput; chosen: (shown: string[]) => string }> = [
  { kind: "single", answer: { choice: [0] }, chosen: (shown) => `${TILE[0]}: ${shown[0]}` },
  // Tapped yellow then red: listed in the order the class saw them.
  { kind: "multiple", answer: { choice: [2, 0] }, chosen: (shown) => `${TILE[0]}: ${shown[0]} | ${TILE[2]}: ${shown[2]}` },
  { kind: "truefalse", answer: { choice: [1] }, chosen: () => `${TILE[1]}: False` },
  // An order's items by their text, first → last, as the report page shows them.
  { kind: "order", answer: { order: [1, 0, 2] }, chosen: (shown) => `${shown[1]} → ${shown[0]} → ${shown[2]}` },
  { kind: "poll", answer: { choice: [1] }, chosen: (shown) => `${TILE[1]}: ${shown[1]}` },
];

describe.each(testDatabaseTargets())("the report's CSV names options as the class saw them on %s", (target) => {
  let quiz: TestQuizServer;
  let host: TestHost;
  let player: TestPlayer;
  let gameId = "";
  let fileOrder: string[][] = [];
  const seen: string[][] = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, CONTENT_DIR);
  });

  afterAll(async () => {
    player?.close();
    host?.close();
    await quiz?.close();
  });

  it("plays a quiz whose answers were shuffled", async () => {
    const versionId = await quiz.quizVersionId("shown-order");
    // Every shuffle turns the options one place (Fisher–Yates with random() = 0): never the file order.
    const random = vi.spyOn(Math, "random").mockReturnValue(0);
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: 10 } }).finally(() => random.mockRestore());
    gameId = ticket.gameId;
    host = new TestHost(quiz.url);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    player = new TestPlayer(quiz.url);
    expect((await player.join(ticket.code, "Ada")).ok).toBe(true);
    await host.nextState((view) => view.playerCount === 1, "Ada in the lobby");
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    for (const [round, plan] of ROUNDS.entries()) {
      const view = await player.nextRoomView((room) => room.phase === "answering" && room.question?.index === round, `answers open for round ${round + 1}`);
      expect(view.question!.kind).toBe(plan.kind);
      seen.push(texts(view.question!));
      expect((await player.answerWith(round, plan.answer)).ok).toBe(true);
      await host.nextState((state) => state.phase === "reveal" && state.reveal?.questionIndex === round, `reveal of round ${round + 1}`, 15_000);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
      await host.nextState((state) => state.phase === "leaderboard" || state.phase === "podium", `leaderboard after round ${round + 1}`);
      if (host.state!.phase === "leaderboard") expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    }
    await host.nextState((state) => state.phase === "podium", "the podium");

    // The phones really saw the choice questions shuffled (true/false always shows True, then False).
    const report = await quiz.api.pastGames.report.query({ gameId });
    fileOrder = report.questions.map((question) => question.options.map((option) => option.text));
    expect(seen[0]).toEqual(["Venus", "Mars", "Jupiter", "Mercury"]);
    expect(fileOrder[0]).toEqual(["Mercury", "Venus", "Mars", "Jupiter"]);
    expect(seen[1]).not.toEqual(fileOrder[1]);
    expect(seen[2]).toEqual(["True", "False"]);
    expect(seen[3]).not.toEqual(fileOrder[3]);
    expect(seen[4]).not.toEqual(fileOrder[4]);
  });

  it("names each choice by the colour and shape of the tile tapped and the text it showed", async () => {
    const { files } = await quiz.api.pastGames.exportCsv.query({ gameId });
    const rows = parseCsv(files[0]!.content);
    const chosenColumn = rows[0]!.indexOf("Chosen");
    expect(rows.slice(1).map((row) => row[chosenColumn])).toEqual(ROUNDS.map((plan, round) => plan.chosen(seen[round]!)));
    // Round 1: the red triangle showed Venus (a wrong answer), not Mercury (the file's first option).
    expect(rows[1]![chosenColumn]).toBe("Red triangle: Venus");
  });

  it("lists each question's options in the summary in the order the class saw them, by colour and shape", async () => {
    const { files } = await quiz.api.pastGames.exportCsv.query({ gameId });
    const summary = parseCsv(files[1]!.content);
    const header = summary[1]!;
    const first = header.indexOf("Option 1");
    const optionCells = (round: number) => {
      const row = summary[2 + round]!;
      return Array.from({ length: seen[round]!.length }, (_, place) => row[first + 3 * place]!.replace(/ \(correct\)$/, ""));
    };
    for (const round of [0, 1, 2, 4]) expect(optionCells(round), `round ${round + 1}`).toEqual(seen[round]!.map((text, place) => `${TILE[place]}: ${text}`));
    expect(summary[2]![first]).toBe("Red triangle: Venus");
    expect(summary[2]![first + 3 * 3]).toBe("Green square: Mercury (correct)");
    // An ordering question's items stay in the right order (the quiz file's), by their text.
    expect(optionCells(3)).toEqual(["Ancient Egypt", "Roman Empire", "Middle Ages"]);
  });

  it("agrees with the report page: every option's colour and shape is the place the phone showed it", async () => {
    const report = await quiz.api.pastGames.report.query({ gameId });
    for (const [round, question] of report.questions.entries()) {
      for (const option of question.options) expect(option.shown, `round ${round + 1}: ${option.text}`).toBe(seen[round]!.indexOf(option.text));
    }
  });
});
