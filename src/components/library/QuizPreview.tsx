import { PreviewQuestion } from "./PreviewQuestion";
import type { PreviewableQuestion, PreviewSettings } from "./preview-types";
import { useTranslations } from "next-intl";

/** Every question as the big screen and the phones will show it, with its answers. */
export function QuizPreview({ title, questions, settings }: { title: string; questions: PreviewableQuestion[]; settings: PreviewSettings }) {
  const t = useTranslations("teacherLibrary.preview");
  const played = settings.nQuestions !== undefined && settings.nQuestions < questions.length ? settings.nQuestions : questions.length;
  return (
    <section data-testid="quiz-preview" className="flex flex-col gap-4">
      <header>
        <h2 className="text-2xl font-black tracking-tight">{t("title")}</h2>
        <p className="text-slate-600">
          {played < questions.length
            ? t("someQuestions", { count: questions.length, played, shuffled: String(Boolean(settings.shuffleQuestions)) })
            : t("allQuestions", { count: questions.length, shuffled: String(Boolean(settings.shuffleQuestions)) })}{" "}
          {t("belowEach")}
        </p>
      </header>
      {questions.map((question, index) => (
        <PreviewQuestion key={index} question={question} number={index + 1} total={questions.length} quizTitle={title} settings={settings} />
      ))}
    </section>
  );
}
