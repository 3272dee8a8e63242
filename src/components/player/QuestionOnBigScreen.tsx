/** In place of the question's text when the host keeps it on the big screen only. */
export function QuestionOnBigScreen({ className = "" }: { className?: string }) {
  return (
    <p data-testid="question-on-big-screen" className={`break-words ${className}`}>
      Read the question on the big screen.
    </p>
  );
}
