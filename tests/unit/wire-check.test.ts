import { describe, expect, it } from "vitest";
import { findAnswerLeaks } from "../support/wire-check";

// The wire test is only as good as this checker: prove it catches each kind of leak.
const question = (index: number, options: object[] | null) => ({ index, total: 3, kind: "single", promptHtml: "Q", bodyHtml: "", options, timeLimitMs: 20000 });
const roomView = (phase: string, extra: object = {}) => ({ type: 2, nsp: "/", data: ["game:room", { phase, ...extra }] });

describe("findAnswerLeaks", () => {
  it("accepts a clean sequence: question, reveal, then the personal result", () => {
    const packets = [
      roomView("answering", { question: question(0, [{ html: "A" }, { html: "B" }]), reveal: null }),
      roomView("reveal", { question: question(0, [{ html: "A" }, { html: "B" }]), reveal: { questionIndex: 0, correct: [1], counts: [0, 1], explanations: [{ option: 1, html: "because B" }] } }),
      { type: 2, nsp: "/", data: ["player:personal", { lastRound: { questionIndex: 0, correct: true, points: 900 } }] },
    ];
    expect(findAnswerLeaks(packets, new Map([[0, ["because B"]]]))).toEqual([]);
  });

  it("catches an option that says it is correct", () => {
    const packets = [roomView("answering", { question: question(0, [{ html: "A", correct: false }, { html: "B", correct: true }]) })];
    expect(findAnswerLeaks(packets).join("\n")).toMatch(/option carries more than its text/);
  });

  it("catches a personal result sent before the reveal", () => {
    const packets = [{ type: 3, nsp: "/", id: 4, data: [{ ok: true, lastRound: { questionIndex: 0, correct: true } }] }];
    expect(findAnswerLeaks(packets).join("\n")).toMatch(/question 1 is correct, before its reveal/);
  });

  it("catches a list of correct options outside a reveal", () => {
    const packets = [roomView("answering", { hint: { questionIndex: 0, correct: [2] } })];
    expect(findAnswerLeaks(packets).join("\n")).toMatch(/correct options outside a reveal/);
  });

  it("catches an explanation sent early, in any field", () => {
    const packets = [roomView("answering", { question: { ...question(0, [{ html: "A" }]), bodyHtml: "<p>because B</p>" } })];
    expect(findAnswerLeaks(packets, new Map([[0, ["because B"]]])).join("\n")).toMatch(/explanation of question 1 before its reveal/);
  });

  it("catches commentHtml anywhere", () => {
    const packets = [roomView("question-read", { question: question(0, null), extra: { commentHtml: "x" } })];
    expect(findAnswerLeaks(packets).join("\n")).toMatch(/commentHtml/);
  });

  it("catches an ordering question shown in its right order", () => {
    const packets = [roomView("answering", { question: { ...question(0, [{ html: "one" }, { html: "two" }]), kind: "order" } })];
    expect(findAnswerLeaks(packets, new Map(), new Map([[0, { orderHtml: ["one", "two"] }]])).join("\n")).toMatch(/shown in its right order/);
    const shuffled = [roomView("answering", { question: { ...question(0, [{ html: "two" }, { html: "one" }]), kind: "order" } })];
    expect(findAnswerLeaks(shuffled, new Map(), new Map([[0, { orderHtml: ["one", "two"] }]]))).toEqual([]);
  });

  it("catches accepted answers, a slider's value and other players' typed answers sent early", () => {
    const typed = [roomView("answering", { question: { ...question(0, []), kind: "typed", bodyHtml: "Paris" } })];
    expect(findAnswerLeaks(typed, new Map(), new Map([[0, { texts: ["Paris"] }]])).join("\n")).toMatch(/accepted answer of question 1 before its reveal/);
    expect(findAnswerLeaks([roomView("answering", { question: { ...question(0, []), accepted: ["x"] } })]).join("\n")).toMatch(/accepted answers outside a reveal/);
    expect(findAnswerLeaks([roomView("answering", { question: { ...question(0, []), slider: { min: 0, max: 9, step: 1, correct: 4 } } })]).join("\n")).toMatch(/slider's right value/);
    expect(findAnswerLeaks([roomView("reveal", { wrongAnswers: [{ text: "rude", count: 1 }] })]).join("\n")).toMatch(/typed answers were sent to a phone/);
    const revealed = [roomView("reveal", { reveal: { questionIndex: 0, correct: [], counts: [], accepted: ["Paris"], slider: { min: 0, max: 9, step: 1, correct: 4, tolerance: 0 } } })];
    expect(findAnswerLeaks(revealed, new Map(), new Map([[0, { texts: ["Paris"] }]]))).toEqual([]);
  });
});
