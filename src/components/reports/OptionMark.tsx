import { OptionBadge } from "@/components/shared/OptionBadge";
import { useOptionName } from "@/components/shared/OptionShape";
import { optionLetter } from "../../../server/reports/option-names";

// One naming for the page and the CSV export (server/reports/option-names.ts).
export { inShownOrder } from "../../../server/reports/option-names";

/** The option's name in the teacher's language: "Red triangle" (what the class saw), or "A" (its file position) when that wasn't saved. */
export function useReportOptionName(): (shown: number | null, position: number) => string {
  const name = useOptionName();
  return (shown, position) => (shown === null ? optionLetter(position) : name(shown));
}

/**
 * How the report names an option: the colour and shape the class saw on the phones and the big
 * screen (a letter only for a game that saved no display order).
 */
export function OptionMark({ shown, position, className = "size-7" }: { shown: number | null; position: number; className?: string }) {
  if (shown === null) {
    return (
      <span className={`flex shrink-0 items-center justify-center rounded-md bg-slate-200 text-sm font-black text-slate-800 ${className}`}>
        {optionLetter(position)}
      </span>
    );
  }
  return <OptionBadge index={shown} className={className} shapeClassName="size-[60%]" decorative />;
}
