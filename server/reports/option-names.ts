/**
 * How the report names an option: by the colour and shape the class saw on the phones and the big
 * screen (the round's saved display order), never by its place in the quiz file. One module for the
 * report pages and the CSV export, so both always name an option alike.
 */
import { optionLabel } from "../../src/components/shared/option-styles";

/**
 * Where the class saw the option at quiz-file index `index`: its display place (0 = red triangle,
 * 1 = blue diamond, …, see src/components/shared/option-styles.ts), from the round's saved
 * `optionOrder` (optionOrder[displayIndex] = quiz-file index). Null when the round saved no order.
 */
export function shownPlace(optionOrder: readonly number[] | null | undefined, index: number): number | null {
  const place = optionOrder?.indexOf(index) ?? -1;
  return place >= 0 ? place : null;
}

/** Option letters A, B, C… (AA after Z, which no quiz reaches): only for a game that saved no display order. */
export function optionLetter(position: number): string {
  return position < 26 ? String.fromCharCode(65 + position) : `${optionLetter(Math.floor(position / 26) - 1)}${optionLetter(position % 26)}`;
}

/** The option's name in words: "Red triangle" (what the class saw), or "A" (its file position) when that wasn't saved. */
export function optionName(shown: number | null, position: number): string {
  return shown === null ? optionLetter(position) : optionLabel(shown).replace(/^./, (first) => first.toUpperCase());
}

/** "Red triangle: Paris": the option's name (in the CSV's language) and its text, as the CSV writes it. */
export function namedOption(
  option: { shown: number | null; text: string },
  position: number,
  name: (displayIndex: number) => string = (shown) => optionName(shown, position),
): string {
  return `${option.shown === null ? optionLetter(position) : name(option.shown)}: ${option.text}`;
}

/** The options in the order the class saw them (file order when that wasn't saved), with their file position. */
export function inShownOrder<T extends { shown: number | null }>(options: readonly T[]): Array<{ option: T; position: number }> {
  return options
    .map((option, position) => ({ option, position }))
    .sort((a, b) => (a.option.shown ?? a.position) - (b.option.shown ?? b.position));
}

/** The options a player chose (quiz-file indexes, as answers are saved), in the order the class saw them. */
export function chosenOptions<T extends { index: number; shown: number | null }>(options: readonly T[], choices: readonly number[]): Array<{ option: T; position: number }> {
  return inShownOrder(options).filter(({ option }) => choices.includes(option.index));
}
