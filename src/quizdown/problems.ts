/**
 * Every problem the quiz checker can report has a stable code and the values its words need, so a
 * teacher's screen can say it in its own language (the `checker` namespace of the message catalogs).
 * The English `message` stays on each problem for the command line and the server's logs. Quiz text
 * inside a problem (a prompt, a setting's name, an option) travels as a value and is shown as written.
 */
export const PROBLEM_CODES = [
  // The whole file
  "missingText",
  "unreadable",
  "misplacedSettings",
  "noQuestions",
  "textBeforeQuestions",
  "tooFewQuestions",
  "unclosedCode",
  "unsafeHtml",
  "unreadableMaths",
  "pictureNoAlt",
  "pictureNotAdded",
  // Settings blocks (the top of the file, a question's own block)
  "frontMatterUnclosed",
  "yamlInvalid",
  "yamlNotMap",
  "unknownSetting",
  "repeatedSetting",
  "settingBoolean",
  "settingText",
  "settingNoColour",
  "settingColour",
  "settingSeconds",
  "settingPositive",
  "textColourContrast",
  "questionSettingNotAllowed",
  // Headings
  "headingAttributesUnreadable",
  "headingUnknownSetting",
  "headingNoText",
  // Options
  "noOptionsUnboxed",
  "noOptions",
  "optionNoText",
  "tooFewOptions",
  "tooManyOptions",
  "pollCorrectIgnored",
  "noCorrectOption",
  "numberedSeveralCorrect",
  "duplicateOption",
  "optionWithoutBox",
  "orderWithBox",
  "mixedOptionStyles",
  "strayQuote",
  "strayText",
  "strayTextNumbered",
  // Kinds of question
  "unknownKind",
  "kindNeedsBoxes",
  "orderNeedsNumbers",
  "pollNeedsBoxes",
  "kindHasNoOptions",
  "kindNotAName",
  "pointsValue",
  "pollPointsIgnored",
  "scoringValue",
  "scoringIgnored",
  "trueFalseAnswer",
  "typedAnswerNotText",
  "typedAnswerTooLong",
  "typedAnswerMissing",
  "typedTooManyAnswers",
  "toleranceValue",
  "toleranceIgnored",
  "sliderMissingAnswer",
  "sliderMissingNumber",
  "sliderNotNumber",
  "sliderMaxNotMoreThanMin",
  "sliderStep",
  "sliderTooManySteps",
  "sliderAnswerOutside",
  "sliderAnswerOffStep",
  "sliderTolerance",
  "sliderUnit",
  "settingNotForKind",
  // Size limits
  "lineTooLong",
  "fileTooBig",
  "listTooLong",
  "nestedTooDeep",
  "tableTooLong",
  "tableTooWide",
  "tooManyLinkDefinitions",
  "paragraphTooLong",
  "tooManyQuestions",
  "nulCharacter",
  "controlCharacter",
  "halfCharacter",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The values a problem's words need: numbers, and quiz text exactly as written. */
export type ProblemParams = Record<string, string | number>;

/** What a problem says, without its line: its code and values, and its English words. */
export interface ProblemText {
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

/**
 * How problems name a question: `Question "Which function is…" (line 12)`, or `Question 3 (line 12)`
 * without text. `params` carry the same in parts: the shortened prompt ("" when none), its number and line.
 */
export interface QuestionLabel {
  text: string;
  params: { prompt: string; number: number; questionLine: number };
}

/** A value a setting was given, as problems name it: `"abc"`, 12, empty, a list… */
export function shownValue(value: unknown): { value: string; valueKind: "empty" | "list" | "group" | "value" } {
  if (value === null || value === undefined) return { value: "", valueKind: "empty" };
  if (typeof value === "string") return { value: `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`, valueKind: "value" };
  if (typeof value === "number" || typeof value === "boolean") return { value: String(value), valueKind: "value" };
  if (Array.isArray(value)) return { value: "", valueKind: "list" };
  return { value: "", valueKind: "group" };
}
