import { CheckIcon, CrossIcon } from "@/components/shared/icons";
import { OptionBadge } from "@/components/shared/OptionBadge";
import { RichText } from "@/components/shared/RichText";
import type { PreviewableQuestion } from "./preview-types";
import { useTranslations } from "next-intl";

/** Which options are right, and the explanations the big screen shows at the reveal. */
export function AnswerKey({ question }: { question: PreviewableQuestion }) {
  const t = useTranslations("teacherLibrary.previewQuestion");
  if (question.kind === "typed" && question.typed) {
    const { accepted, tolerance } = question.typed;
    return (
      <p data-testid="preview-accepted" className="font-semibold">
        {t("accepted", { answers: accepted.join(" · ") })}
        {tolerance ? ` (± ${tolerance})` : ""}
        <span className="block text-sm font-normal text-slate-600">{t("acceptedHint")}</span>
      </p>
    );
  }
  if (question.kind === "slider" && question.slider) {
    const { min, max, step, unit, correct, tolerance } = question.slider;
    const u = unit ? ` ${unit}` : "";
    return (
      <p data-testid="preview-slider" className="font-semibold">
        {t("rightValue", { value: `${correct}${u}` })}
        {tolerance ? ` ${t("fullPointsWithin", { tolerance: `${tolerance}${u}` })}` : ""}
        <span className="block text-sm font-normal text-slate-600">
          {t("sliderRange", { min: `${min}${u}`, max: `${max}${u}`, step })}
        </span>
      </p>
    );
  }
  if (question.kind === "order") {
    return (
      <ol className="flex flex-col gap-1.5">
        {question.options.map((option, index) => (
          <li key={index} className="flex items-start gap-3 rounded-lg bg-slate-50 px-3 py-2">
            <span className="font-black text-slate-500 tabular-nums">{index + 1}.</span>
            <RichText html={option.html} className="font-semibold" />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <ul className="flex flex-col gap-1.5">
      {question.options.map((option, index) => (
        <li
          key={index}
          data-testid="preview-option"
          data-correct={option.correct}
          className={`flex items-start gap-3 rounded-lg px-3 py-2 ${option.correct ? "bg-emerald-50 ring-1 ring-emerald-300" : "bg-slate-50"}`}
        >
          <OptionBadge index={index} className="size-7" shapeClassName="size-4" decorative />
          <span className="mt-0.5 shrink-0">
            {option.correct ? <CheckIcon className="size-5 text-emerald-700" /> : <CrossIcon className="size-5 text-slate-400" />}
            <span className="sr-only">{option.correct ? t("correctAnswer") : t("wrongAnswer")}</span>
          </span>
          <div className="min-w-0 flex-1">
            <RichText html={option.html} className={`break-words ${option.correct ? "font-bold text-emerald-950" : "font-medium text-slate-700"}`} />
            {option.commentHtml && <RichText html={option.commentHtml} className="mt-1 text-sm text-slate-600" />}
          </div>
        </li>
      ))}
    </ul>
  );
}
