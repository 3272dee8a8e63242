import type { RawAnswer } from "@/protocol";
import { formatScore } from "@/components/shared/format";
import { AnswerResult } from "./AnswerResult";
import { useReportFormat } from "./format";
import { chosenOptions } from "../../../server/reports/option-names";
import { OptionMark, useReportOptionName } from "./OptionMark";
import type { ReportPlayerData, ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

const cell = "px-3 py-2 sm:px-4";

/** Every question of the game and what one player did with it. */
export function PlayerAnswersTable({ player, questions }: { player: ReportPlayerData; questions: ReportQuestionData[] }) {
  const t = useTranslations("teacherReports.playerAnswers");
  const format = useReportFormat();
  const byRound = new Map(player.answers.map((answer) => [answer.roundIndex, answer]));
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-start">
        <caption className="sr-only">{t("caption", { nickname: player.nickname })}</caption>
        <thead className="bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={cell}>#</th>
            <th scope="col" className={cell}>{t("question")}</th>
            <th scope="col" className={cell}>{t("chose")}</th>
            <th scope="col" className={cell}>{t("result")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("time")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("points")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("streak")}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((question) => {
            const answer = byRound.get(question.roundIndex);
            return (
              <tr key={question.roundIndex} className="border-t border-slate-100 align-top">
                <td className={`${cell} font-bold tabular-nums`}>
                  <a href={`#question-${question.roundIndex + 1}`} className="underline underline-offset-2" aria-label={t("questionNumber", { number: question.roundIndex + 1 })}>
                    {question.roundIndex + 1}
                  </a>
                </td>
                <td className={`${cell} max-w-xs`}>
                  <span dir="auto" className="line-clamp-2" title={question.promptText}>
                    {question.promptText}
                  </span>
                </td>
                {answer ? (
                  <>
                    <td className={`${cell} max-w-56`}>
                      <Choices question={question} choices={answer.raw && "order" in answer.raw ? answer.raw.order : answer.choices} given={answer.raw} />
                    </td>
                    <td className={cell}>
                      <AnswerResult answer={answer} />
                    </td>
                    <td className={`${cell} text-end whitespace-nowrap tabular-nums`}>{format.seconds(answer.responseMs)}</td>
                    <td className={`${cell} text-end tabular-nums`}>{formatScore(answer.points)}</td>
                    <td className={`${cell} text-end tabular-nums`}>{answer.answered && answer.streak > 0 ? answer.streak : "—"}</td>
                  </>
                ) : (
                  <td colSpan={5} className={`${cell} text-slate-500 italic`}>
                    {t("notInGame")}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Choices({ question, choices, given }: { question: ReportQuestionData; choices: number[]; given?: RawAnswer | undefined }) {
  const optionName = useReportOptionName();
  // A typed text or a slider value, as given.
  if (given && "text" in given) return <span dir="auto" className="line-clamp-2 break-words">{given.text}</span>;
  if (given && "value" in given) return <span className="tabular-nums">{given.value}</span>;
  if (choices.length === 0) return <span className="text-slate-500">—</span>;
  if (question.kind === "order") {
    return <span dir="auto">{choices.map((index) => question.options[positionOf(question, index)]?.text ?? "").join(" → ")}</span>;
  }
  // In the order the class saw them, each with its colour and shape.
  return (
    <ul className="flex flex-col gap-0.5">
      {chosenOptions(question.options, choices).map(({ option, position }) => (
        <li key={option.index} className="flex items-center gap-1.5" title={option.text}>
          <OptionMark shown={option.shown} position={position} className="size-5" />
          <span className="sr-only">{optionName(option.shown, position)}:</span>
          <span dir="auto" className="line-clamp-1">{option.text}</span>
        </li>
      ))}
    </ul>
  );
}

function positionOf(question: ReportQuestionData, optionIndex: number): number {
  const position = question.options.findIndex((option) => option.index === optionIndex);
  return position === -1 ? optionIndex : position;
}
