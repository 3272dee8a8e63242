/**
 * The report's readings and labels are worded by the server in English; the teacher's page says each
 * one in the teacher's language by looking the English sentence up (src/components/reports/readings.ts).
 * Every sentence the server can write must be in that table, and the English catalog must say it word
 * for word, or a German teacher would meet an English sentence in the middle of the report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discrimination, distractorReading } from "../../../server/reports/item-analysis";
import { itemRestMeasure, reliabilityMeasure } from "../../../server/reports/readings";
import { LABEL_KEYS, READING_KEYS } from "@/components/reports/readings";

const en = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../src/i18n/messages/en.json"), "utf8")) as {
  teacherReports: { readings: Record<string, string>; labels: Record<string, string> };
};

const tally = (correct: number, size: number) => ({ correct, size });

/** Every reading and label the server's measures give, over values spanning every band. */
function serverWords(): { readings: Set<string>; labels: Set<string> } {
  const measures = [
    ...[null, 0.5, 0.35, 0.25, 0.1, -0.3].map((value) => itemRestMeasure(value)),
    ...[null, 0.95, 0.85, 0.75, 0.65, 0.55, 0.2].flatMap((value) => [
      reliabilityMeasure({ method: "KR-20", value }, { itemCount: 5, playerCount: 10 }),
    ]),
    discrimination(tally(0, 0), tally(0, 0)),
    ...[10, 7, 5, 3, 0].map((topCorrect) => discrimination(tally(topCorrect, 10), tally(2, 10))),
  ];
  const distractors = [
    distractorReading({ picked: 0, pickedTop: 0, pickedBottom: 0 }, tally(0, 5), tally(0, 5)),
    distractorReading({ picked: 2, pickedTop: 1, pickedBottom: 1 }, tally(0, 0), tally(0, 5)),
    distractorReading({ picked: 3, pickedTop: 3, pickedBottom: 0 }, tally(0, 5), tally(0, 5)),
    distractorReading({ picked: 3, pickedTop: 0, pickedBottom: 3 }, tally(0, 5), tally(0, 5)),
    distractorReading({ picked: 4, pickedTop: 2, pickedBottom: 2 }, tally(0, 5), tally(0, 5)),
    distractorReading({ picked: 2, pickedTop: 0, pickedBottom: 0 }, tally(0, 5), tally(0, 5)),
  ];
  return {
    readings: new Set([...measures.map((measure) => measure.reading), ...distractors]),
    labels: new Set(measures.map((measure) => measure.label)),
  };
}

describe("the report's readings in the teacher's language", () => {
  it("has every sentence the server writes in the lookup table", () => {
    const { readings, labels } = serverWords();
    expect([...readings].filter((reading) => !(reading in READING_KEYS))).toEqual([]);
    expect([...labels].filter((label) => !(label in LABEL_KEYS))).toEqual([]);
    expect(readings.size).toBeGreaterThanOrEqual(20);
  });

  it("says each table sentence in English exactly as the server does", () => {
    for (const [sentence, key] of Object.entries(READING_KEYS)) expect(en.teacherReports.readings[key], key).toBe(sentence);
    for (const [label, key] of Object.entries(LABEL_KEYS)) expect(en.teacherReports.labels[key], key).toBe(label);
  });
});
