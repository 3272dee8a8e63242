import { useTranslations } from "next-intl";

/**
 * The report's plain-words readings and labels are worded by the server in English (server/reports/
 * readings.ts, item-analysis.ts); each one it can send is said in the teacher's language by its key
 * (teacherReports.readings / .labels). A sentence not listed here is shown as the server wrote it.
 * tests/unit/i18n/teacher-readings.test.ts checks these sentences against the English catalog.
 */
export const READING_KEYS = {
  "Students who did well on the rest of the quiz got this one right far more often: keep it.": "restVeryGood",
  "Students who did well on the rest of the quiz tended to get this one right.": "restGood",
  "Only loosely in step with the rest of the quiz: it could be sharpened.": "restFair",
  "Hardly in step with the rest of the quiz: it may test something else, or be a lucky guess either way.": "restPoor",
  "Students who did worse on the rest of the quiz did better on this one — check the answer key and the wording.": "restNegative",
  "Needs at least 3 players who played every question, a second scored question, and answers that differ (not all right or all wrong).": "restNotEnough",
  "The questions measure the same thing very consistently: the total score ranks students dependably.": "relExcellent",
  "The questions measure the same thing consistently: the total score ranks students well.": "relGood",
  "Consistent enough for a class quiz: the total score is a fair guide, not a verdict.": "relAcceptable",
  "The total score ranks students only roughly. Short quizzes and quizzes mixing topics often land here.": "relQuestionable",
  "The questions don't hang together well: read the total as a rough hint. More questions on one topic raise it.": "relPoor",
  "The total score says little about what students know: the questions may test different things, or some may be flawed — look at those with a low or negative item–rest correlation.": "relUnacceptable",
  "Needs at least 2 scored questions, 3 players who played all of them, and total scores that differ.": "relNotEnough",
  "Tells the strongest students from the weakest very well: keep it.": "dVeryGood",
  "Tells the strongest students from the weakest well.": "dGood",
  "Tells the strongest students from the weakest only somewhat: it could be sharpened.": "dFair",
  "Hardly tells the strongest students from the weakest: fine as a warm-up, otherwise rework the question or its options.": "dPoor",
  "Weaker students got this right more often than the strongest — check the answer key and the wording.": "dNegative",
  "Too few players (of the strongest and of the weakest) answered this question to compare them.": "dNotEnough",
  "Nobody chose it: it isn't drawing anyone.": "distNobody",
  "Too few players to tell whom it drew.": "distTooFew",
  "This distractor fooled the strongest students: check it isn't also right, or the question misleading.": "distFooled",
  "Works as a distractor: it drew mostly weaker students.": "distWorks",
  "Drew strong and weak students alike.": "distAlike",
  "Only students in the middle of the ranking chose it.": "distMiddle",
  "A poll has no right answer, so it is left out of the item analysis.": "poll",
} as const;

export const LABEL_KEYS = {
  "excellent": "excellent",
  "very good": "veryGood",
  "good": "good",
  "acceptable": "acceptable",
  "fair": "fair",
  "questionable": "questionable",
  "poor": "poor",
  "negative": "negative",
  "unacceptable": "unacceptable",
  "not enough data": "notEnoughData",
  "not scored": "notScored",
} as const;

function known<T extends object>(table: T, text: string): text is Extract<keyof T, string> {
  return Object.hasOwn(table, text);
}

/** The server's English reading → the teacher's language. */
export function useReading(): (reading: string) => string {
  const t = useTranslations("teacherReports.readings");
  return (reading) => (known(READING_KEYS, reading) ? t(READING_KEYS[reading]) : reading);
}

/** The server's English label ("good", "not enough data") → the teacher's language. */
export function useMeasureLabel(): (label: string) => string {
  const t = useTranslations("teacherReports.labels");
  return (label) => (known(LABEL_KEYS, label) ? t(LABEL_KEYS[label]) : label);
}
