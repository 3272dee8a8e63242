/**
 * Library tags ("year 7", "fractions"): how a typed tag is tidied and when it is refused. Shared by
 * the tag form (which refuses before asking) and the server (which decides).
 */

export const MAX_TAG_LENGTH = 30;
export const MAX_TAGS_PER_QUIZ = 10;

export const TAG_MISSING_MESSAGE = "Type a tag.";
export const TAG_TOO_LONG_MESSAGE = `A tag can be at most ${MAX_TAG_LENGTH} characters.`;
export const TOO_MANY_TAGS_MESSAGE = `A quiz can have at most ${MAX_TAGS_PER_QUIZ} tags. Remove one first.`;

/** The tag as shown: Unicode-normalised, trimmed, runs of spaces made one. */
export function tagLabel(typed: string): string {
  return typed.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** The tag as compared: "Year  7" and "year 7" are one tag. */
export function tagKey(typed: string): string {
  return tagLabel(typed).toLowerCase();
}

/** Why a typed tag can't be used, or null. */
export function tagRefusal(typed: string): string | null {
  const label = tagLabel(typed);
  if (label === "") return TAG_MISSING_MESSAGE;
  if ([...label].length > MAX_TAG_LENGTH) return TAG_TOO_LONG_MESSAGE;
  return null;
}
