import { describe, expect, it } from "vitest";
import { negotiateLocale, pickLocale, textDirection } from "@/i18n/locales";

describe("the language a request gets", () => {
  it("follows the browser's most preferred supported language", () => {
    expect(negotiateLocale("ar-EG,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(negotiateLocale("pt-BR,pt;q=0.9,en-US;q=0.8")).toBe("pt");
    expect(negotiateLocale("de-CH")).toBe("de");
    // Weights, not the order written, decide.
    expect(negotiateLocale("en;q=0.5, fr;q=0.9")).toBe("fr");
    // Unsupported languages are skipped; q=0 means "not this one".
    expect(negotiateLocale("ja-JP,ja;q=0.9,es;q=0.7")).toBe("es");
    expect(negotiateLocale("es;q=0, de;q=0.2")).toBe("de");
  });

  it("is none of ours when the browser asks for none of them", () => {
    expect(negotiateLocale("ja,zh-CN;q=0.8")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
  });

  it("takes the switcher's cookie over the browser, and English when nothing fits", () => {
    expect(pickLocale("fr", "de-DE,de")).toBe("fr");
    expect(pickLocale("klingon", "de-DE,de")).toBe("de");
    expect(pickLocale(undefined, "ja")).toBe("en");
  });

  it("lays Arabic out right to left and the others left to right", () => {
    expect(textDirection("ar")).toBe("rtl");
    for (const locale of ["en", "es", "fr", "de", "pt"] as const) expect(textDirection(locale)).toBe("ltr");
  });
});
