/**
 * Every language's catalog says everything English says, nothing more, and each message is valid
 * ICU (parsed by intl-messageformat, as next-intl does) with the same placeholders and tags as the
 * English one: a missing key or a mistyped {placeholder} fails here, not in front of a class.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { NICKNAME_MAX_LENGTH, NICKNAME_REFUSALS } from "@/protocol/nickname-form";
import { ROOM_CODE_REFUSAL } from "@/protocol/join-form";

type Catalog = { [key: string]: string | Catalog };

const messagesDir = path.resolve(import.meta.dirname, "../../../src/i18n/messages");
const catalog = (locale: Locale): Catalog => JSON.parse(readFileSync(path.join(messagesDir, `${locale}.json`), "utf8")) as Catalog;

/** "player.join.title" → message, for every leaf. */
function flatten(messages: Catalog, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(id, value);
    else for (const [nested, message] of flatten(value, id)) flat.set(nested, message);
  }
  return flat;
}

// Element types of intl-messageformat's AST (from @formatjs/icu-messageformat-parser).
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]);
const SELECT_OR_PLURAL = new Set([5, 6]);
const TAG = 8;

interface AstElement {
  type: number;
  value?: string;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** The placeholders ({name}, {n, plural, …}) and tags (<strong>) a message uses, sorted. */
function placeholders(message: string, locale: Locale): string[] {
  const found = new Set<string>();
  const walk = (elements: AstElement[]) => {
    for (const element of elements) {
      if (ARGUMENT_TYPES.has(element.type)) found.add(`{${element.value}}`);
      if (element.type === TAG) found.add(`<${element.value}>`);
      if (SELECT_OR_PLURAL.has(element.type)) for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as AstElement[]);
  return [...found].sort();
}

const english = flatten(catalog("en"));

describe("the message catalogs", () => {
  it("offer the six languages issue 10 asks for", () => {
    expect([...LOCALES].sort()).toEqual(["ar", "de", "en", "es", "fr", "pt"]);
  });

  for (const locale of LOCALES.filter((code) => code !== "en")) {
    describe(locale, () => {
      const translated = flatten(catalog(locale));

      it("has every key of en.json and no other", () => {
        const missing = [...english.keys()].filter((key) => !translated.has(key));
        const extra = [...translated.keys()].filter((key) => !english.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it("has every message translated (none left empty)", () => {
        expect([...translated].filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
      });

      it("uses the same placeholders and tags as English in every message", () => {
        const differing = [...english]
          .filter(([key]) => translated.has(key))
          .map(([key, message]) => ({ key, english: placeholders(message, "en"), translated: placeholders(translated.get(key)!, locale) }))
          .filter((entry) => entry.english.join() !== entry.translated.join());
        expect(differing).toEqual([]);
      });
    });
  }

  it("parse as ICU messages in every language", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of flatten(catalog(locale))) {
        expect(() => new IntlMessageFormat(message, locale), `${locale}: ${key}`).not.toThrow();
      }
    }
    // About 5,500 messages in six languages: seconds on a busy machine, so not the default 5 s limit.
  }, 60_000);

  it("say the join form's refusals in English exactly as the server does", () => {
    const refusals = catalog("en").refusals as Record<string, string>;
    const format = (key: string) => new IntlMessageFormat(refusals[key]!, "en").format({ max: NICKNAME_MAX_LENGTH });
    expect(format("roomCode")).toBe(ROOM_CODE_REFUSAL);
    expect(format("nicknameEmpty")).toBe(NICKNAME_REFUSALS.empty);
    expect(format("nicknameTooLong")).toBe(NICKNAME_REFUSALS.tooLong);
    expect(format("nicknameInvisible")).toBe(NICKNAME_REFUSALS.invisible);
    expect(format("nicknameMarks")).toBe(NICKNAME_REFUSALS.marks);
    expect(format("nicknameNoLetter")).toBe(NICKNAME_REFUSALS.noLetter);
    expect(format("nicknameNotAllowed")).toBe(NICKNAME_REFUSALS.notAllowed);
  });
});
