import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import type { HostGame } from "@/client/use-host-game";
import type { HostView, Phase } from "@/protocol";
import { LockIcon, PauseIcon, PlayIcon } from "@/components/shared/icons";
import { useHostRefusalText } from "./host-refusal-text";
import { PlayAgainButtons } from "./PlayAgainButtons";

/** What Next is called (its catalog key) in each phase where the host moves the game on; null where it can't. */
export function nextActionFor(phase: Phase): "next" | "close" | null {
  switch (phase) {
    case "reveal":
    case "leaderboard":
      return "next";
    case "podium":
      return "close";
    default:
      return null;
  }
}

const primaryButton =
  "flex items-center gap-[1.2vh] rounded-[1.5vh] bg-white px-[5vh] py-[1.5vh] text-[4vh] font-black text-indigo-950 shadow-lg hover:bg-indigo-100 disabled:cursor-not-allowed disabled:bg-white/30 disabled:text-indigo-950/60";
const secondaryButton =
  "flex items-center gap-[1vh] rounded-[1.5vh] border-[0.4vh] border-current px-[4vh] py-[1.2vh] text-[3.2vh] font-bold text-current hover:bg-white/10 disabled:opacity-50";
const smallButton =
  "flex items-center gap-[0.8vh] rounded-[1.2vh] border-[0.3vh] border-current px-[2vh] py-[0.8vh] text-[2.6vh] font-bold text-current hover:bg-white/10 disabled:opacity-50";

export function HostControls({ game, view, style }: { game: HostGame; view: HostView; style?: CSSProperties | undefined }) {
  const t = useTranslations("host.controls");
  const refusalText = useHostRefusalText();
  const nextLabel = nextActionFor(view.phase);
  const busy = game.pending !== null;
  const questionOpen = view.phase === "question-read" || view.phase === "answering";
  const gameOver = view.phase === "podium" || view.phase === "finished";
  return (
    <footer className="flex min-h-[12vh] items-center justify-between gap-[3vh] bg-stage-deep px-[4vh] py-[1.5vh]" style={style}>
      <div className="flex min-w-0 flex-1 items-center gap-[2vh]">
        {!gameOver && <LockToggle game={game} view={view} busy={busy} />}
        <p role="alert" data-testid="host-action-error" className="min-w-0 flex-1 text-[2.8vh] font-semibold text-amber-300">
          {game.actionError && refusalText(game.actionError)}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-[2vh]">
        {view.phase === "lobby" && (
          <>
            {view.playerCount === 0 && <span className="text-[2.8vh] text-indigo-200">{t("startUnlocks")}</span>}
            <button type="button" data-testid="host-start" disabled={busy || view.playerCount === 0} onClick={game.start} className={primaryButton}>
              {t("start")}
            </button>
          </>
        )}
        {questionOpen && (
          <>
            <button type="button" data-testid="host-skip" disabled={busy} onClick={game.skip} className={secondaryButton}>
              {t("skip")}
            </button>
            {view.paused ? (
              <button type="button" data-testid="host-resume" disabled={busy} onClick={game.resume} className={primaryButton}>
                <PlayIcon className="size-[3.5vh]" />
                {t("resume")}
              </button>
            ) : (
              <button type="button" data-testid="host-pause" disabled={busy} onClick={game.pause} className={secondaryButton}>
                <PauseIcon className="size-[3vh]" />
                {t("pause")}
              </button>
            )}
          </>
        )}
        {gameOver && <PlayAgainButtons gameId={view.gameId} className={secondaryButton} />}
        {nextLabel && (
          <>
            <span className="text-[2.4vh] text-indigo-200">{t("spaceOrEnter")}</span>
            <button type="button" data-testid="host-next" disabled={busy} onClick={game.next} className={primaryButton}>
              {t(nextLabel)}
            </button>
          </>
        )}
      </div>
    </footer>
  );
}

/** Late join is on by default; locking keeps new players out (players already in stay in). */
function LockToggle({ game, view, busy }: { game: HostGame; view: HostView; busy: boolean }) {
  const t = useTranslations("host");
  return (
    <div className="flex shrink-0 items-center gap-[1.5vh]">
      <button
        type="button"
        data-testid="host-lock"
        aria-pressed={view.locked}
        disabled={busy}
        onClick={() => game.setLocked(!view.locked)}
        className={smallButton}
      >
        <LockIcon className="size-[2.8vh]" />
        {view.locked ? t("controls.unlock") : t("controls.lock")}
      </button>
      {view.locked && view.phase !== "lobby" && (
        <span data-testid="host-locked-notice" className="text-[2.4vh] font-semibold text-amber-200">
          {t("lobby.locked")}
        </span>
      )}
    </div>
  );
}
