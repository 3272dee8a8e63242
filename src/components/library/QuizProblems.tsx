import type { QuizdownProblem } from "@/quizdown";
import { useProblemText } from "@/components/shared/problem-text";

type SelectLine = (line: number) => void;

const LOOKS = {
  error: {
    testId: "quiz-error",
    box: "rounded-2xl border-2 border-red-300 bg-red-50 p-4 text-red-950",
    tone: "text-red-800",
    heading: (n: number) => `${n === 1 ? "One problem to fix" : `${n} problems to fix`} before the quiz can be saved`,
  },
  warning: {
    testId: "quiz-warning",
    box: "rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-950",
    tone: "text-amber-800",
    heading: (n: number) => `${n === 1 ? "Worth a look" : `${n} things worth a look`} (the quiz can still be saved)`,
  },
} as const;

function ProblemList({ problems, kind, onSelectLine }: { problems: QuizdownProblem[]; kind: keyof typeof LOOKS; onSelectLine?: SelectLine }) {
  if (problems.length === 0) return null;
  const look = LOOKS[kind];
  return (
    <section data-testid={`${look.testId}s`} role={kind === "error" ? "alert" : undefined} className={look.box}>
      <h2 className="font-bold">{look.heading(problems.length)}</h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {problems.map((problem, index) => (
          <li key={index} data-testid={look.testId} className="break-words">
            <ProblemLine problem={problem} onSelectLine={onSelectLine} tone={look.tone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The problems that stop the quiz from being saved, each with its line; pressing one selects that line. */
export function QuizErrors({ errors, onSelectLine }: { errors: QuizdownProblem[]; onSelectLine?: SelectLine }) {
  return <ProblemList problems={errors} kind="error" onSelectLine={onSelectLine} />;
}

/** Things worth knowing that don't stop saving. */
export function QuizWarnings({ warnings, onSelectLine }: { warnings: QuizdownProblem[]; onSelectLine?: SelectLine }) {
  return <ProblemList problems={warnings} kind="warning" onSelectLine={onSelectLine} />;
}

function ProblemLine({ problem, onSelectLine, tone }: { problem: QuizdownProblem; onSelectLine?: SelectLine; tone: string }) {
  const problemText = useProblemText();
  const label = `Line ${problem.line}:`;
  return (
    <>
      {onSelectLine ? (
        <button
          type="button"
          onClick={() => onSelectLine(problem.line)}
          title="Show this line"
          className={`font-mono font-bold underline decoration-dotted underline-offset-4 hover:decoration-solid ${tone}`}
        >
          {label}
        </button>
      ) : (
        <span className={`font-mono font-bold ${tone}`}>{label}</span>
      )}{" "}
      {problemText(problem)}
    </>
  );
}
