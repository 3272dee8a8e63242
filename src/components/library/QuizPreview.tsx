import { PreviewQuestion } from "./PreviewQuestion";
import type { PreviewableQuestion, PreviewSettings } from "./preview-types";

/** Every question as the big screen and the phones will show it, with its answers. */
export function QuizPreview({ title, questions, settings }: { title: string; questions: PreviewableQuestion[]; settings: PreviewSettings }) {
  const played = settings.nQuestions !== undefined && settings.nQuestions < questions.length ? settings.nQuestions : questions.length;
  return (
    <section data-testid="quiz-preview" className="flex flex-col gap-4">
      <header>
        <h2 className="text-2xl font-black tracking-tight">Preview</h2>
        <p className="text-slate-600">
          {questions.length} {questions.length === 1 ? "question" : "questions"}
          {played < questions.length ? `, ${played} of them played in each game` : ""}
          {settings.shuffleQuestions ? ", in a different order each game" : ", in this order"}. Below each: what the big screen and the phones show
          while students answer, and the answers revealed afterwards.
        </p>
      </header>
      {questions.map((question, index) => (
        <PreviewQuestion key={index} question={question} number={index + 1} total={questions.length} quizTitle={title} settings={settings} />
      ))}
    </section>
  );
}
