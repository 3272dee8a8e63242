"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { usePlayerGame } from "@/client/player-game";
// The join form's checks without zod or the word list (the server checks every join in full): a light page.
import { checkJoinForm, ROOM_CODE_LENGTH } from "@/protocol/join-form";
import { NICKNAME_MAX_LENGTH } from "@/protocol/nickname-form";
import { generateNickname } from "@/protocol/generated-nickname";
import { LanguageSwitcher } from "@/components/shared/LanguageSwitcher";
import { useRefusalText, type ShownRefusal } from "./refusal-text";
import { SuggestNameButton } from "./SuggestNameButton";

const inputClass =
  "w-full rounded-xl border-2 border-white/30 bg-white px-4 py-3 text-xl font-bold text-indigo-950 placeholder:font-medium placeholder:text-slate-500 focus:border-amber-300 focus:outline-none focus:ring-4 focus:ring-amber-300/50";

/** `notice`: why the phone is back here (its game ended, the host removed it), shown until the next try. */
export function JoinForm({ initialCode, notice = null, drawnNames = false }: { initialCode: string; notice?: ShownRefusal | null; drawnNames?: boolean }) {
  const t = useTranslations("player.join");
  const tShow = useTranslations("player.show");
  const shownRefusal = useRefusalText();
  const { join, joinSlow } = usePlayerGame();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState("");
  const [error, setError] = useState<ShownRefusal | null>(notice);
  const [joining, setJoining] = useState(false);
  // The game takes drawn names only (its QR code or the server said so): the field can't be typed in.
  const [drawnOnly, setDrawnOnly] = useState(drawnNames);
  const drawName = () => setNickname((shown) => generateNickname(Math.random, shown));
  // Drawn after the first render, so the page the server sent and the phone's agree.
  useEffect(() => {
    if (drawnNames) setNickname((shown) => shown || generateNickname());
  }, [drawnNames]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkJoinForm(code, nickname);
    if (!checked.ok) {
      setError({ message: checked.message });
      return;
    }
    setError(null);
    setJoining(true);
    const refusal = await join(checked.code, checked.nickname);
    setJoining(false);
    setError(refusal);
    if (refusal?.code === "nickname-not-generated") setDrawnOnly(true);
    // A typed name in a drawn-names game, or a drawn name someone already has: here is another.
    if (refusal?.code === "nickname-not-generated" || (drawnOnly && refusal?.code === "nickname-taken")) drawName();
  }

  return (
    <main className="flex flex-1 flex-col items-center justify-center-safe overflow-y-auto px-5 py-8">
      <LanguageSwitcher className="self-end text-indigo-100" />
      <form data-testid="join-form" onSubmit={onSubmit} noValidate className="flex w-full max-w-sm flex-col gap-5">
        <h1 className="text-center text-3xl font-black">{t("title")}</h1>
        <label className="flex flex-col gap-1.5">
          <span className="font-semibold text-indigo-100">{t("code")}</span>
          <input
            data-testid="join-code"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            pattern="[0-9]*"
            maxLength={ROOM_CODE_LENGTH}
            placeholder={t("codePlaceholder")}
            value={code}
            onChange={(event) => {
              setCode(event.target.value.replace(/\D/g, "").slice(0, ROOM_CODE_LENGTH));
              // Another game may let the student type a name.
              setDrawnOnly(false);
            }}
            autoFocus={initialCode === ""}
            dir="ltr"
            className={`${inputClass} text-center font-mono text-3xl tracking-[0.3em]`}
          />
        </label>
        <label className="flex flex-col gap-1.5">
          <span className="font-semibold text-indigo-100">{t("nickname")}</span>
          <input
            data-testid="join-nickname"
            name="nickname"
            autoComplete="off"
            autoCapitalize="words"
            maxLength={NICKNAME_MAX_LENGTH}
            placeholder={t("nicknamePlaceholder")}
            value={nickname}
            onChange={(event) => setNickname(event.target.value)}
            readOnly={drawnOnly}
            aria-describedby={drawnOnly ? "join-drawn-only" : undefined}
            autoFocus={initialCode !== ""}
            dir="auto"
            className={inputClass}
          />
        </label>
        <SuggestNameButton onDraw={drawName} disabled={joining} />
        {drawnOnly && (
          <p id="join-drawn-only" data-testid="join-drawn-only" className="-mt-3 font-semibold text-indigo-100">
            {tShow("drawnOnly")}
          </p>
        )}
        <button
          type="submit"
          data-testid="join-submit"
          disabled={joining}
          className="rounded-xl bg-amber-400 px-4 py-3.5 text-2xl font-black text-amber-950 shadow-lg active:scale-[0.98] disabled:opacity-60"
        >
          {joining ? t("joining") : t("submit")}
        </button>
        {joining && joinSlow && (
          <p role="status" data-testid="join-slow" className="text-center font-semibold text-indigo-100">
            {t("slow")}
          </p>
        )}
        <p role="alert" data-testid="join-error" className="min-h-[3rem] text-center font-semibold text-amber-200">
          {error && shownRefusal(error)}
        </p>
      </form>
    </main>
  );
}
