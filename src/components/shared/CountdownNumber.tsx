"use client";

import { useTranslations } from "next-intl";
import { useSecondsLeft, type LocalDeadline } from "@/client/countdown";

/** Seconds left, as a number in a circle. Screen readers get a polite label, not every tick. */
export function CountdownNumber({ deadline, className = "", testId = "countdown" }: { deadline: LocalDeadline | null; className?: string; testId?: string }) {
  const t = useTranslations("countdown");
  const seconds = useSecondsLeft(deadline);
  if (seconds === null) return null;
  return (
    <div
      data-testid={testId}
      className={`flex shrink-0 items-center justify-center rounded-full font-black tabular-nums ${className}`}
      role="timer"
      aria-label={t("secondsLeft", { seconds })}
      aria-live="off"
    >
      {seconds}
    </div>
  );
}
