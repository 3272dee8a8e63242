import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuizdown } from "@/quizdown";
import type { QuizPictures } from "@/quizdown/pictures";
import {
  addQuestion,
  changeKind,
  deleteQuestion,
  duplicateQuestion,
  emptyQuiz,
  locateProblems,
  moveQuestion,
  pictureOf,
  readEditorQuiz,
  textWithoutPicture,
  withPicture,
  updateQuestion,
  updateSetting,
  writeEditorQuiz,
  type EditorQuestion,
  type EditorQuiz,
} from "@/quizdown/editor-model";

/** One question of every kind the game plays, written as README.md shows them (with extras). */
const EVERY_KIND = `---
title: Every kind
# a comment the editor keeps
shuffle_questions: true
timeLimit: 25
---

## Which planet is closest to the sun? {timeLimit=30}

A *body* line.

> Think hot.

- [x] Mercury
    > It is the first planet.
- [ ] Venus

## Which of these are back-office functions?
---
scoring: partial
points: double
---

- [x] Accounting
- [x] IT services
- [ ] Sales

## Pick one, numbered

1. [ ] Zero
2. [x] One

## Put these in order, earliest first

1. Ancient Egypt
2. Roman Empire
3. Middle Ages

## The sun is a star.
---
answer: true
readTime: 2
---

## What is the capital of France?
---
answers: [Paris, "Paris, France"]
---

## What is pi to two decimal places?
---
answer: 3.14
tolerance: 0.01
---

## In which year did people first walk on the moon?
---
min: 1900
max: 2000
step: 1
unit: AD
answer: 1969
tolerance: 2
---

## Which season do you like best?
---
kind: poll
shuffleAnswers: false
points: none
---

- [ ] Summer
- [ ] Winter
`;

/** The fields a teacher edits (not the bookkeeping of where they came from). */
function fields(question: EditorQuestion) {
  const { id: _id, source: _source, origin: _origin, notEditable: _notEditable, ...rest } = question;
  return rest;
}

/** The model with every question marked edited, so the writer writes each one afresh. */
function allEdited(quiz: EditorQuiz): EditorQuiz {
  return { ...quiz, questions: quiz.questions.map((q) => ({ ...q, source: undefined, origin: undefined })) };
}

