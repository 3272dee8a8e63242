"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { QuestionView } from "@/protocol";
import { SpeakerIcon } from "@/components/shared/icons";

const noSubscription = () => () => {};
/** The browser can speak (Web Speech API); false while rendering on the server. */
function useCanSpeak(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function",
    () => false,
  );
}

function plainText(html: string): string {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  // A typeset formula is read as the TeX it was written in (KaTeX keeps it in the MathML's annotation).
  for (const formula of body.querySelectorAll(".katex")) formula.replaceWith(formula.querySelector("annotation")?.textContent ?? "");
  // A picture is read as what it shows (its alt text, which the checker requires).
  for (const picture of body.querySelectorAll("img")) picture.replaceWith(` ${picture.alt} `);
  return (body.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** What is read: the question, then its options (once they are shown), numbered. */
export function spokenQuestion(question: QuestionView): string {
  const parts = [question.promptHtml, question.bodyHtml].map(plainText).filter(Boolean);
  const options = (question.options ?? []).map((option, index) => `${index + 1}: ${plainText(option.html)}.`);
  return [...parts, ...options].join(" ");
}

/**
 * Reads the question aloud on demand with the browser's own speech (no network, nothing to load).
 * Shown only when the browser can speak and the phone has the question's text.
 */
export function ReadAloudButton({ question, compact = false }: { question: QuestionView; compact?: boolean }) {
  const t = useTranslations("player.question");
  const canSpeak = useCanSpeak();
  if (!canSpeak || question.textHidden) return null;
  const speak = () => {
    const speech = window.speechSynthesis;
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(spokenQuestion(question));
    utterance.lang = document.documentElement.lang || "en";
    speech.speak(utterance);
  };
  return (
    <button
      type="button"
      data-testid="read-aloud"
      onClick={speak}
      aria-label={compact ? t("readAloudLabel") : undefined}
      className={`flex shrink-0 items-center justify-center gap-2 rounded-full bg-white/15 font-bold text-white hover:bg-white/25 focus-visible:ring-4 focus-visible:ring-white focus-visible:outline-none ${
        compact ? "size-11" : "px-4 py-2"
      }`}
    >
      <SpeakerIcon className="size-6" />
      {!compact && t("readAloud")}
    </button>
  );
}
