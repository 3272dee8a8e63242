import { useTranslations } from "next-intl";
import type { HostView } from "@/protocol";
import { PodiumStage } from "./PodiumStage";

export function HostPodium({ view }: { view: HostView }) {
  // Ties are broken by the server, so podium places are the first three of the ranking.
  const t = useTranslations("host");
  return (
    <PodiumStage
      view={view}
      title={t("podium.title")}
      stepTestId="podium"
      at={(rank) => {
        const entry = view.leaderboard[rank - 1];
        return (
          entry && {
            score: entry.score,
            name: (
              <span data-testid="podium-nickname" dir="auto" className="line-clamp-2 max-w-full text-center text-[4.5vh] leading-tight font-black wrap-anywhere">
                {entry.nickname}
              </span>
            ),
          }
        );
      }}
    />
  );
}
