/** Pure rules for a typed answer. Matching (case, accents, spacing) is the server's job, not the phone's. */

/** What is sent: the text without surrounding spaces, or null when nothing was typed. */
export function typedSubmission(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** Characters left, counted as the browser's maxlength counts them (UTF-16 code units). */
export function remainingCharacters(text: string, maxLength: number): number {
  return Math.max(0, maxLength - text.length);
}

/**
 * Flips a number's sign. Phone number pads (iOS's decimal pad) have no minus key, so numeric
 * answers get a ± button that calls this.
 */
export function toggleSign(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("-") || trimmed.startsWith("\u2212")) return trimmed.slice(1);
  if (trimmed.startsWith("+")) return `-${trimmed.slice(1)}`;
  return `-${trimmed}`;
}
