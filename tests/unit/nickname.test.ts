/** The nickname rules the phone and the server share (src/protocol/nickname.ts and the join schema). */
import { describe, expect, it } from "vitest";
import { checkNickname, joinRequestSchema, NICKNAME_MAX_LENGTH } from "../../src/protocol";
import { nicknameKeys } from "../../src/protocol/nickname-skeleton";

function refused(raw: string): string {
  const checked = checkNickname(raw);
  if (checked.ok) throw new Error(`${JSON.stringify(raw)} was accepted as ${JSON.stringify(checked.nickname)}`);
  return checked.message;
}

function accepted(raw: string): string {
  const checked = checkNickname(raw);
  if (!checked.ok) throw new Error(`${JSON.stringify(raw)} was refused: ${checked.message}`);
  return checked.nickname;
}

const PLAIN_WORDS = /^[A-Z][^<>{}[\]\\`]*[.!?]$/;

describe("nickname characters", () => {
  it.each([
    ["zero-width space", "Bo\u200Bb"],
    ["zero-width joiner", "Bo\u200Db"],
    ["zero-width non-joiner", "Bo\u200Cb"],
    ["word joiner", "Bo\u2060b"],
    ["byte order mark", "\uFEFFBob"],
    ["soft hyphen", "Bo\u00ADb"],
    ["right-to-left override", "\u202Ebob"],
    ["right-to-left isolate", "\u2067bob\u2069"],
    ["right-to-left mark", "Bob\u200F"],
    ["Hangul choseong filler", "\u115F"],
    ["Hangul jungseong filler", "Bob\u1160"],
    ["Hangul filler", "\u3164"],
    ["half-width Hangul filler", "\uFFA0Bob"],
    ["braille blank", "\u2800"],
    ["braille blank beside letters", "Bob\u2800"],
    ["combining grapheme joiner", "Bo\u034Fb"],
    ["Mongolian vowel separator", "Bo\u180Eb"],
    ["tag characters", "Bob\u{E0041}"],
    ["a control character", "Bob\u0007"],
    ["a line separator", "Bob\u2028Ann"],
    ["private use", "Bob\uE000"],
    ["a lone surrogate", "Bob\uD800"],
    ["object replacement", "\uFFFC"],
  ])("refuses %s", (_what, raw) => {
    expect(refused(raw)).toMatch(/invisible or special characters|letter or number/);
  });

  it("normalises compatibility forms and spaces, and drops emoji style selectors", () => {
    expect(accepted("Ｂｏｂ")).toBe("Bob");
    expect(accepted("𝐁𝐨𝐛")).toBe("Bob");
    expect(accepted("  Ana \u00A0 \u3000 Bell ")).toBe("Ana Bell");
    expect(accepted("Ana \u2764\uFE0F")).toBe("Ana \u2764");
  });

  it("keeps real names in every script", () => {
    for (const name of ["José", "Nguyễn Thị Ánh", "Zoë", "Łukasz", "Ольга", "Σωκράτης", "김민준", "王芳", "محمد", "דוד", "क्षत्रिय", "Aoife Ní", "O'Brien-Smith"]) {
      expect(accepted(name)).toBe(name.normalize("NFKC"));
    }
  });

  it("caps stacked accent marks (zalgo)", () => {
    expect(refused("Z\u0337\u0322\u031Bal")).toMatch(/accent marks/);
    expect(refused("H\u0336\u0335\u0334\u0333\u0332\u0331i")).toMatch(/accent marks/);
    expect(refused("\u0301Bob")).toMatch(/accent marks/);
    expect(accepted("Bo\u0301\u0308b")).toBe("Bo\u0301\u0308b".normalize("NFKC"));
  });

  it("needs a letter or a digit", () => {
    expect(refused("!!!")).toMatch(/letter or number/);
    expect(refused("😀😀")).toMatch(/letter or number/);
    expect(accepted("7")).toBe("7");
  });

  it("measures length after normalisation, in characters", () => {
    expect(accepted("a".repeat(NICKNAME_MAX_LENGTH))).toHaveLength(NICKNAME_MAX_LENGTH);
    expect(refused("a".repeat(NICKNAME_MAX_LENGTH + 1))).toMatch(/at most 20/);
    expect(refused("ﷺﷺ")).toMatch(/at most 20/); // two characters that NFKC spells out in 36 letters and spaces
    expect(refused("x".repeat(100_000))).toMatch(/at most 20/);
    expect(refused("   ")).toMatch(/Enter a nickname/);
  });

  it.each(["fuck", "FuCk", "f\u00FCck", "fuuuuck", "shithead", "B1tch", "a55hole"])("refuses profanity: %s", (raw) => {
    expect(refused(raw)).toMatch(/isn't allowed/);
  });

  it.each(["Scunthorpe", "Hancock", "Sussex", "Cassandra", "Glasgow"])("does not refuse an ordinary name like %s", (raw) => {
    // obscenity's English list: whole words and known obfuscations, so names that merely contain one pass.
    expect(accepted(raw)).toBe(raw);
  });

  it("every refusal is a short sentence in plain words", () => {
    for (const raw of ["", "Bo\u200Bb", "Z\u0337\u0322\u031Bal", "!!!", "a".repeat(30), "fuck"]) {
      const message = refused(raw);
      expect(message).toMatch(PLAIN_WORDS);
      expect(message.length).toBeLessThan(120);
    }
  });

  it("the join schema applies the same rules and hands the server the normalised name", () => {
    expect(joinRequestSchema.parse({ code: "123456", nickname: "  Ｂｏｂ " })).toEqual({ code: "123456", nickname: "Bob" });
    const bad = joinRequestSchema.safeParse({ code: "123456", nickname: "\u3164" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/invisible or special characters/);
    // A malformed device id is ignored rather than refused: it only ever narrows who may join.
    expect(joinRequestSchema.parse({ code: "123456", nickname: "Bob", deviceId: 42 })).toEqual({ code: "123456", nickname: "Bob" });
  });
});

describe("lookalike keys (TR39 skeleton, case and accents folded)", () => {
  const same = (a: string, b: string) => nicknameKeys(a).some((key) => nicknameKeys(b).includes(key));

  it.each([
    ["Bob", "Воb"], // Cyrillic В, о
    ["Bob", "BOB"],
    ["Bob", "Bób"],
    ["paypal", "раураl"], // Cyrillic а, р, у
    ["Ana", "Αnα"], // Greek Alpha, alpha
    ["Ill", "lll"],
    ["Ill", "ill"],
    ["Zoe", "Z0E"],
    ["rn", "m"],
  ])("“%s” and “%s” clash", (a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });

  it.each([
    ["Bob", "Rob"],
    ["Bob", "Bobby"],
    ["Ana", "Anna"],
    ["Bob", "Боб"],
  ])("“%s” and “%s” are different names", (a, b) => {
    expect(same(a, b)).toBe(false);
  });
});
