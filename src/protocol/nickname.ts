/**
 * What a nickname may be. The phone checks its form before sending (nickname-form.ts, kept free of
 * imports so the phone's page stays light); the server checks all of it, word list included.
 *
 * A nickname is shown on the big screen to the whole class, so it must be visible, readable and
 * polite: NFKC-normalised (full-width and styled letters become plain ones), no invisible or
 * control characters, no stacks of accent marks, at least one letter or digit, and no profanity
 * (obscenity's English word list: the UI ships in English only today).
 * Lookalikes of a name already in the game are refused by the engine (see nickname-skeleton.ts).
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import { checkNicknameForm, NICKNAME_REFUSALS, type NicknameCheck } from "./nickname-form";

export { MAX_MARKS_PER_LETTER, NICKNAME_MAX_LENGTH, normaliseNickname, type NicknameCheck } from "./nickname-form";

let profanity: RegExpMatcher | null = null;
function profanityMatcher(): RegExpMatcher {
  profanity ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return profanity;
}

/** The nickname as it will be shown, or why it can't be used, in words a student understands. */
export function checkNickname(raw: string): NicknameCheck {
  const checked = checkNicknameForm(raw);
  if (!checked.ok) return checked;
  if (profanityMatcher().hasMatch(checked.nickname)) return { ok: false, message: NICKNAME_REFUSALS.notAllowed };
  return checked;
}
