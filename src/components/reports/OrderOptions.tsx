import { RichText } from "@/components/shared/RichText";
import type { ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

/** An ordering question has no single answer to count: show the correct order instead. */
export function OrderOptions({ question }: { question: ReportQuestionData }) {
  const t = useTranslations("teacherReports.kinds");
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("order")}</p>
      <ol className="flex list-decimal flex-col gap-1 ps-6">
        {question.options.map((option) => (
          <li key={option.index}>
            <RichText html={option.html} as="span" />
          </li>
        ))}
      </ol>
    </div>
  );
}
