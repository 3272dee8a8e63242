import { describe, expect, it } from "vitest";
import { endGame, hostView, nextGameFor, offerNextGame, playerRoomView, removePlayer } from "../../../server/engine";
import { hardQuestionIds } from "../../../server/games/play-again";
import { T0, expectRefusedUnchanged, join, newGame, ok, startAndOpen } from "../../support/engine-fixtures";

describe("play again", () => {
  it("invites the players only once the game is over, and every view then carries the next game's code", () => {
    const state = newGame();
    const [ada, bo] = join(state, 2);
    expectRefusedUnchanged(state, () => offerNextGame(state, "123456"), "not-allowed");
    startAndOpen(state);
    expectRefusedUnchanged(state, () => offerNextGame(state, "123456"), "not-allowed");
    expect(nextGameFor(state, ada!)).toMatchObject({ ok: false, code: "game-over" });
    ok(removePlayer(state, { playerId: bo!, now: T0 + 11_000 }));
    ok(endGame(state, T0 + 12_000));
    expect(ok(offerNextGame(state, "654321"))).toEqual([{ type: "next-game-offered", code: "654321" }]);
    expect(playerRoomView(state, T0 + 13_000).nextGameCode).toBe("654321");
    expect(hostView(state, T0 + 13_000).nextGameCode).toBe("654321");
    expect(nextGameFor(state, ada!)).toEqual({ ok: true, code: "654321", nickname: state.players[ada!]!.nickname });
    expect(nextGameFor(state, bo!)).toMatchObject({ ok: false, code: "removed" });
    expect(nextGameFor(state, "nobody")).toMatchObject({ ok: false, code: "not-joined" });
  });

  it("plays again the questions under 35 % right, or else those below the class's average, or none", () => {
    const round = (questionId: string, percentCorrect: number) => ({ questionId, percentCorrect });
    expect(hardQuestionIds([round("a", 100), round("b", 34.9), round("c", 35), round("d", 0)])).toEqual(["b", "d"]);
    expect(hardQuestionIds([round("a", 90), round("b", 50), round("c", 70)])).toEqual(["b"]); // average 70
    expect(hardQuestionIds([round("a", 80), round("b", 80)])).toEqual([]);
    expect(hardQuestionIds([])).toEqual([]);
  });
});
