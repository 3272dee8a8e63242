import { useMeasureLabel } from "./readings";
const LABEL_STYLES: Record<string, string> = {
  excellent: "bg-green-100 text-green-900 ring-green-300",
  "very good": "bg-green-100 text-green-900 ring-green-300",
  good: "bg-green-50 text-green-900 ring-green-200",
  acceptable: "bg-green-50 text-green-900 ring-green-200",
  fair: "bg-amber-100 text-amber-900 ring-amber-300",
  questionable: "bg-amber-100 text-amber-900 ring-amber-300",
  poor: "bg-orange-100 text-orange-900 ring-orange-300",
  negative: "bg-red-100 text-red-900 ring-red-300",
  unacceptable: "bg-red-100 text-red-900 ring-red-300",
};

/** The plain label of a measure ("good", "negative", "not enough data", …) as a coloured chip. */
export function MeasureLabel({ label }: { label: string }) {
  const word = useMeasureLabel();
  const style = LABEL_STYLES[label.toLowerCase()] ?? "bg-slate-100 text-slate-800 ring-slate-300";
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ${style}`}>{word(label)}</span>;
}
