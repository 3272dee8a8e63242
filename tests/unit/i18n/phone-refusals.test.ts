/**
 * A phone in another language never shows the server's English: every refusal code the protocol
 * has (read from src/protocol/acks.ts, so a new code is covered the day it is added) is worded in
 * each language, by its own words or, for codes only a broken, outdated or hostile phone meets, in
 * general ones. An English phone keeps the server's words with their details.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import type en from "@/i18n/messages/en.json";
import type { RefusalCode } from "@/protocol";
import { refusalText } from "@/components/player/refusal-text";
import { NICKNAME_MAX_LENGTH } from "@/protocol/nickname-form";

const root = path.resolve(import.meta.dirname, "../../..");
const catalog = (locale: Locale): typeof en => JSON.parse(readFileSync(path.join(root, "src/i18n/messages", `${locale}.json`), "utf8")) as typeof en;
const protocolSource = readFileSync(path.join(root, "src/protocol/acks.ts"), "utf8");
const refusalCodes = [.../export type RefusalCode =([^;]+);/.exec(protocolSource)![1]!.matchAll(/\|\s*"([a-z-]+)"/g)].map((match) => match[1] as RefusalCode);
const SERVER_WORDS = "That answer doesn't fit this question: a whole number from 1 to 10.";

describe("the phone's refusals in its own language", () => {
  it("reads every refusal code from the protocol", () => {
    expect(refusalCodes).toContain("invalid-request");
    expect(refusalCodes).toContain("server-error");
    expect(refusalCodes.length).toBeGreaterThanOrEqual(22);
  });

  for (const locale of LOCALES.filter((code) => code !== "en")) {
    it(`words every refusal code in ${locale}, none in the server's English`, () => {
      const messages = catalog(locale);
      const t = createTranslator({ locale, messages, namespace: "refusals" });
      const worded = new Set(Object.keys(messages.refusals).map((key) => t(key as keyof typeof messages.refusals, { max: NICKNAME_MAX_LENGTH })));
      const english = new Set(Object.values(catalog("en").refusals));
      for (const code of refusalCodes) {
        const text = refusalText({ code, message: SERVER_WORDS }, locale, t);
        expect(text, `${code} in ${locale}`).not.toBe(SERVER_WORDS);
        expect(english.has(text), `${code} in ${locale} is still English: ${text}`).toBe(false);
        expect(worded.has(text), `${code} in ${locale} is the catalog's: ${text}`).toBe(true);
      }
    });
  }

  it("says a stale answer and a misfit answer in their own words, anything else in general ones", () => {
    const t = createTranslator({ locale: "fr", messages: catalog("fr"), namespace: "refusals" });
    expect(refusalText({ code: "wrong-question", message: "That answer is for a different question." }, "fr", t)).toBe("Cette réponse concerne une autre question.");
    expect(refusalText({ code: "invalid-choice", message: SERVER_WORDS }, "fr", t)).toBe("Cette réponse ne correspond pas à cette question. Vérifie-la et renvoie-la.");
    expect(refusalText({ code: "invalid-request", message: "Something only a hostile client sends." }, "fr", t)).toBe("La partie n'a pas pu accepter cela. Recharge la page et réessaie.");
  });

  it("keeps the server's words on an English phone", () => {
    const t = createTranslator({ locale: "en", messages: catalog("en"), namespace: "refusals" });
    expect(refusalText({ code: "invalid-choice", message: SERVER_WORDS }, "en", t)).toBe(SERVER_WORDS);
  });
});
