"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import type { PlayKind, RevealView, RoundOutcome } from "@/protocol";
import { CheckIcon, ClockIcon, CrossIcon, FlameIcon } from "@/components/shared/icons";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { formatScore } from "@/components/shared/format";
import { RichText } from "@/components/shared/RichText";
import { LateJoinNotice } from "./LateJoinNotice";
import { RESULT_TITLE_KEYS, resultKind } from "./announcement";

const LOOKS = {
  correct: { testId: "result-correct", Icon: CheckIcon, title: RESULT_TITLE_KEYS.correct, background: "bg-green-700" },
  incorrect: { testId: "result-incorrect", Icon: CrossIcon, title: RESULT_TITLE_KEYS.incorrect, background: "bg-red-700" },
  partial: { testId: "result-partial", Icon: CheckIcon, title: RESULT_TITLE_KEYS.partial, background: "bg-amber-700" },
  "no-answer": { testId: "result-no-answer", Icon: ClockIcon, title: RESULT_TITLE_KEYS["no-answer"], background: "bg-slate-700" },
  voted: { testId: "result-voted", Icon: CheckIcon, title: RESULT_TITLE_KEYS.voted, background: "bg-indigo-700" },
} as const;

function lookOf(outcome: RoundOutcome, kind: PlayKind | undefined) {
  return LOOKS[resultKind(outcome, kind)];
}

export function PlayerReveal() {
  const t = useTranslations("player.result");
  const { room, you } = usePlayerGame();
  const reveal = room?.reveal;
  if (!room || !reveal) return null;
  // The room view and this player's own result are separate messages; either may arrive first.
  const outcome = you?.lastRound?.questionIndex === reveal.questionIndex ? you.lastRound : null;

  if (you && !outcome && reveal.questionIndex < you.firstQuestionIndex) {
    return (
      <section data-testid="phase-reveal" className="flex flex-1 items-center justify-center">
        <LateJoinNotice title={t("lateTitle")} />
      </section>
    );
  }

  if (!outcome || !you) {
    return (
      <section data-testid="phase-reveal" className="flex flex-1 items-center justify-center">
        <p data-testid="result-pending" className="text-xl font-bold text-indigo-100">
          {t("checking")}
        </p>
      </section>
    );
  }

  const look = lookOf(outcome, room.question?.kind);
  const options = room.question?.options ?? [];
  return (
    <section data-testid="phase-reveal" className={`flex flex-1 flex-col items-center justify-center-safe gap-4 overflow-y-auto px-5 py-6 text-center ${look.background}`}>
      <div data-testid={look.testId} className="animate-pop-in flex flex-col items-center gap-1">
        <span className="flex size-20 items-center justify-center rounded-full bg-white text-slate-900">
          <look.Icon className="size-12" />
        </span>
        <h1 className="text-4xl font-black">{t(look.title)}</h1>
        {!outcome.answered && <p className="text-indigo-50">{t("noAnswerDetail")}</p>}
      </div>
      <p data-testid="result-points" dir="ltr" className="text-3xl font-black tabular-nums">
        +{formatScore(outcome.points)}
      </p>
      {outcome.streak > 0 && (
        <p data-testid="result-streak" className="flex items-center gap-1.5 rounded-full bg-black/25 py-1 ps-3 pe-4 text-lg font-bold">
          <FlameIcon className="size-6" />
          {t("streak", { streak: outcome.streak })}
        </p>
      )}
      {you.rank !== null && (
        <p data-testid="result-rank" className="text-xl font-bold">
          {t("rank", { rank: you.rank, count: you.playerCount })}
        </p>
      )}
      <p className="text-base text-white">{t("total", { score: you.score })}</p>

      {!outcome.correct && <OtherRightAnswer reveal={reveal} options={room.question?.options ?? []} ordering={room.question?.kind === "order"} />}
      {!outcome.correct && reveal.correct.length > 0 && room.question?.kind !== "order" && (
        <div className="mt-2 flex w-full max-w-sm flex-col gap-2 rounded-xl bg-black/25 p-3 text-start" data-testid="result-correct-answer">
          <p className="text-sm font-semibold text-white/90">{t("rightAnswer", { count: reveal.correct.length })}</p>
          {reveal.correct.map((index) => {
            const style = optionStyle(index);
            const option = options[index];
            return (
              <div key={index} className="flex items-center gap-2 rounded-lg px-3 py-2 font-bold" style={{ background: style.background, color: style.text }}>
                <OptionShape index={index} className="size-6" />
                {option && <RichText phone as="span" html={option.html} className="min-w-0 break-words" />}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The right answer of an ordering, type-answer or slider question, for a player who missed it. */
function OtherRightAnswer({ reveal, options, ordering }: { reveal: RevealView; options: Array<{ html: string }>; ordering: boolean }) {
  const t = useTranslations("player.result");
  const box = "mt-2 flex w-full max-w-sm flex-col gap-1.5 rounded-xl bg-black/25 p-3 text-start";
  if (ordering) {
    return (
      <ol className={box} data-testid="result-correct-order">
        <li className="text-sm font-semibold text-white/90">{t("rightOrder")}</li>
        {reveal.correct.map((index, position) => (
          <li key={index} className="flex gap-2 font-bold">
            <span className="tabular-nums">{position + 1}.</span>
            <RichText phone as="span" html={options[index]?.html ?? ""} className="min-w-0 break-words" />
          </li>
        ))}
      </ol>
    );
  }
  if (reveal.accepted) {
    return (
      <div className={box} data-testid="result-accepted">
        <p className="text-sm font-semibold text-white/90">{t("rightTyped", { count: reveal.accepted.length })}</p>
        <p dir="auto" className="font-bold break-words">
          {reveal.accepted.join(" · ")}
        </p>
      </div>
    );
  }
  if (reveal.slider) {
    const unit = reveal.slider.unit ? ` ${reveal.slider.unit}` : "";
    return (
      <div className={box} data-testid="result-slider">
        <p className="text-sm font-semibold text-white/90">{t("rightValue")}</p>
        <p className="text-2xl font-black tabular-nums">
          {reveal.slider.correct}
          {unit}
        </p>
      </div>
    );
  }
  return null;
}
