import { useTranslations } from "next-intl";
import type { LocalDeadline } from "@/client/countdown";
import type { HostView } from "@/protocol";
import { CountdownBar } from "@/components/shared/CountdownBar";
import { RichText } from "@/components/shared/RichText";
import { HostOptionTiles } from "./HostOptionTiles";
import { QuestionExtras } from "./QuestionExtras";

export function HostQuestionRead({ view, deadline }: { view: HostView; deadline: LocalDeadline | null }) {
  const t = useTranslations("host");
  const tTeams = useTranslations("teams");
  const teamTalk = (view.teamMode?.talkMs ?? 0) > 0;
  const question = view.question;
  if (!question) return null;
  // Team talk: the options are on the big screen so the teams can discuss them (answers open after).
  if (teamTalk && question.options) {
    return (
      <section data-testid="phase-question-read" className="flex h-full min-h-0 flex-col gap-[2vh]">
        <p className="text-center text-[3vh] font-semibold text-indigo-200">{t("screen.progress", { number: question.index + 1, total: question.total })}</p>
        <RichText testId="host-prompt" html={question.promptHtml} className="line-clamp-3 text-center text-[max(40px,5.2vh)] leading-tight font-black" />
        <QuestionExtras question={question} className="max-h-[26vh] shrink-0 overflow-y-auto text-[max(24px,3.1vh)]" />
        <div className="mx-auto w-[60vw] text-center">
          <p data-testid="team-talk" className="text-[3vh] font-semibold text-indigo-200">
            {tTeams("talk")}
          </p>
          <p data-testid="team-talk-answers-later" className="mb-[1.5vh] text-[2.6vh] text-indigo-100">
            {tTeams("answersAfterTalk")}
          </p>
          <CountdownBar deadline={deadline} className="h-[1.5vh]" />
        </div>
        <HostOptionTiles options={question.options} testIdPrefix="host-talk-option" />
      </section>
    );
  }
  return (
    <section data-testid="phase-question-read" className="flex h-full flex-col items-center justify-center-safe gap-[4vh] overflow-y-auto text-center">
      <p className="text-[3.5vh] font-semibold text-indigo-200">
        {t("screen.progress", { number: question.index + 1, total: question.total })}
      </p>
      <RichText testId="host-prompt" html={question.promptHtml} className="max-w-[85vw] text-[7vh] leading-tight font-black" />
      <QuestionExtras question={question} className="text-[max(28px,3.6vh)]" />
      <div className="w-[60vw]">
        {/* With team talk, the read time comes first: the talk (and the options) follow it. */}
        <p className="mb-[1.5vh] text-[3vh] font-semibold text-indigo-200">{t("answering.getReady")}</p>
        <CountdownBar deadline={deadline} className="h-[1.5vh]" />
      </div>
    </section>
  );
}
