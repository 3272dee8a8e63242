import type { HostGame } from "@/client/use-host-game";
import type { HostView, Phase } from "@/protocol";

/** What Next is called in each phase where the host moves the game on; null where it can't. */
export function nextActionFor(phase: Phase): string | null {
  switch (phase) {
    case "reveal":
    case "leaderboard":
      return "Next";
    case "podium":
      return "Close";
    default:
      return null;
  }
}

const primaryButton =
  "rounded-[1.5vh] bg-white px-[5vh] py-[1.5vh] text-[4vh] font-black text-indigo-950 shadow-lg hover:bg-indigo-100 disabled:cursor-not-allowed disabled:bg-white/30 disabled:text-indigo-950/60";
const secondaryButton =
  "rounded-[1.5vh] border-[0.4vh] border-white px-[4vh] py-[1.2vh] text-[3.2vh] font-bold text-white hover:bg-white/10 disabled:opacity-50";

export function HostControls({ game, view }: { game: HostGame; view: HostView }) {
  const nextLabel = nextActionFor(view.phase);
  const busy = game.pending !== null;
  return (
    <footer className="flex min-h-[12vh] items-center justify-between gap-[3vh] bg-stage-deep px-[4vh] py-[1.5vh]">
      <p role="alert" data-testid="host-action-error" className="min-w-0 flex-1 text-[2.8vh] font-semibold text-amber-300">
        {game.actionError}
      </p>
      <div className="flex shrink-0 items-center gap-[2vh]">
        {view.phase === "lobby" && (
          <>
            {view.playerCount === 0 && <span className="text-[2.8vh] text-indigo-200">Start unlocks when someone joins</span>}
            <button type="button" data-testid="host-start" disabled={busy || view.playerCount === 0} onClick={game.start} className={primaryButton}>
              Start
            </button>
          </>
        )}
        {(view.phase === "question-read" || view.phase === "answering") && (
          <button type="button" data-testid="host-skip" disabled={busy} onClick={game.skip} className={secondaryButton}>
            Skip
          </button>
        )}
        {nextLabel && (
          <>
            <span className="text-[2.4vh] text-indigo-200">Space or Enter</span>
            <button type="button" data-testid="host-next" disabled={busy} onClick={game.next} className={primaryButton}>
              {nextLabel}
            </button>
          </>
        )}
      </div>
    </footer>
  );
}
