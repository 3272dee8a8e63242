/** Formatting shared by the Past games page and the game report. */
import { useLocale, useTranslations } from "next-intl";

/** "12 Mar 2025, 14:05" in the teacher's locale. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Milliseconds as seconds with one decimal: 3240 → "3.2 s"; null → "—". */
export function formatSeconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Share of a whole as a rounded percentage (0 when the whole is 0). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** "1 player" / "3 players". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** The discrimination index with two decimals and an ASCII minus: 0.4 → "0.40", -0.25 → "-0.25". */
export function formatIndex(index: number): string {
  return index.toFixed(2);
}

/** A statistic that may be missing: two decimals, or "—" (never "NaN"). */
export function formatMeasure(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(2);
}

/**
 * Dates and seconds in the teacher's language ("12 mars 2025, 14:05", "3,2 s"), from the page's
 * locale; the browser's own time zone, as the formatters above.
 */
export function useReportFormat() {
  const locale = useLocale();
  const t = useTranslations("teacherReports");
  return {
    dateTime: (iso: string | Date) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }),
    date: (iso: string | Date) => new Date(iso).toLocaleDateString(locale, { dateStyle: "medium" }),
    seconds: (ms: number | null | undefined) =>
      ms === null || ms === undefined ? "—" : t("seconds", { value: (ms / 1000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }),
  };
}
