import type { QuestionView } from "@/protocol";
import { RichText } from "@/components/shared/RichText";

/** The question's body (code, images, context) and hint, when the quiz has them. */
export function QuestionExtras({ question, className = "" }: { question: QuestionView; className?: string }) {
  if (!question.bodyHtml && !question.hintHtml) return null;
  return (
    // Code is as big as the text around it (at least 24 px on a projector), not the smaller size pages use.
    <div className={`flex flex-col items-center gap-[1vh] text-center [--code-scale:1em] ${className}`}>
      {question.bodyHtml && <RichText testId="host-question-body" html={question.bodyHtml} className="max-w-[85vw] text-indigo-50" />}
      {question.hintHtml && (
        <RichText testId="host-question-hint" html={question.hintHtml} className="max-w-[85vw] font-semibold text-amber-200 italic" />
      )}
    </div>
  );
}
