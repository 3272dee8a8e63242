/**
 * The form of a nickname, without its politeness: the part of src/protocol/nickname.ts the phone
 * checks before sending. It imports nothing, so the phone's page stays light; the server checks the
 * whole nickname (this, then obscenity's word list) in checkNickname.
 */
export const NICKNAME_MAX_LENGTH = 20;
/** Accent marks one letter may carry (beyond precomposed letters like é or ễ): no "zalgo" stacks. */
export const MAX_MARKS_PER_LETTER = 2;
/** Longer input is refused before it is normalised at all. */
const MAX_RAW_LENGTH = 200;

/** The form's refusals, in the server's words (the phone shows them translated: src/components/player/refusal-text.ts). */
export const NICKNAME_REFUSALS = {
  tooLong: `Nicknames are at most ${NICKNAME_MAX_LENGTH} characters.`,
  invisible: "That nickname has invisible or special characters. Use letters and numbers.",
  empty: "Enter a nickname.",
  marks: "That nickname has too many accent marks stacked up. Use plain letters.",
  noLetter: "A nickname needs at least one letter or number.",
  /** The word list's refusal (checked on the server only, in nickname.ts). */
  notAllowed: "That nickname isn't allowed here. Please pick a different one.",
} as const;

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string };

/**
 * Characters that show nothing, or change how the text around them is shown: controls (Cc),
 * format characters (Cf: soft hyphen, zero-width space/joiners, right-to-left overrides and
 * isolates, word joiner, BOM…), every default-ignorable code point (Hangul fillers U+115F, U+1160,
 * U+3164, U+FFA0, the combining grapheme joiner, Khmer inherent vowels…), line/paragraph
 * separators, private-use, unpaired surrogates and unassigned code points, plus blanks that are
 * "visible" symbols on paper only: the braille blank, the object replacement and replacement
 * characters.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}\u2800\uFFFC\uFFFD]/u;
/** Emoji and text presentation selectors only pick a glyph style: dropped rather than refused. */
const PRESENTATION_SELECTORS = /[\uFE0E\uFE0F]/gu;
const MARK = /\p{Mn}|\p{Me}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** NFKC, presentation selectors dropped, any run of white space made one space, trimmed. */
export function normaliseNickname(raw: string): string {
  return raw.normalize("NFKC").replace(PRESENTATION_SELECTORS, "").replace(/\s+/gu, " ").trim();
}

function tooManyMarks(nickname: string): boolean {
  let run = 0;
  let afterBase = false;
  for (const char of nickname) {
    if (MARK.test(char)) {
      // A mark with nothing under it sits on whatever the screen shows before the name.
      if (!afterBase || ++run > MAX_MARKS_PER_LETTER) return true;
    } else {
      run = 0;
      afterBase = char !== " ";
    }
  }
  return false;
}

/**
 * The nickname as it will be shown, or why its form can't be used (length, invisible characters,
 * stacked accents, no letter or digit), in words a student understands. Not the word list: see
 * checkNickname, which the server runs on every join.
 */
export function checkNicknameForm(raw: string): NicknameCheck {
  if (raw.length > MAX_RAW_LENGTH) return { ok: false, message: NICKNAME_REFUSALS.tooLong };
  const normalised = raw.normalize("NFKC").replace(PRESENTATION_SELECTORS, "");
  // Before white space is folded: a BOM or a line separator counts as white space there.
  if (INVISIBLE.test(normalised)) {
    return { ok: false, message: NICKNAME_REFUSALS.invisible };
  }
  const nickname = normaliseNickname(normalised);
  if (nickname.length === 0) return { ok: false, message: NICKNAME_REFUSALS.empty };
  if ([...nickname].length > NICKNAME_MAX_LENGTH) return { ok: false, message: NICKNAME_REFUSALS.tooLong };
  if (tooManyMarks(nickname)) return { ok: false, message: NICKNAME_REFUSALS.marks };
  if (!LETTER_OR_DIGIT.test(nickname)) return { ok: false, message: NICKNAME_REFUSALS.noLetter };
  return { ok: true, nickname };
}
