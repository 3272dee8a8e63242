"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A delete button with a real confirm step: the button turns into "Delete results? Yes / Cancel".
 * Focus moves to Cancel when the question appears (so Enter does not delete by accident), Escape
 * cancels, and focus comes back to the button afterwards.
 */
export function ConfirmDelete({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
  testId,
  confirmTestId,
  size = "md",
  describedBy,
}: {
  label: string;
  question?: string;
  confirmLabel?: string;
  busy: boolean;
  onConfirm: () => void;
  testId: string;
  confirmTestId: string;
  size?: "sm" | "md";
  /** Id of the text naming what is deleted, for screen readers ("Delete results of Capitals, 3 May"). */
  describedBy?: string;
}) {
  const t = useTranslations("teacherReports.delete");
  question ??= t("shortQuestion");
  confirmLabel ??= t("yes");
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) deleteRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const pad = size === "sm" ? "px-3 py-1 text-sm" : "px-4 py-2";

  if (!asking) {
    return (
      <button
        ref={deleteRef}
        type="button"
        data-testid={testId}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
        className={`rounded-lg border border-red-300 bg-white font-semibold whitespace-nowrap text-red-800 hover:bg-red-50 ${pad}`}
      >
        {label}
      </button>
    );
  }

  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) setAsking(false);
      }}
    >
      <span className={`font-semibold text-red-900 ${size === "sm" ? "text-sm" : ""}`}>{question}</span>
      <button
        type="button"
        data-testid={confirmTestId}
        aria-describedby={describedBy}
        disabled={busy}
        onClick={onConfirm}
        className={`rounded-lg bg-red-700 font-bold whitespace-nowrap text-white hover:bg-red-800 disabled:cursor-wait disabled:bg-red-400 ${pad}`}
      >
        {busy ? t("deleting") : confirmLabel}
      </button>
      <button
        ref={cancelRef}
        type="button"
        disabled={busy}
        onClick={() => setAsking(false)}
        className={`rounded-lg border border-slate-300 bg-white font-semibold text-slate-800 hover:border-indigo-500 ${pad}`}
      >
        {t("cancel")}
      </button>
    </span>
  );
}
