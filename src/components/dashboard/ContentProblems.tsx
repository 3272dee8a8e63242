import type { RouterOutputs } from "@/client/trpc";
import { useTranslations } from "next-intl";
import { useProblemText } from "@/components/shared/problem-text";

type ContentProblem = RouterOutputs["quizzes"]["list"]["problems"][number];

/** Problems found in content/*.md, so the teacher can fix a quiz file that didn't load. */
export function ContentProblems({ problems }: { problems: ContentProblem[] }) {
  const problemText = useProblemText();
  const t = useTranslations("teacherLibrary.library");
  if (problems.length === 0) return null;
  return (
    <section data-testid="content-problems" role="alert" className="rounded-2xl border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 className="font-bold">
        ⚠ {t("contentProblems", { count: problems.length })}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {problems.map((problem, index) => (
          <li key={index} data-testid="content-problem" className="break-words">
            <code className="font-mono font-semibold">
              {problem.file}
              {problem.line > 0 ? `:${problem.line}` : ""}
            </code>{" "}
            {problemText(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
