/**
 * How a typed answer is compared with the accepted ones (documented in the README):
 * case, accents, punctuation and spacing don't matter; numbers compare as numbers.
 */

/** "  Zürich, CH! " → "zurich ch"; "Don't" → "dont". */
export function normaliseTypedAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents, once split from their letters
    .toLowerCase()
    .replace(/['’ʼ`´]/g, "") // apostrophes join the word: "don't" = "dont"
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "3.5", "3,5", " -1 000 " → a number; anything else → null. */
export function readTypedNumber(text: string): number | null {
  let compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  compact = compact.replace(",", ".");
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** Whether a typed text matches one of the accepted answers. */
export function matchesTypedAnswer(text: string, accepted: readonly string[], tolerance?: number): boolean {
  const numbers = accepted.map(readTypedNumber);
  if (numbers.length > 0 && numbers.every((n) => n !== null)) {
    const typed = readTypedNumber(text);
    if (typed !== null) {
      // A hair of slack so 0.1 + 0.2-style float error never decides a mark.
      const slack = (tolerance ?? 0) + 1e-9;
      return numbers.some((n) => Math.abs(typed - n!) <= slack);
    }
  }
  const normalised = normaliseTypedAnswer(text);
  if (normalised === "") return false;
  return accepted.some((answer) => normaliseTypedAnswer(answer) === normalised);
}
