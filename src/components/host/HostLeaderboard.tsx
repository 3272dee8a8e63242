import { useTranslations } from "next-intl";
import type { HostView } from "@/protocol";
import { formatScore } from "@/components/shared/format";

/** "▲2" / "▼1" / "—" / "new", with words for screen readers. */
function useMovementLabel(): (movement: number | null) => { symbol: string; words: string } {
  const t = useTranslations("host.leaderboard");
  return (movement) => {
    if (movement === null) return { symbol: t("new"), words: t("newWords") };
    if (movement > 0) return { symbol: `▲${movement}`, words: t("up", { count: movement }) };
    if (movement < 0) return { symbol: `▼${-movement}`, words: t("down", { count: -movement }) };
    return { symbol: "—", words: t("noChange") };
  };
}

export function HostLeaderboard({ view }: { view: HostView }) {
  const t = useTranslations("host.leaderboard");
  const movementLabel = useMovementLabel();
  return (
    <section data-testid="phase-leaderboard" className="flex h-full min-h-0 flex-col items-center gap-[3vh]">
      <h2 className="text-[6vh] font-black">{t("title")}</h2>
      <ol className="flex w-full max-w-[120vh] flex-col gap-[1.5vh]">
        {view.leaderboard.map((entry) => {
          const movement = movementLabel(entry.movement);
          const up = entry.movement !== null && entry.movement > 0;
          const down = entry.movement !== null && entry.movement < 0;
          return (
            <li
              key={entry.playerId}
              data-testid="leaderboard-row"
              className="animate-pop-in flex items-center gap-[3vh] rounded-[1.5vh] bg-white px-[3vh] py-[1.5vh] text-indigo-950"
            >
              <span data-testid="leaderboard-rank" className="w-[7vh] text-[5vh] font-black tabular-nums">
                {entry.rank}
              </span>
              <span data-testid="leaderboard-nickname" dir="auto" className="min-w-0 flex-1 truncate text-[5vh] font-bold">
                {entry.nickname}
              </span>
              <span
                data-testid="leaderboard-movement"
                aria-label={movement.words}
                className={`w-[10vh] text-center text-[3.2vh] font-bold ${up ? "text-green-700" : down ? "text-red-700" : "text-slate-500"}`}
              >
                {movement.symbol}
              </span>
              <span data-testid="leaderboard-score" className="w-[24vh] shrink-0 text-end text-[5vh] font-black tabular-nums">
                {formatScore(entry.score)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
