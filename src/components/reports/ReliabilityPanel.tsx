import { MeasureLabel } from "./MeasureLabel";
import { formatMeasure } from "./format";
import type { Report } from "./types";

/** The whole quiz's reliability (KR-20 or Cronbach's alpha) with its plain reading. */
export function ReliabilityPanel({ reliability }: { reliability: Report["reliability"] }) {
  const name = reliability.method === "KR-20" ? "KR-20" : "Cronbach's alpha";
  return (
    <section
      data-testid="report-reliability"
      aria-labelledby="reliability-title"
      className="flex flex-col gap-1 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id="reliability-title" className="font-bold text-slate-800">
        Reliability of the whole quiz
      </h3>
      <p className="flex flex-wrap items-center gap-2">
        <span>
          {name} <span className="text-lg font-black tabular-nums">{formatMeasure(reliability.value)}</span>
        </span>
        <MeasureLabel label={reliability.label} />
      </p>
      <p className="text-slate-700">{reliability.reading}</p>
      <p className="text-sm text-slate-600">
        From {reliability.itemCount} scored {reliability.itemCount === 1 ? "question" : "questions"} and the {reliability.playerCount}{" "}
        {reliability.playerCount === 1 ? "player" : "players"} who played every one of them
        {reliability.method === "KR-20" ? " (every answer right or wrong: KR-20)" : " (some answers earned partial credit: Cronbach's alpha)"}.
      </p>
    </section>
  );
}
