import type { OptionView } from "@/protocol";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";

/** The options as coloured tiles on the big screen (answering, and team talk before it). */
export function HostOptionTiles({ options, testIdPrefix = "host-option" }: { options: OptionView[]; testIdPrefix?: string }) {
  // Up to 4 options get big tiles; 5–8 share the same space in smaller type.
  const many = options.length > 4;
  return (
    <ul className={`grid min-h-0 flex-1 auto-rows-fr grid-cols-2 ${many ? "gap-[1.2vh]" : "gap-[1.8vh]"}`}>
      {options.map((option, index) => {
        const style = optionStyle(index);
        return (
          <li
            key={index}
            data-testid={`${testIdPrefix}-${index}`}
            className="flex min-h-0 items-center gap-[2vh] overflow-hidden rounded-[1.5vh] px-[2.5vh] py-[0.8vh]"
            style={{ background: style.background, color: style.text }}
          >
            <OptionShape index={index} className={many ? "size-[4.5vh]" : "size-[7vh]"} />
            <RichText
              html={option.html}
              className={`min-w-0 leading-tight font-bold break-words ${many ? "line-clamp-2 text-[max(28px,3.6vh)]" : "line-clamp-3 text-[max(28px,4.4vh)]"}`}
            />
          </li>
        );
      })}
    </ul>
  );
}
