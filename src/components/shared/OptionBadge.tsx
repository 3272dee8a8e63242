import { OptionShape } from "./OptionShape";
import { optionStyle } from "./option-styles";

/** An option's shape on a tile of its colour: identifies an option anywhere, whatever the background. */
export function OptionBadge({ index, className = "size-10", shapeClassName = "size-6", decorative = false }: {
  index: number;
  className?: string;
  shapeClassName?: string;
  decorative?: boolean;
}) {
  return (
    <span className={`flex shrink-0 items-center justify-center rounded-[22%] ${className}`} style={{ background: optionStyle(index).background }}>
      <OptionShape index={index} className={shapeClassName} decorative={decorative} />
    </span>
  );
}
