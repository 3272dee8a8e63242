import Link from "next/link";
import { QuizRow, type LibraryQuiz } from "./QuizRow";
import { useTranslations } from "next-intl";

/** The teacher's own quizzes first, then the shared ones from content/. */
export function QuizList({ quizzes }: { quizzes: LibraryQuiz[] }) {
  const t = useTranslations("teacherLibrary.library");
  const own = quizzes.filter((quiz) => quiz.editable);
  const shared = quizzes.filter((quiz) => !quiz.editable);

  return (
    <div data-testid="quiz-list" className="flex flex-col gap-8">
      <section data-testid="own-quizzes" className="flex flex-col gap-3">
        <h2 className="text-xl font-black tracking-tight">{t("own")}</h2>
        {own.length === 0 ? (
          <p data-testid="no-own-quizzes" className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-slate-700">
            {t.rich("noOwn", {
              add: (chunks) => (
                <Link href="/quizzes/new" className="font-semibold text-indigo-700 underline underline-offset-4">
                  {chunks}
                </Link>
              ),
              code: (chunks) => <code className="font-mono">{chunks}</code>,
            })}
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {own.map((quiz) => (
              <QuizRow key={quiz.quizId} quiz={quiz} />
            ))}
          </ul>
        )}
      </section>

      <section data-testid="shared-quizzes" className="flex flex-col gap-3">
        <div>
          <h2 className="text-xl font-black tracking-tight">{t("shared")}</h2>
          <p className="text-sm text-slate-600">{t("sharedIntro")}</p>
        </div>
        {shared.length === 0 ? (
          <p data-testid="no-quizzes" className="rounded-2xl bg-white p-6 text-slate-700 shadow-sm">
            {t.rich("noShared", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {shared.map((quiz) => (
              <QuizRow key={quiz.quizId} quiz={quiz} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
