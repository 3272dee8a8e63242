import { describe, expect, it } from "vitest";
import { remainingCharacters, toggleSign, typedSubmission } from "@/components/player/answers/typed-text";

describe("typed answers", () => {
  it("sends the text without surrounding spaces, and nothing when only spaces were typed", () => {
    expect(typedSubmission("  Paris ")).toBe("Paris");
    expect(typedSubmission("   ")).toBeNull();
    expect(typedSubmission("")).toBeNull();
  });

  it("counts the characters left as the input's maxlength does", () => {
    expect(remainingCharacters("Paris", 40)).toBe(35);
    expect(remainingCharacters("🌊", 40)).toBe(38);
    expect(remainingCharacters("x".repeat(45), 40)).toBe(0);
  });

  it("flips a number's sign for phones whose number pad has no minus key", () => {
    expect(toggleSign("12.5")).toBe("-12.5");
    expect(toggleSign("-12.5")).toBe("12.5");
    expect(toggleSign("+3")).toBe("-3");
    expect(toggleSign("")).toBe("-");
    expect(toggleSign("-")).toBe("");
  });
});
