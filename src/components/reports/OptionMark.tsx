import { OptionBadge } from "@/components/shared/OptionBadge";
import { optionLabel } from "@/components/shared/option-styles";
import { optionLetter } from "./format";

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

/** The option's name in words: "Red triangle", or "A". */
export function optionName(shown: number | null, position: number): string {
  return shown === null ? optionLetter(position) : optionLabel(shown).replace(/^./, (first) => first.toUpperCase());
}

/** The options in the order the class saw them (file order when that wasn't saved), with their file position. */
export function inShownOrder<T extends { shown: number | null }>(options: readonly T[]): Array<{ option: T; position: number }> {
  return options
    .map((option, position) => ({ option, position }))
    .sort((a, b) => (a.option.shown ?? a.position) - (b.option.shown ?? b.position));
}
