"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { usePlayerGame } from "@/client/player-game";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { TeamName } from "@/components/shared/TeamName";
import { QuestionOnBigScreen } from "./QuestionOnBigScreen";
import { ReadAloudButton } from "./ReadAloudButton";
import { loadOrderingAnswer } from "./answers/LazyOrderingAnswer";

export function PlayerQuestionRead() {
  const t = useTranslations("player.question");
  const tTeams = useTranslations("teams");
  const { room, you, deadline } = usePlayerGame();
  const question = room?.question;
  const kind = question?.kind;
  useEffect(() => {
    // Fetch the drag-and-drop code while the class reads the question, not when the answering starts.
    // A failed fetch is tried again when the answer is shown.
    if (kind === "order") loadOrderingAnswer().catch(() => undefined);
  }, [kind]);
  if (!question) return null;
  const late = you !== null && question.index < you.firstQuestionIndex;
  const teamTalk = (room.teamMode?.talkMs ?? 0) > 0;
  // The team talk follows the read time: the options come with it.
  const talking = teamTalk && question.options !== null;
  const talkOptions = talking && !late && question.options && question.options.length > 0 ? question.options : null;
  return (
    <section data-testid="phase-question-read" className="flex flex-1 flex-col items-center justify-center-safe gap-5 overflow-y-auto px-5 py-6 text-center">
      <h1 className="font-semibold text-indigo-200">
        {t("counter", { number: question.index + 1, total: question.total })}
      </h1>
      {question.textHidden ? (
        <QuestionOnBigScreen className="text-2xl font-black" />
      ) : (
        <RichText phone testId="player-prompt" html={question.promptHtml} className="text-2xl leading-snug font-black break-words" />
      )}
      {question.bodyHtml && <RichText phone html={question.bodyHtml} className="max-w-full text-base text-indigo-50" />}
      {question.hintHtml && <RichText phone html={question.hintHtml} className="text-base font-semibold text-amber-200 italic" />}
      {late ? (
        <p data-testid="late-join-notice" className="rounded-xl bg-white/15 px-4 py-2 text-lg font-bold">
          {t("lateJoin")}
        </p>
      ) : teamTalk ? (
        <div data-testid="player-team-talk" className="flex flex-col items-center gap-2 rounded-xl bg-white px-4 py-3 text-indigo-950">
          {you?.team && <TeamName team={you.team.team} className="font-black" swatchClassName="size-4 border-slate-300" />}
          <p className="text-lg font-bold">{talking ? tTeams("talk") : t("getReady")}</p>
          {talking && <p className="text-sm">{tTeams("answersAfterTalk")}</p>}
        </div>
      ) : (
        <p className="text-lg text-indigo-100">{t("getReady")}</p>
      )}
      {talkOptions && (
        // Team talk: the options to discuss, not buttons: answers open when the talk ends.
        <ul data-testid="player-talk-options" className="grid w-full grid-cols-2 gap-2">
          {talkOptions.map((option, index) => {
            const style = optionStyle(index);
            return (
              <li
                key={index}
                data-testid={`player-talk-option-${index}`}
                className="flex min-h-[3.5rem] items-center gap-2 rounded-xl p-2 text-start shadow-md"
                style={{ background: style.background, color: style.text }}
              >
                <OptionShape index={index} className="size-6 shrink-0" />
                <RichText as="span" html={option.html} className="min-w-0 line-clamp-3 text-sm leading-tight font-bold break-words" />
              </li>
            );
          })}
        </ul>
      )}
      <CountdownNumber deadline={deadline} className="size-16 bg-white text-3xl text-indigo-950" />
      <ReadAloudButton question={question} />
    </section>
  );
}