describe("editor model ↔ quizdown", () => {
  it("reads every kind with its fields", () => {
    const quiz = readEditorQuiz(EVERY_KIND);
    expect(quiz.header.settings).toEqual({ title: "Every kind", timeLimitSec: 25, readTimeSec: null, shuffleQuestions: true, shuffleAnswers: null });
    expect(quiz.questions.map((q) => q.kind)).toEqual(["choice", "choice", "choice", "order", "truefalse", "typed", "typed", "slider", "poll"]);
    expect(quiz.questions.every((q) => q.notEditable === undefined)).toBe(true);
    const [closest, backOffice, numbered, order, sun, capital, pi, moon, season] = quiz.questions;
    expect(closest).toMatchObject({ prompt: "Which planet is closest to the sun?", body: "A *body* line.", hint: "Think hot.", timeLimitSec: 30 });
    expect(closest!.options).toEqual([
      { text: "Mercury", correct: true, explanation: "It is the first planet." },
      { text: "Venus", correct: false, explanation: "" },
    ]);
    expect(backOffice).toMatchObject({ scoring: "partial", points: "double" });
    expect(numbered!.numbered).toBe(true);
    expect(order!.options.map((o) => o.text)).toEqual(["Ancient Egypt", "Roman Empire", "Middle Ages"]);
    expect(sun).toMatchObject({ answer: true, readTimeSec: 2 });
    expect(capital!.accepted).toEqual(["Paris", "Paris, France"]);
    expect(pi).toMatchObject({ accepted: ["3.14"], typedTolerance: 0.01 });
    expect(moon!.slider).toEqual({ min: 1900, max: 2000, step: 1, unit: "AD", answer: 1969, tolerance: 2 });
    expect(season).toMatchObject({ kind: "poll", shuffleAnswers: false, points: "none" });
  });

  it("writes an untouched file back byte for byte (LF, CRLF, no final newline, BOM, text before the questions)", () => {
    const samples = [
      EVERY_KIND,
      EVERY_KIND.replace(/\n/g, "\r\n"),
      EVERY_KIND.trimEnd(),
      `\uFEFF${EVERY_KIND}`,
      "Some notes first.\n\n## Q?\n\n- [x] A\n- [ ] B",
      readFileSync(path.join("content", "back-office.md"), "utf8"),
      "",
      "---\ntitle: Only settings\n---\n",
    ];
    for (const sample of samples) expect(writeEditorQuiz(readEditorQuiz(sample))).toBe(sample);
  });

  it("parse(write(model)) equals the model, for every kind", () => {
    const quiz = readEditorQuiz(EVERY_KIND);
    const written = writeEditorQuiz(allEdited(quiz));
    expect(parseQuizdown(written).ok).toBe(true);
    const again = readEditorQuiz(written);
    expect(again.questions.map(fields)).toEqual(quiz.questions.map(fields));
    expect(again.header.settings).toEqual(quiz.header.settings);
    // The game reads the rewritten quiz exactly as the original.
    const game = (source: string) => {
      const result = parseQuizdown(source);
      if (!result.ok) throw new Error("not ok");
      return result.quiz.questions.map(({ line: _line, ...question }) => question);
    };
    expect(game(written)).toEqual(game(EVERY_KIND));
  });

  it("an edit changes only its question's lines", () => {
    const quiz = readEditorQuiz(EVERY_KIND);
    const sun = quiz.questions[4]!;
    const written = writeEditorQuiz(updateQuestion(quiz, sun.id, { answer: false }));
    const before = EVERY_KIND.split("\n");
    const after = written.split("\n");
    expect(after.length).toBe(before.length + 1); // the rewritten block says its kind
    const changed = after.filter((line, i) => line !== before[i]);
    expect(written.replace("kind: truefalse\nanswer: false", "answer: true")).toBe(EVERY_KIND);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("adds, duplicates, moves and deletes questions, keeping the others' text", () => {
    let quiz = readEditorQuiz("## One?\n\n- [x] A\n- [ ] B\n\n## Two?\n---\nanswer: false\n---");
    quiz = duplicateQuestion(quiz, quiz.questions[1]!.id);
    quiz = moveQuestion(quiz, quiz.questions[2]!.id, -2);
    quiz = addQuestion(quiz, "slider");
    quiz = updateQuestion(quiz, quiz.questions[3]!.id, { prompt: "How many?" });
    quiz = deleteQuestion(quiz, quiz.questions[1]!.id);
    expect(writeEditorQuiz(quiz)).toBe("## Two?\n---\nanswer: false\n---\n\n## Two?\n---\nanswer: false\n---\n\n## How many?\n---\nkind: slider\nmin: 0\nmax: 100\nanswer: 50\n---\n");
    expect(moveQuestion(quiz, quiz.questions[0]!.id, -1)).toBe(quiz);
  });

  it("builds a quiz from nothing that the game plays", () => {
    let quiz = updateSetting(emptyQuiz(), "title", "Planets: a quiz");
    quiz = addQuestion(addQuestion(addQuestion(quiz, "choice"), "truefalse"), "typed");
    const [choice, truefalse, typed] = quiz.questions;
    quiz = updateQuestion(quiz, choice!.id, { prompt: "Largest planet?", options: [{ text: "Jupiter", correct: true, explanation: "" }, { text: "Mars", correct: false, explanation: "Too small." }] });
    quiz = updateQuestion(quiz, truefalse!.id, { prompt: "Pluto is a planet.", answer: false });
    quiz = updateQuestion(quiz, typed!.id, { prompt: "Closest star?", accepted: ["The Sun", "Sun: ours"] });
    const text = writeEditorQuiz(quiz);
    const result = parseQuizdown(text);
    expect(result.ok && result.quiz.title).toBe("Planets: a quiz");
    expect(result.ok && result.quiz.questions.map((q) => q.kind)).toEqual(["single", "truefalse", "typed"]);
    expect(result.ok && result.quiz.questions[2]!.typed?.accepted).toEqual(["The Sun", "Sun: ours"]);
  });

  it("changes settings in place, keeping comments and the other settings", () => {
    const quiz = readEditorQuiz(EVERY_KIND);
    const text = writeEditorQuiz(updateSetting(updateSetting(quiz, "shuffleQuestions", false), "readTimeSec", 3));
    expect(text.startsWith("---\ntitle: Every kind\n# a comment the editor keeps\nshuffle_questions: false\ntimeLimit: 25\nreadTime: 3\n---\n\n## Which planet")).toBe(true);
    expect(writeEditorQuiz(updateSetting(readEditorQuiz("---\ntitle: X\n---\n\n## Q?\n- [x] a\n- [ ] b\n"), "title", ""))).toBe("## Q?\n- [x] a\n- [ ] b\n");
  });

  it("changing a kind keeps what fits", () => {
    let quiz = readEditorQuiz("## Pick\n\n- [x] A\n- [ ] B\n");
    const id = quiz.questions[0]!.id;
    quiz = changeKind(quiz, id, "order");
    expect(writeEditorQuiz(quiz)).toBe("## Pick\n---\nkind: ordering\n---\n\n1. A\n2. B\n");
    quiz = changeKind(quiz, id, "slider");
    expect(quiz.questions[0]!.slider).toMatchObject({ min: 0, max: 100, answer: 50 });
    expect(parseQuizdown(writeEditorQuiz(quiz)).ok).toBe(true);
  });

  it("leaves to the Text tab what it can't rewrite without loss", () => {
    const quiz = readEditorQuiz("## Hotspot\n---\nkind: hotspot\n---\n\n## Long option\n\n- [x] first line\n  continued\n- [ ] b\n\n## Fine\n\n- [x] a\n- [ ] b\n");
    expect(quiz.questions.map((q) => q.notEditable)).toEqual(["unknownKind", "notRepresentable", undefined]);
    const id = quiz.questions[0]!.id;
    expect(updateQuestion(quiz, id, { prompt: "changed" }).questions[0]!.prompt).toBe("Hotspot");
  });

  it("body lines that would start a question or the options are written escaped", () => {
    let quiz = addQuestion(emptyQuiz(), "choice");
    quiz = updateQuestion(quiz, quiz.questions[0]!.id, { prompt: "Q", body: "## not a question\n- [x] not an option", options: [{ text: "a", correct: true, explanation: "" }, { text: "b", correct: false, explanation: "" }] });
    const result = parseQuizdown(writeEditorQuiz(quiz));
    expect(result.ok && result.quiz.questions.length).toBe(1);
    expect(result.ok && result.quiz.questions[0]!.options.map((o) => o.markdown)).toEqual(["a", "b"]);
  });

  it("places each problem beside its field", () => {
    const source = "---\ntimeLimit: 1\n---\n\n## \n\n- [ ] a\n- [ ] \n\n## Moon\n---\nmin: 10\nmax: 5\nanswer: 7\n---\n\n## Capital\n---\nkind: typed\n---\n";
    const result = parseQuizdown(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const located = locateProblems(source, result.errors);
    expect(located.quiz.map((p) => p.code)).toEqual(["settingSeconds"]);
    expect(Object.keys(located.questions[0]!).sort()).toEqual(["option:1", "options", "prompt"]);
    expect(Object.keys(located.questions[1]!)).toEqual(["max"]);
    expect(Object.keys(located.questions[2]!)).toEqual(["accepted"]);
  });
});

describe("editor model: pictures chosen for a question or an option", () => {
  const PICTURES: QuizPictures = { "robin.jpg": { name: "robin.jpg", hash: "a".repeat(64), width: 640, height: 480 } };
  const ROBIN = { name: "robin.jpg", alt: "A robin [red] on a \\ branch" };

  it("writes a question's picture as the first line of its body, and reads it back apart from the body's text", () => {
    let quiz = addQuestion(emptyQuiz(), "choice");
    const id = quiz.questions[0]!.id;
    quiz = updateQuestion(quiz, id, { prompt: "Which bird?", body: withPicture("Seen in winter.", ROBIN, "body"), options: [{ text: "Robin", correct: true, explanation: "" }, { text: "Crow", correct: false, explanation: "" }] });
    const text = writeEditorQuiz(quiz);
    expect(text).toContain("\n![A robin \\[red\\] on a \\\\ branch](picture:robin.jpg)\n\nSeen in winter.\n");
    const result = parseQuizdown(text, { pictures: PICTURES });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.quiz.questions[0]!.bodyHtml).toContain('alt="A robin [red] on a \\ branch"');
    expect(readEditorQuiz(text).questions[0]!.notEditable).toBeUndefined();
    const body = readEditorQuiz(text).questions[0]!.body;
    expect(pictureOf(body, "body")).toEqual(ROBIN);
    expect(textWithoutPicture(body, "body")).toBe("Seen in winter.");
    // Taking the picture away leaves the text; an empty body with a picture is the picture alone.
    expect(withPicture(textWithoutPicture(body, "body"), null, "body")).toBe("Seen in winter.");
    expect(withPicture("", ROBIN, "body")).toBe("![A robin \\[red\\] on a \\\\ branch](picture:robin.jpg)");
  });

  it("writes an option's picture at the start of its line, which the game shows in that option", () => {
    let quiz = addQuestion(emptyQuiz(), "choice");
    const id = quiz.questions[0]!.id;
    const robin = { name: "robin.jpg", alt: "A robin" };
    quiz = updateQuestion(quiz, id, { prompt: "Which is a robin?", options: [{ text: withPicture("This one", robin, "option"), correct: true, explanation: "" }, { text: "Crow", correct: false, explanation: "" }] });
    const result = parseQuizdown(writeEditorQuiz(quiz), { pictures: PICTURES });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.quiz.questions[0]!.options[0]!.html).toContain('alt="A robin"');
    expect(result.quiz.questions[0]!.options[0]!.html).toContain("This one");
    expect(readEditorQuiz(writeEditorQuiz(quiz)).questions[0]!.notEditable).toBeUndefined();
    const option = readEditorQuiz(writeEditorQuiz(quiz)).questions[0]!.options[0]!.text;
    expect(pictureOf(option, "option")).toEqual(robin);
    expect(textWithoutPicture(option, "option")).toBe("This one");
    expect(withPicture("", robin, "option")).toBe("![A robin](picture:robin.jpg)");
  });

  it("keeps alt text as typed, so typing a space between words is not lost", () => {
    const typing = withPicture("Text", { name: "robin.jpg", alt: "A robin " }, "body");
    expect(pictureOf(typing, "body")).toEqual({ name: "robin.jpg", alt: "A robin " });
  });

  it("leaves a picture written elsewhere in the text to the text field", () => {
    expect(pictureOf("Look: ![A robin](picture:robin.jpg)", "body")).toBeNull();
    expect(pictureOf("![A robin](picture:robin.jpg) on the same line", "body")).toBeNull();
    expect(pictureOf("![A robin](picture:robin.jpg)Robin", "option")).toBeNull();
    expect(textWithoutPicture("Look: ![A robin](picture:robin.jpg)", "body")).toBe("Look: ![A robin](picture:robin.jpg)");
  });

  it("a picture chosen without alt text is refused by the checker", () => {
    let quiz = addQuestion(emptyQuiz(), "choice");
    quiz = updateQuestion(quiz, quiz.questions[0]!.id, { prompt: "Q", body: withPicture("", { name: "robin.jpg", alt: "" }, "body"), options: [{ text: "a", correct: true, explanation: "" }, { text: "b", correct: false, explanation: "" }] });
    const result = parseQuizdown(writeEditorQuiz(quiz), { pictures: PICTURES });
    expect(!result.ok && result.errors.map((error) => error.code)).toEqual(["pictureNoAlt"]);
  });
});
