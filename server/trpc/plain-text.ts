/**
 * Text a request may carry. PostgreSQL can't store a NUL byte, a lone UTF-16 surrogate is half
 * of a broken emoji, and control characters are invisible: all are refused here, at validation,
 * in plain words (with the line, for multi-line text), before anything reaches the database.
 */
import { z } from "zod";

/** Tab, line feed and carriage return are ordinary text; every other C0/C1 control (and DEL) is not. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

function describe(character: string): string {
  if (character === "\u0000") return "a NUL byte";
  if (/[\uD800-\uDFFF]/.test(character)) return "half of a broken emoji or symbol (a lone surrogate)";
  if (/[\t\n\r]/.test(character)) return "a line break or tab";
  return `an invisible control character (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** The first character that can't be stored, with its 1-based line, or null. */
export function findBadCharacter(text: string, options: { multiline: boolean }): { character: string; line: number } | null {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { character: text[i]!, line };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { character: text[i]!, line };
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      const character = text[i]!;
      if (CONTROL.test(character) || (!options.multiline && LINE_BREAK_OR_TAB.test(character))) return { character, line };
    }
  }
  return null;
}

/**
 * A string schema refusing characters that can't be stored. `what` names the field in the
 * message ("The quiz title"); multi-line text names the line too.
 */
export function plainText(what: string, options: { multiline?: boolean; required?: string } = {}) {
  const multiline = options.multiline ?? false;
  return z.string({ error: options.required ?? `${what} is missing.` }).superRefine((text, ctx) => {
    const bad = findBadCharacter(text, { multiline });
    if (!bad) return;
    const where = multiline ? ` on line ${bad.line}` : "";
    ctx.addIssue({
      code: "custom",
      message: `${what} has ${describe(bad.character)}${where}, which can't be used. Remove it (or retype that part) and try again.`,
    });
  });
}
