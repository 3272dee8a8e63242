import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../server/accounts/password-policy";
import { findBadCharacter, plainText } from "../../server/trpc/plain-text";

describe("text a request may carry", () => {
  it("lets ordinary text through: emoji (surrogate pairs), accents, CJK, and tabs/line breaks in multi-line text", () => {
    for (const text of ["Rivers 🌊 and lakes 👩🏽‍🏫", "Œuvres d'Éluard", "火山", "a\tb\r\nc\nd"]) {
      expect(findBadCharacter(text, { multiline: true }), text).toBeNull();
    }
  });

  it("finds NUL, lone surrogates (either half, anywhere) and control characters, with their line", () => {
    expect(findBadCharacter("one\ntwo\u0000", { multiline: true })).toEqual({ character: "\u0000", line: 2 });
    expect(findBadCharacter("a\r\nb\r\n\ud83d", { multiline: true })).toEqual({ character: "\ud83d", line: 3 });
    expect(findBadCharacter("\udc00abc", { multiline: true })).toEqual({ character: "\udc00", line: 1 });
    expect(findBadCharacter("\ud83d\ud83d\udc4b", { multiline: true })).toEqual({ character: "\ud83d", line: 1 });
    expect(findBadCharacter("bell\u0007", { multiline: true })?.character).toBe("\u0007");
    expect(findBadCharacter("c1 \u0085 next line", { multiline: true })?.character).toBe("\u0085");
    expect(findBadCharacter("del \u007f", { multiline: false })?.character).toBe("\u007f");
    expect(findBadCharacter("title\twith tab", { multiline: false })?.character).toBe("\t");
  });

  it("says what is wrong in plain words, naming the field and the line", () => {
    const result = plainText("The quiz text", { multiline: true }).safeParse("## Q\n\n- [x] A\u0000");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "The quiz text has a NUL byte on line 3, which can't be used. Remove it (or retype that part) and try again.",
    );
  });
});

describe("password rules (NIST SP 800-63B)", () => {
  it("accepts long passphrases without composition rules and refuses leaked, repetitive and self-describing ones", () => {
    expect(passwordProblem("correct horse battery")).toBeNull();
    expect(passwordProblem("lowercase words only here")).toBeNull();
    expect(passwordProblem("83920475")).toBeNull();
    expect(passwordProblem("1234567")).toMatch(/at least 8/);
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem("baseball")).toMatch(/most common/);
    expect(passwordProblem("Football1!")).toMatch(/most common/);
    expect(passwordProblem("abcdefgh")).toMatch(/run/);
    expect(passwordProblem("987654321")).toMatch(/most common|run/);
    expect(passwordProblem("zzzzzzzzzzzz")).toMatch(/repeated/);
    expect(passwordProblem("quiz night 2026")).toMatch(/too close/); // "night" alone is a common password
    expect(passwordProblem("quiz night at the harbour")).toBeNull();
    expect(passwordProblem("quizquiz2026")).toMatch(/too close/);
    expect(passwordProblem("mbalewa-2026", { email: "t.mbalewa@school.test" })).toMatch(/too close/);
    expect(passwordProblem("mbalewa-2026", { email: "other@school.test" })).toBeNull();
  });
});
