/**
 * The answer options' names and the report's CSV in the teacher's language: the names come from the
 * optionNames catalog (phones, big screen, report, CSV alike) and the CSV's columns from
 * teacherReports.csvColumns. English stays exactly as scripts reading the files expect.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import type en from "@/i18n/messages/en.json";
import { OPTION_STYLES, optionLabel } from "@/components/shared/option-styles";
import { buildGameReport } from "../../../server/reports/build-report";
import { gameReportCsvFiles } from "../../../server/reports/csv";
import { csvWords, ENGLISH_CSV_WORDS, type CsvColumn } from "../../../server/reports/csv-words";
import { parseCsv, scriptedGame } from "../reports/scripted-game";

const root = path.resolve(import.meta.dirname, "../../..");
const catalog = (locale: Locale): typeof en => JSON.parse(readFileSync(path.join(root, "src/i18n/messages", `${locale}.json`), "utf8")) as typeof en;

describe("the answer options' names", () => {
  it("are in every catalog, one for each colour and shape, in English as the code names them", () => {
    for (const locale of LOCALES) {
      const names = catalog(locale).optionNames as Record<string, string>;
      expect(Object.keys(names).sort(), locale).toEqual(OPTION_STYLES.map((style) => style.shape).sort());
    }
    const english = catalog("en").optionNames as Record<string, string>;
    OPTION_STYLES.forEach((style, index) => expect(english[style.shape]).toBe(optionLabel(index).replace(/^./, (first) => first.toUpperCase())));
  });

  it("differ from English in every other language (none was left untranslated)", () => {
    const english = catalog("en").optionNames as Record<string, string>;
    for (const locale of LOCALES.filter((locale) => locale !== "en")) {
      const names = catalog(locale).optionNames as Record<string, string>;
      expect(Object.keys(english).filter((shape) => names[shape] === english[shape]), locale).toEqual([]);
    }
  });
});

describe("the report's CSV in the teacher's language", () => {
  const report = buildGameReport(scriptedGame());

  it("English from the catalog is word for word the files' default words", async () => {
    const fromCatalog = await csvWords("en");
    const columns = Object.keys(catalog("en").teacherReports.csvColumns) as CsvColumn[];
    for (const key of columns) expect(fromCatalog.column(key, { n: 3, name: "X" }), key).toBe(ENGLISH_CSV_WORDS.column(key, { n: 3, name: "X" }));
    const german = await csvWords("de");
    // The catalog's English is the same as the code's (en.json is read for the check, not just the default).
    const englishCatalog = catalog("en").teacherReports.csvColumns as Record<string, string>;
    for (const key of columns) expect(englishCatalog[key]!.replace("{n}", "3").replace("{name}", "X"), key).toBe(ENGLISH_CSV_WORDS.column(key, { n: 3, name: "X" }));
    expect(german.column("rank")).toBe("Rang");
  });

  it("names the columns, the options, yes/no and the labels in Spanish, numbers and the players' words untouched", async () => {
    const [answers, summary] = gameReportCsvFiles(report, await csvWords("es")).map((file) => parseCsv(file.content));
    const [englishAnswers] = gameReportCsvFiles(report).map((file) => parseCsv(file.content));
    expect(answers![0]).toEqual(["Puesto", "Apodo", "Pregunta", "Texto de la pregunta", "Respondida", "Elegida", "Correcta", "Respuesta (s)", "Puntos", "Racha"]);
    const text = answers!.flat().join("\n");
    expect(text).not.toMatch(/\b(Red|Blue|Yellow|Green) (triangle|diamond|circle|square)\b/);
    expect(text).toMatch(/(Triángulo rojo|Rombo azul|Círculo amarillo|Cuadrado verde): /);
    expect(answers!.slice(1).every((row) => ["sí", "no"].includes(row[4]!))).toBe(true);
    // Same rows, same numbers and nicknames as the English file.
    expect(answers!.slice(1).map((row) => [row[0], row[1], row[8]])).toEqual(englishAnswers!.slice(1).map((row) => [row[0], row[1], row[8]]));
    expect(summary![0]).toEqual(["Preguntas"]);
    expect(summary!.flat()).toContain("Fiabilidad");
    expect(summary!.flat().some((cell) => / \(correcta\)$/.test(cell))).toBe(true);
    expect(summary!.flat()).not.toContain("not enough data");
  });
});
