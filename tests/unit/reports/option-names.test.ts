import { describe, expect, it } from "vitest";
import { buildGameReport } from "../../../server/reports/build-report";
import { chosenOptions, inShownOrder, namedOption, optionLetter, optionName, shownPlace } from "../../../server/reports/option-names";
import { scriptedGame } from "./scripted-game";

describe("naming an option as the class saw it", () => {
  // Shown as Nice (red triangle), Paris (blue diamond), Lyon (yellow circle); the file says Paris, Lyon, Nice.
  const optionOrder = [2, 0, 1];

  it("finds where each quiz-file option was shown from the round's saved display order", () => {
    expect([0, 1, 2].map((index) => shownPlace(optionOrder, index))).toEqual([1, 2, 0]);
    expect(shownPlace(optionOrder, 3)).toBeNull();
    expect(shownPlace(undefined, 0)).toBeNull();
    expect(shownPlace(null, 0)).toBeNull();
  });

  it("names an option by its colour and shape, or by its file letter when no order was saved", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((shown) => optionName(shown, 0))).toEqual([
      "Red triangle",
      "Blue diamond",
      "Yellow circle",
      "Green square",
      "Purple star",
      "Orange hexagon",
      "Teal heart",
      "Pink cross",
    ]);
    expect(optionName(null, 1)).toBe("B");
    expect([0, 25, 26, 27].map(optionLetter)).toEqual(["A", "Z", "AA", "AB"]);
    expect(namedOption({ shown: 1, text: "Paris" }, 0)).toBe("Blue diamond: Paris");
    expect(namedOption({ shown: null, text: "Paris" }, 0)).toBe("A: Paris");
  });

  it("puts options and a player's choices in the order the class saw them, keeping their file position", () => {
    const options = ["Paris", "Lyon", "Nice"].map((text, index) => ({ index, text, shown: shownPlace(optionOrder, index) }));
    expect(inShownOrder(options).map(({ option, position }) => [option.text, position])).toEqual([
      ["Nice", 2],
      ["Paris", 0],
      ["Lyon", 1],
    ]);
    // Choices are saved as quiz-file indexes, sorted: [0, 2] = Paris and Nice.
    expect(chosenOptions(options, [0, 2]).map(({ option, position }) => namedOption(option, position))).toEqual(["Red triangle: Nice", "Blue diamond: Paris"]);
    const unsaved = options.map((option) => ({ ...option, shown: null }));
    expect(chosenOptions(unsaved, [2, 0]).map(({ option, position }) => namedOption(option, position))).toEqual(["A: Paris", "C: Nice"]);
  });

  it("gives the report's options the places the phones showed them", () => {
    const report = buildGameReport(scriptedGame());
    expect(report.questions[0]!.options.map((option) => namedOption(option, option.index))).toEqual(["Blue diamond: Paris", "Yellow circle: Lyon", "Red triangle: Nice"]);
  });
});
