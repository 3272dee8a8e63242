import { CheckIcon, CrossIcon } from "@/components/shared/icons";
import type { ReportAnswerData } from "./types";
import { useTranslations } from "next-intl";

/** "Correct" / "Wrong" / "No answer", with an icon and the word (never colour alone). */
export function AnswerResult({ answer }: { answer: ReportAnswerData }) {
  const t = useTranslations("teacherReports.playerAnswers");
  if (!answer.answered) return <span className="font-medium whitespace-nowrap text-slate-600">— {t("noAnswer")}</span>;
  return answer.correct ? (
    <span className="inline-flex items-center gap-1 font-semibold whitespace-nowrap text-green-800">
      <CheckIcon className="size-4" /> {t("correct")}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 font-semibold whitespace-nowrap text-red-800">
      <CrossIcon className="size-4" /> {t("wrong")}
    </span>
  );
}
