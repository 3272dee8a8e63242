import { describe, expect, it } from "vitest";
import { answerRequestSchema } from "@/protocol";

const answerId = "7f6c2d1e-8f7a-4b1c-9d2e-3a4b5c6d7e8f";

function refusal(payload: unknown): string | null {
  const parsed = answerRequestSchema.safeParse(payload);
  return parsed.success ? null : parsed.error.issues[0]!.message;
}

describe("the answer a phone sends, one shape per kind", () => {
  it("accepts each kind's shape", () => {
    for (const shape of [{ choice: [1] }, { order: [2, 0, 1] }, { text: "Paris" }, { value: 1969 }]) {
      expect(refusal({ answerId, questionIndex: 0, ...shape })).toBeNull();
    }
  });

  it("refuses a malformed answer in plain words", () => {
    expect(refusal({ answerId, questionIndex: 0 })).toBe("That answer couldn't be read. Please answer again.");
    expect(refusal({ answerId, questionIndex: 0, choice: [1], text: "x" })).toBe("That answer couldn't be read. Please answer again.");
    expect(refusal({ answerId, questionIndex: 0, order: [0, 9] })).toBe("Put every item in order, each one once.");
    expect(refusal({ answerId, questionIndex: 0, order: "0,1" })).toBe("Put every item in order, each one once.");
    expect(refusal({ answerId, questionIndex: 0, text: 42 })).toBe("Type your answer as text.");
    expect(refusal({ answerId, questionIndex: 0, text: "x".repeat(201) })).toMatch(/too long/);
    expect(refusal({ answerId, questionIndex: 0, value: "12" })).toBe("Pick a value on the slider.");
    expect(refusal({ answerId, questionIndex: 0, value: Number.POSITIVE_INFINITY })).toBe("Pick a value on the slider.");
  });
});
