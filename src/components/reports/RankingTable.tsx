import { formatScore } from "@/components/shared/format";
import { formatSeconds } from "./format";
import type { ReportPlayerData } from "./types";

const cell = "px-3 py-2 sm:px-4";

/** The final ranking of every player; "Answers" opens that player's answers below. */
export function RankingTable({
  ranking,
  selectedId,
  onShowAnswers,
}: {
  ranking: ReportPlayerData[];
  selectedId: string | null;
  onShowAnswers: (playerId: string) => void;
}) {
  if (ranking.length === 0) return <p className="text-slate-600">Nobody joined this game.</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left">
        <caption className="sr-only">Final ranking of every player</caption>
        <thead className="bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={cell}>Rank</th>
            <th scope="col" className={cell}>Nickname</th>
            <th scope="col" className={`${cell} text-right`}>Score</th>
            <th scope="col" className={`${cell} text-right`}>Correct</th>
            <th scope="col" className={`${cell} text-right`}>Average time</th>
            <th scope="col" className={cell}>
              <span className="sr-only">Answers</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((player) => (
            <tr
              key={player.playerId}
              data-testid="results-player-row"
              className={`border-t border-slate-100 ${player.playerId === selectedId ? "bg-indigo-50" : ""}`}
            >
              <td className={`${cell} font-bold tabular-nums`}>{player.rank}</td>
              <th scope="row" className={`${cell} font-semibold wrap-anywhere`}>
                {player.nickname}
                {player.group && (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-600">
                    {player.group === "top" ? "top group" : "bottom group"}
                  </span>
                )}
              </th>
              <td className={`${cell} text-right font-semibold tabular-nums`}>{formatScore(player.score)}</td>
              <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>
                {player.correctCount} / {player.eligibleCount}
              </td>
              <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>{formatSeconds(player.averageResponseMs)}</td>
              <td className={`${cell} text-right`}>
                <button
                  type="button"
                  onClick={() => onShowAnswers(player.playerId)}
                  aria-label={`Show ${player.nickname}'s answers`}
                  className="rounded-lg border border-slate-300 px-3 py-1 text-sm font-semibold whitespace-nowrap text-slate-800 hover:border-indigo-500"
                >
                  Answers
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
