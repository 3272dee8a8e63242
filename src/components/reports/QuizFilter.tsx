import type { PastGameQuiz } from "./types";
import { useTranslations } from "next-intl";

/** The "Quiz" select of the Past games page: every quiz the teacher has played, or all of them. */
export function QuizFilter({
  quizzes,
  value,
  onChange,
}: {
  quizzes: PastGameQuiz[];
  value: string;
  onChange: (quizId: string) => void;
}) {
  const t = useTranslations("teacherReports.pastGames");
  // Keep the chosen quiz in the list even if the server no longer names it (its games were all deleted).
  const known = value === "" || quizzes.some((quiz) => quiz.quizId === value);
  return (
    <label className="flex flex-wrap items-center gap-2 font-semibold text-slate-800">
      {t("quiz")}
      <select
        data-testid="past-games-filter"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="max-w-full min-w-48 rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal text-slate-900 focus:border-indigo-500"
      >
        <option value="">{t("allQuizzes")}</option>
        {quizzes.map((quiz) => (
          <option key={quiz.quizId} value={quiz.quizId}>
            {quiz.title} ({t("count", { count: quiz.gameCount })})
          </option>
        ))}
        {!known && <option value={value}>{t("thisQuiz")}</option>}
      </select>
    </label>
  );
}
