/**
 * The phone checks its join form without zod or the nickname word list (src/protocol/join-form.ts),
 * to stay light; the server checks every join with joinRequestSchema. The two must say the same
 * thing: whatever the phone refuses, the server refuses in the same words, and what the phone sends
 * is what the server would keep. Only the word list is the server's alone.
 */
import { describe, expect, it } from "vitest";
import { checkJoinForm, joinRequestSchema } from "../../src/protocol";

const CASES: [code: string, nickname: string][] = [
  ["123456", "Bob"],
  ["  123456 ", "  Ｂｏｂ "],
  ["", "Bob"],
  ["12345", "Bob"],
  ["1234567", "Bob"],
  ["12a456", "Bob"],
  ["", ""],
  ["123456", ""],
  ["123456", "   "],
  ["123456", "\u3164"],
  ["123456", "Bo\u200Bb"],
  ["123456", "a".repeat(21)],
  ["123456", "a".repeat(300)],
  ["123456", "Z\u0301\u0302\u0303"],
  ["123456", "!!!"],
  ["123456", "Zoë 🦊"],
];

function serverSays(code: string, nickname: string) {
  const parsed = joinRequestSchema.safeParse({ code, nickname });
  return parsed.success ? { ok: true, code: parsed.data.code, nickname: parsed.data.nickname } : { ok: false, message: parsed.error.issues[0]?.message };
}

describe("the phone's join form check", () => {
  it.each(CASES)("agrees with the server's join schema on code %j, nickname %j", (code, nickname) => {
    expect(checkJoinForm(code, nickname)).toEqual(serverSays(code, nickname));
  });

  it("leaves the word list to the server, which still refuses a rude nickname", () => {
    expect(checkJoinForm("123456", "fuck")).toEqual({ ok: true, code: "123456", nickname: "fuck" });
    expect(serverSays("123456", "fuck")).toEqual({ ok: false, message: "That nickname isn't allowed here. Please pick a different one." });
  });
});
