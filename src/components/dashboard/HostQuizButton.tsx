"use client";

import { useCallback, useState } from "react";
import { HostOptionsDialog } from "./HostOptionsDialog";
import type { HostableQuiz } from "./host-options";
import { useTranslations } from "next-intl";

/** "Host": opens the game's options; the game starts from there. */
export function HostQuizButton({ quiz, testId }: { quiz: HostableQuiz; testId: string }) {
  const t = useTranslations("teacherLibrary.quiz");
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        data-testid={testId}
        disabled={!quiz.playable}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded-xl bg-indigo-700 px-6 py-3 text-lg font-bold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {t("host")}
      </button>
      {open && <HostOptionsDialog quiz={quiz} onClose={close} />}
    </>
  );
}
