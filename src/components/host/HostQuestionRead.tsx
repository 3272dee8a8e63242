import { useTranslations } from "next-intl";
import type { LocalDeadline } from "@/client/countdown";
import type { HostView } from "@/protocol";
import { CountdownBar } from "@/components/shared/CountdownBar";
import { RichText } from "@/components/shared/RichText";
import { QuestionExtras } from "./QuestionExtras";

export function HostQuestionRead({ view, deadline }: { view: HostView; deadline: LocalDeadline | null }) {
  const t = useTranslations("host");
  const tTeams = useTranslations("teams");
  const teamTalk = (view.teamMode?.talkMs ?? 0) > 0;
  const question = view.question;
  if (!question) return null;
  return (
    <section data-testid="phase-question-read" className="flex h-full flex-col items-center justify-center-safe gap-[4vh] overflow-y-auto text-center">
      <p className="text-[3.5vh] font-semibold text-indigo-200">
        {t("screen.progress", { number: question.index + 1, total: question.total })}
      </p>
      <RichText testId="host-prompt" html={question.promptHtml} className="max-w-[85vw] text-[7vh] leading-tight font-black" />
      <QuestionExtras question={question} className="text-[max(28px,3.6vh)]" />
      <div className="w-[60vw]">
        <p data-testid={teamTalk ? "team-talk" : undefined} className="mb-[1.5vh] text-[3vh] font-semibold text-indigo-200">
          {teamTalk ? tTeams("talk") : t("answering.getReady")}
        </p>
        <CountdownBar deadline={deadline} className="h-[1.5vh]" />
      </div>
    </section>
  );
}
