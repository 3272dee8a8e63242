import type { QuizdownProblem } from "@/quizdown";

/** The problems that stop the quiz from being saved, each with its line; pressing one selects that line. */
export function QuizErrors({ errors, onSelectLine }: { errors: QuizdownProblem[]; onSelectLine?: (line: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <section data-testid="quiz-errors" role="alert" className="rounded-2xl border-2 border-red-300 bg-red-50 p-4 text-red-950">
      <h2 className="font-bold">
        {errors.length === 1 ? "One problem to fix" : `${errors.length} problems to fix`} before the quiz can be saved
      </h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {errors.map((error, index) => (
          <li key={index} data-testid="quiz-error" className="break-words">
            <ProblemLine problem={error} onSelectLine={onSelectLine} tone="text-red-800" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Things worth knowing that don't stop saving. */
export function QuizWarnings({ warnings, onSelectLine }: { warnings: QuizdownProblem[]; onSelectLine?: (line: number) => void }) {
  if (warnings.length === 0) return null;
  return (
    <section data-testid="quiz-warnings" className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 className="font-bold">{warnings.length === 1 ? "Worth a look" : `${warnings.length} things worth a look`} (the quiz can still be saved)</h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {warnings.map((warning, index) => (
          <li key={index} data-testid="quiz-warning" className="break-words">
            <ProblemLine problem={warning} onSelectLine={onSelectLine} tone="text-amber-800" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProblemLine({ problem, onSelectLine, tone }: { problem: QuizdownProblem; onSelectLine?: (line: number) => void; tone: string }) {
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
      {problem.message}
    </>
  );
}
