import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HostView, LeaderboardEntry } from "@/protocol";
import { formatScore } from "@/components/shared/format";

const PLACES = [
  { rank: 2, height: "h-[24vh]", block: "bg-slate-300" },
  { rank: 1, height: "h-[34vh]", block: "bg-amber-300" },
  { rank: 3, height: "h-[16vh]", block: "bg-orange-300" },
] as const;

export function HostPodium({ view }: { view: HostView }) {
  // Ties are broken by the server, so podium places are the first three of the ranking.
  const t = useTranslations("host");
  const byPlace = (place: number): LeaderboardEntry | undefined => view.leaderboard[place - 1];
  return (
    <section data-testid="phase-podium" className="flex h-full min-h-0 flex-col items-center gap-[2vh]">
      <h2 className="text-[6vh] font-black">{t("podium.title")}</h2>
      {view.endedEarly && (
        <p data-testid="ended-early" className="rounded-full bg-amber-300 px-[3vh] py-[0.5vh] text-[2.8vh] font-bold text-amber-950">
          {t("podium.endedEarly")}
        </p>
      )}
      <div className="flex min-h-0 flex-1 items-end justify-center gap-[2vh]">
        {PLACES.map(({ rank, height, block }) => {
          const entry = byPlace(rank);
          // A game with fewer than three players has no one for the lower steps: they are left out.
          if (!entry) return null;
          return (
            <div key={rank} data-testid={`podium-${rank}`} className="flex w-[28vw] flex-col items-center gap-[1vh]">
              <span data-testid="podium-nickname" dir="auto" className="line-clamp-2 max-w-full text-center text-[4.5vh] leading-tight font-black wrap-anywhere">
                {entry.nickname}
              </span>
              <span className="text-[3.2vh] font-bold text-indigo-200 tabular-nums">{formatScore(entry.score)}</span>
              <div className={`flex w-full items-start justify-center rounded-t-[1.5vh] pt-[2vh] ${height} ${block}`}>
                <span className="text-[8vh] font-black text-indigo-950">{rank}</span>
              </div>
            </div>
          );
        })}
      </div>
      <Link href={`/games/${view.gameId}`} data-testid="results-link" className="text-[2.8vh] font-semibold text-indigo-100 underline">
        {t("screen.seeResults")}
      </Link>
    </section>
  );
}
