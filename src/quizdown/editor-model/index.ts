/** The visual editor's model of a quiz: read from quizdown, edited field by field, written back (pure). */
export * from "./types";
export { readEditorQuiz } from "./read";
export { writeEditorQuiz, writeQuestion } from "./write";
export * from "./edit";
export { locateProblems, type EditorField, type LocatedProblems } from "./locate";
export * from "./pictures";
