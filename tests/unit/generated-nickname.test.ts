/**
 * Friendly generated nicknames ("Brave Otter"): every one the phone can draw is a valid, polite
 * nickname the server accepts, no two look alike, and a game that requires them takes nothing else.
 */
import { describe, expect, it } from "vitest";
import { addPlayer, setLocked } from "../../server/engine";
import { checkNickname, joinRequestSchema, NICKNAME_MAX_LENGTH } from "../../src/protocol";
import { generateNickname, isGeneratedNickname, NICKNAME_ADJECTIVES, NICKNAME_ANIMALS } from "../../src/protocol/generated-nickname";
import { nicknameKeys } from "../../src/protocol/nickname-skeleton";
import { expectRefusedUnchanged, newGame, ok, seededRandom, sequenceRandom, T0 } from "../support/engine-fixtures";
import { changedHostOptions, defaultHostOptions, type HostableQuiz } from "../../src/components/dashboard/host-options";

const ALL = NICKNAME_ADJECTIVES.flatMap((adjective) => NICKNAME_ANIMALS.map((animal) => `${adjective} ${animal}`));

describe("the generated names", () => {
  it("are thousands of different names", () => {
    expect(new Set(NICKNAME_ADJECTIVES).size).toBe(NICKNAME_ADJECTIVES.length);
    expect(new Set(NICKNAME_ANIMALS).size).toBe(NICKNAME_ANIMALS.length);
    expect(new Set(ALL).size).toBeGreaterThanOrEqual(3000);
  });

  it("every one passes the server's nickname rules and word list unchanged, and fits in 20 characters", () => {
    const refused = ALL.filter((name) => {
      const checked = checkNickname(name);
      return !checked.ok || checked.nickname !== name || [...name].length > NICKNAME_MAX_LENGTH;
    });
    expect(refused).toEqual([]);
    // Through the join schema too, as the server reads a join.
    expect(joinRequestSchema.safeParse({ code: "123456", nickname: ALL.at(-1) }).success).toBe(true);
  });

  it("no two look alike, so a drawn name is only ever taken by the same name", () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const name of ALL) {
      for (const key of nicknameKeys(name)) {
        const owner = owners.get(key);
        if (owner !== undefined && owner !== name) clashes.push(`${owner} ~ ${name}`);
        owners.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("draws from both lists with the random source it is given, and never repeats the name shown", () => {
    expect(generateNickname(sequenceRandom([0, 0]))).toBe(`${NICKNAME_ADJECTIVES[0]} ${NICKNAME_ANIMALS[0]}`);
    expect(generateNickname(sequenceRandom([0.999, 0.999]))).toBe(`${NICKNAME_ADJECTIVES.at(-1)} ${NICKNAME_ANIMALS.at(-1)}`);
    const shown = `${NICKNAME_ADJECTIVES[0]} ${NICKNAME_ANIMALS.at(-1)}`;
    const next = generateNickname(sequenceRandom([0, 0.999]), shown);
    expect(next).not.toBe(shown);
    expect(isGeneratedNickname(next)).toBe(true);
    const random = seededRandom(7);
    const drawn = new Set(Array.from({ length: 200 }, () => generateNickname(random)));
    expect(drawn.size).toBeGreaterThan(150);
    for (const name of drawn) expect(isGeneratedNickname(name)).toBe(true);
  });

  it("the check takes exactly the generated names: not other case, spacing, order, extras or partial names", () => {
    for (const name of ALL) expect(isGeneratedNickname(name)).toBe(true);
    for (const typed of ["brave otter", "BRAVE OTTER", "Brave  Otter", "Otter Brave", "Brave Otter 2", "Brave", "Otter", "Brave Otter Fox", "Rude Otter", "Brave Ass", "", " Brave Otter"]) {
      expect(isGeneratedNickname(typed), typed).toBe(false);
    }
  });
});

describe("a game that requires generated nicknames", () => {
  it("refuses a typed nickname in plain words, changing nothing, and takes a generated one", () => {
    const state = newGame({ generatedNicknames: true });
    expect(state.generatedNicknames).toBe(true);
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "a", nickname: "Bob", now: T0 }), "nickname-not-generated");
    const refusal = addPlayer(state, { playerId: "a", nickname: "brave otter", now: T0 });
    expect(refusal).toMatchObject({ ok: false, message: expect.stringMatching(/drawn name.*Suggest a name/) });
    ok(addPlayer(state, { playerId: "a", nickname: "Brave Otter", now: T0 }));
    expect(state.players.a?.nickname).toBe("Brave Otter");
    // The same drawn name twice is taken, as any name is.
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "Brave Otter", now: T0 }), "nickname-taken");
  });

  it("a locked game answers a typed name as it answers any newcomer (locked), so it tells nothing more", () => {
    const state = newGame({ generatedNicknames: true });
    ok(setLocked(state, true));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "a", nickname: "Bob", now: T0 }), "locked");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "a", nickname: "Brave Otter", now: T0 }), "locked");
  });

  it("is off by default: any polite nickname joins, and the state carries no flag", () => {
    const state = newGame();
    expect(state.generatedNicknames).toBeUndefined();
    ok(addPlayer(state, { playerId: "a", nickname: "Bob", now: T0 }));
  });

  it("the host options send the choice only when the teacher turns it on", () => {
    const quiz: HostableQuiz = {
      versionId: "v",
      title: "Q",
      questionCount: 3,
      playable: true,
      unplayableReason: null,
      settings: { timeLimitSec: 20, readTimeSec: 4, shuffleQuestions: false, shuffleAnswers: false, nQuestions: undefined },
      hasQuestionTimes: false,
    };
    const defaults = defaultHostOptions(quiz);
    expect(defaults.generatedNicknames).toBe(false);
    expect(changedHostOptions(defaults, defaults)).toEqual({});
    expect(changedHostOptions({ ...defaults, generatedNicknames: true }, defaults)).toEqual({ generatedNicknames: true });
  });
});
