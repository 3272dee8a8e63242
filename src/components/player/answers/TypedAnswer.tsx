"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { answerInputClass, submitButtonClass } from "./answer-styles";
import { remainingCharacters, toggleSign, typedSubmission } from "./typed-text";

export interface TypedAnswerProps {
  /** The most characters the server accepts (counted as the browser's maxlength counts). */
  maxLength: number;
  /** A number is expected: the phone shows its number pad (with a ± key, which iOS's pad lacks). */
  numeric?: boolean;
  disabled?: boolean;
  /** The answer is on its way: everything is disabled and the button says so. */
  sending?: boolean;
  /** Receives the text without surrounding spaces; never called with empty text. */
  onSubmit(text: string): void;
}

/**
 * One text field and a Submit button; Enter submits too. The phone's keyboard opens at once and
 * neither capitalises nor autocorrects, since the server compares answers itself.
 * Mount it once per question and keep it mounted while sending, so a refused answer keeps the text.
 */
export function TypedAnswer({ maxLength, numeric = false, disabled = false, sending = false, onSubmit }: TypedAnswerProps) {
  const t = useTranslations("player.typed");
  const sendingText = useTranslations("player.answering")("sending");
  const [text, setText] = useState("");
  const blocked = disabled || sending;
  const answer = typedSubmission(text);
  const remaining = remainingCharacters(text, maxLength);
  const fieldId = useId();
  const counterId = `${fieldId}-remaining`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked && answer !== null) onSubmit(answer);
  };

  return (
    <form data-testid="typed-answer" onSubmit={submit} noValidate className="flex flex-1 flex-col justify-center-safe gap-3 px-1">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={fieldId} className="font-semibold text-indigo-100">
          {numeric ? t("labelNumber") : t("label")}
        </label>
        <div className="flex gap-2">
          <input
            id={fieldId}
            data-testid="typed-input"
            name="answer"
            type="text"
            inputMode={numeric ? "decimal" : "text"}
            enterKeyHint="send"
            autoCapitalize="off"
            autoCorrect="off"
            autoComplete="off"
            spellCheck={false}
            maxLength={maxLength}
            value={text}
            onChange={(event) => setText(event.target.value.slice(0, maxLength))}
            disabled={blocked}
            autoFocus
            aria-describedby={counterId}
            className={`${answerInputClass} min-w-0 flex-1 ${numeric ? "text-center tabular-nums" : ""}`}
          />
          {numeric && (
            <button
              type="button"
              data-testid="typed-toggle-sign"
              aria-label={t("plusMinus")}
              disabled={blocked}
              onClick={() => setText((current) => (toggleSign(current).length <= maxLength ? toggleSign(current) : current))}
              className="w-14 shrink-0 rounded-xl bg-white/15 text-2xl font-black text-white disabled:opacity-60"
            >
              ±
            </button>
          )}
        </div>
      </div>
      <p id={counterId} data-testid="typed-remaining" className={`px-1 text-sm font-semibold ${remaining === 0 ? "text-amber-200" : "text-indigo-200"}`}>
        {t("remaining", { count: remaining })}
      </p>
      {/* Announced once when the limit is reached, instead of on every key. */}
      <p role="status" className="sr-only">
        {remaining === 0 ? t("limit", { max: maxLength }) : ""}
      </p>
      <button type="submit" data-testid="answer-submit" disabled={blocked || answer === null} className={submitButtonClass}>
        {sending ? sendingText : answer === null ? t("typeFirst") : t("submit")}
      </button>
    </form>
  );
}
