/**
 * When two nicknames count as the same name: when they look alike on the big screen.
 *
 * Based on the skeleton of Unicode TR39 (Security Mechanisms): NFD, each character replaced by
 * its prototype from the confusables table (the `unhomoglyph` package ships Unicode's
 * confusables.txt), NFD again. On top of that, for a class's leaderboard, case and accents don't
 * make a different name either ("BOB", "Bób" and "Bob" are one name).
 *
 * Case folding and the confusables table don't commute ("I" is a lookalike of "l", but lower-cased
 * it is "i"), so a name has up to two keys: the skeleton of its lower-case form, and the lower-case
 * of its skeleton. Two names clash when they share a key. Server-only in practice: the table is
 * ~100 KB, so the phone's bundle doesn't import this module.
 */
import unhomoglyph from "unhomoglyph";

const MARKS = /[\p{Mn}\p{Me}]/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

function skeleton(text: string): string {
  return unhomoglyph(text.normalize("NFD").replace(IGNORABLE, "")).normalize("NFD");
}

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(MARKS, "");
}

/** The keys under which a (checked, normalised) nickname is taken; the first is its main one. */
export function nicknameKeys(nickname: string): string[] {
  const plain = withoutAccents(nickname.normalize("NFKC"));
  const lowerFirst = withoutAccents(skeleton(plain.toLowerCase()));
  const skeletonFirst = withoutAccents(skeleton(plain)).toLowerCase();
  return lowerFirst === skeletonFirst ? [lowerFirst] : [lowerFirst, skeletonFirst];
}
