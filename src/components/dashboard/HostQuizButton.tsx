"use client";

import { useCallback, useState } from "react";
import { HostOptionsDialog } from "./HostOptionsDialog";
import type { HostableQuiz } from "./host-options";

/** "Host": opens the game's options; the game starts from there. */
export function HostQuizButton({ quiz, testId }: { quiz: HostableQuiz; testId: string }) {
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
        Host
      </button>
      {open && <HostOptionsDialog quiz={quiz} onClose={close} />}
    </>
  );
}
