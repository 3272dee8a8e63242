import { DistractorBars } from "./DistractorBars";
import { formatIndex, percentOf } from "./format";
import type { ReportQuestionData } from "./types";

const LABEL_STYLES: Record<string, string> = {
  "very good": "bg-green-100 text-green-900 ring-green-300",
  good: "bg-green-50 text-green-900 ring-green-200",
  fair: "bg-amber-100 text-amber-900 ring-amber-300",
  poor: "bg-orange-100 text-orange-900 ring-orange-300",
  negative: "bg-red-100 text-red-900 ring-red-300",
};

/** Item analysis of one question: the discrimination index, its reading, and each distractor. */
export function DiscriminationPanel({ question }: { question: ReportQuestionData }) {
  const d = question.discrimination;
  const labelStyle = LABEL_STYLES[d.label.toLowerCase()] ?? "bg-slate-100 text-slate-800 ring-slate-300";
  const distractors = question.kind === "order" ? [] : question.options.map((option, position) => ({ option, position })).filter(({ option }) => !option.correct);

  return (
    <section aria-label={`Item analysis of question ${question.roundIndex + 1}`} className="flex flex-col gap-3">
      <h4 className="font-bold text-slate-800">Item analysis</h4>
      <div data-testid="report-discrimination" className="flex flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2">
          <span>
            Discrimination index{" "}
            <span className="text-lg font-black tabular-nums">{d.index === null ? "—" : `D = ${formatIndex(d.index)}`}</span>
          </span>
          <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ${labelStyle}`}>{d.label}</span>
        </p>
        <p className="text-slate-700">{d.reading}</p>
        {d.topSize > 0 && d.bottomSize > 0 && (
          <p className="text-sm text-slate-600">
            Top group: {d.topCorrect} of {d.topSize} correct ({percentOf(d.topCorrect, d.topSize)}%) · Bottom group: {d.bottomCorrect} of{" "}
            {d.bottomSize} correct ({percentOf(d.bottomCorrect, d.bottomSize)}%)
          </p>
        )}
      </div>
      {distractors.length > 0 && (
        <div className="flex flex-col gap-2">
          <h5 className="text-sm font-semibold text-slate-700">Wrong answers: top group vs bottom group</h5>
          <ul className="flex flex-col gap-2">
            {distractors.map(({ option, position }) => (
              <DistractorBars key={option.index} option={option} position={position} topSize={d.topSize} bottomSize={d.bottomSize} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
