import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HostView } from "@/protocol";
import { formatScore } from "@/components/shared/format";

const PLACES = [
  { rank: 2, height: "h-[24vh]", block: "bg-slate-300" },
  { rank: 1, height: "h-[34vh]", block: "bg-amber-300" },
  { rank: 3, height: "h-[16vh]", block: "bg-orange-300" },
] as const;

/** Who stands on a step of the podium: players' or teams'. */
export interface PodiumPlace {
  name: ReactNode;
  score: number;
}

/** The big screen's podium (players or teams): the three best on their steps, then a link to the results. */
export function PodiumStage({ view, title, at, stepTestId }: { view: HostView; title: string; at: (rank: number) => PodiumPlace | undefined; stepTestId: string }) {
  const t = useTranslations("host");
  return (
    <section data-testid="phase-podium" className="flex h-full min-h-0 flex-col items-center gap-[2vh]">
      <h2 className="text-[6vh] font-black">{title}</h2>
      {view.endedEarly && (
        <p data-testid="ended-early" className="rounded-full bg-amber-300 px-[3vh] py-[0.5vh] text-[2.8vh] font-bold text-amber-950">
          {t("podium.endedEarly")}
        </p>
      )}
      <div className="flex min-h-0 flex-1 items-end justify-center gap-[2vh]">
        {PLACES.map(({ rank, height, block }) => {
          const place = at(rank);
          // Fewer than three on the podium: the lower steps are left out.
          if (!place) return null;
          return (
            <div key={rank} data-testid={`${stepTestId}-${rank}`} className="flex w-[28vw] flex-col items-center gap-[1vh]">
              {place.name}
              <span className="text-[3.2vh] font-bold text-indigo-200 tabular-nums">{formatScore(place.score)}</span>
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
