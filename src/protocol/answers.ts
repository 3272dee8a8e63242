/**
 * A phone's answer, one shape per kind of question (exactly one of these fields is sent):
 * - choice: single, multiple, true/false and poll: display indexes of the options picked;
 * - order: ordering: every display index, first to last;
 * - text: type answer;
 * - value: slider.
 */
export type AnswerInput = { choice: number[] } | { order: number[] } | { text: string } | { value: number };

/**
 * What the choices column can't hold, as saved with each answer: an order (ORIGINAL option
 * indexes, first to last), a typed text or a slider value.
 */
export type RawAnswer = { order: number[] } | { text: string } | { value: number };

/** Longest typed answer a phone may send (characters). */
export const MAX_TYPED_ANSWER_INPUT = 200;
