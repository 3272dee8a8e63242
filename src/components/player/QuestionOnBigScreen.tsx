"use client";

import { useTranslations } from "next-intl";

/** In place of the question's text when the host keeps it on the big screen only. */
export function QuestionOnBigScreen({ className = "" }: { className?: string }) {
  const t = useTranslations("player.question");
  return (
    <p data-testid="question-on-big-screen" className={`break-words ${className}`}>
      {t("onBigScreen")}
    </p>
  );
}
