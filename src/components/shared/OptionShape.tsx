import { useTranslations } from "next-intl";
import { optionStyle, type OptionShapeName } from "./option-styles";

const SHAPE_PATHS: Record<OptionShapeName, string> = {
  triangle: "M12 2.5 22.5 21h-21z",
  diamond: "M12 1.5 22.5 12 12 22.5 1.5 12z",
  circle: "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20z",
  square: "M3 3h18v18H3z",
  star: "m12 1.5 3.1 6.9 7.4.7-5.6 5 1.7 7.4L12 17.6l-6.6 3.9 1.7-7.4-5.6-5 7.4-.7z",
  hexagon: "M12 1.5 21.5 7v10L12 22.5 2.5 17V7z",
  heart: "M12 21.5 3.2 12.9A5.3 5.3 0 0 1 12 5.6a5.3 5.3 0 0 1 8.8 7.3z",
  cross: "M8.5 2h7v6.5H22v7h-6.5V22h-7v-6.5H2v-7h6.5z",
};

/** The shape that goes with an option's colour, drawn in the option's text colour. */
export function OptionShape({ index, className = "size-8", decorative = false }: { index: number; className?: string; decorative?: boolean }) {
  const style = optionStyle(index);
  const name = useOptionName();
  return (
    <svg
      viewBox="0 0 24 24"
      className={`shrink-0 ${className}`}
      fill={style.text}
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name(index) })}
    >
      <path d={SHAPE_PATHS[style.shape]} />
    </svg>
  );
}

/** An option's name in the page's language, by the colour and shape of its tile ("Red triangle"). */
export function useOptionName(): (displayIndex: number) => string {
  const t = useTranslations("optionNames");
  return (displayIndex) => t(optionStyle(displayIndex).shape);
}
