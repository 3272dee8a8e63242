import { formatScore } from "@/components/shared/format";
import { PlayerAnswersTable } from "./PlayerAnswersTable";
import { formatSeconds } from "./format";
import type { ReportPlayerData, ReportQuestionData } from "./types";

/**
 * One player's answers at a time: a select (or Previous / Next) picks the player, so the page stays
 * readable with a hundred players and thirty questions.
 */
export function PlayerAnswers({
  ranking,
  questions,
  selectedId,
  onSelect,
}: {
  ranking: ReportPlayerData[];
  questions: ReportQuestionData[];
  selectedId: string | null;
  onSelect: (playerId: string) => void;
}) {
  if (ranking.length === 0 || questions.length === 0) {
    return <p className="text-slate-600">There are no answers to show.</p>;
  }
  const position = Math.max(
    0,
    ranking.findIndex((player) => player.playerId === selectedId),
  );
  const player = ranking[position]!;
  const previous = ranking[position - 1];
  const next = ranking[position + 1];
  const button =
    "rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold text-slate-800 hover:border-indigo-500 disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold text-slate-800">
          Player
          <select
            id="player-answers-select"
            value={player.playerId}
            onChange={(event) => onSelect(event.target.value)}
            className="max-w-full min-w-56 rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal text-slate-900"
          >
            {ranking.map((entry) => (
              <option key={entry.playerId} value={entry.playerId}>
                {entry.rank}. {entry.nickname} ({formatScore(entry.score)} points)
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={!previous} onClick={() => previous && onSelect(previous.playerId)}>
          ← Previous player
        </button>
        <button type="button" className={button} disabled={!next} onClick={() => next && onSelect(next.playerId)}>
          Next player →
        </button>
      </div>
      <p className="text-slate-700" aria-live="polite">
        <span className="font-bold">{player.nickname}</span>: rank {player.rank}, {formatScore(player.score)} points, {player.correctCount} of{" "}
        {player.eligibleCount} correct, answered {player.answeredCount} of {player.eligibleCount}, average time{" "}
        {formatSeconds(player.averageResponseMs)}.
      </p>
      <PlayerAnswersTable player={player} questions={questions} />
    </div>
  );
}
