"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, type RouterOutputs } from "@/client/trpc";
import { RichText } from "@/components/shared/RichText";
import { formatScore } from "@/components/shared/format";

type GameResults = RouterOutputs["games"]["results"];

const STATUS_LABEL: Record<string, string> = {
  lobby: "Not started",
  running: "In progress",
  finished: "Finished",
  ended_early: "Ended early",
};

export function ResultsView({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const results = useQuery(trpc.games.results.queryOptions({ gameId }));

  return (
    <main className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-8">
      <nav>
        <Link href="/" className="font-semibold text-indigo-700 underline">
          ← Quizzes
        </Link>
      </nav>
      {results.isPending && <p className="text-slate-600">Loading results…</p>}
      {results.isError && (
        <p role="alert" data-testid="results-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          {results.error.message}
        </p>
      )}
      {results.data && <Results results={results.data} />}
    </main>
  );
}

function Results({ results }: { results: GameResults }) {
  const { game, ranking, rounds } = results;
  const playedAt = new Date(game.startedAt ?? game.createdAt);
  return (
    <>
      <header data-testid="results-header">
        <h1 className="text-3xl font-black break-words">{game.quizTitle}</h1>
        <p className="mt-1 text-slate-600">
          <time dateTime={playedAt.toISOString()}>{playedAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}</time>
          {" · "}
          <span data-testid="results-status" className="font-semibold text-slate-800">
            {STATUS_LABEL[game.status] ?? game.status}
          </span>
          {" · "}
          {ranking.length} {ranking.length === 1 ? "player" : "players"}
        </p>
      </header>

      <section className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">Final ranking</h2>
        {ranking.length === 0 ? (
          <p className="text-slate-600">Nobody played this game.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-left">
              <thead className="bg-slate-100 text-sm text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 sm:px-4">Rank</th>
                  <th scope="col" className="px-3 py-2 sm:px-4">Nickname</th>
                  <th scope="col" className="px-3 py-2 sm:px-4 text-right">Score</th>
                  <th scope="col" className="px-3 py-2 sm:px-4 text-right">Correct</th>
                </tr>
              </thead>
              <tbody>
                {ranking.map((player) => (
                  <tr key={player.playerId} data-testid="results-player-row" className="border-t border-slate-100">
                    <td className="px-3 py-2 sm:px-4 font-bold tabular-nums">{player.rank}</td>
                    <td className="px-3 py-2 sm:px-4 font-semibold wrap-anywhere">{player.nickname}</td>
                    <td className="px-3 py-2 sm:px-4 text-right tabular-nums">{formatScore(player.score)}</td>
                    <td className="px-3 py-2 sm:px-4 text-right tabular-nums">
                      {player.correctCount} / {rounds.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">Questions</h2>
        {rounds.length === 0 ? (
          <p className="text-slate-600">No question was played.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-left">
              <thead className="bg-slate-100 text-sm text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 sm:px-4">#</th>
                  <th scope="col" className="px-3 py-2 sm:px-4">Question</th>
                  <th scope="col" className="px-3 py-2 text-right sm:px-4">Correct</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.roundIndex} data-testid="results-question-row" className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2 sm:px-4 font-bold tabular-nums">{round.roundIndex + 1}</td>
                    <td className="px-3 py-2 sm:px-4">
                      <RichText html={round.promptHtml} className="font-medium" />
                    </td>
                    <td className="px-3 py-2 text-right sm:px-4">
                      <span
                        data-testid="results-percent-correct"
                        className={`block font-bold tabular-nums ${round.percentCorrect < 50 ? "text-red-700" : "text-green-700"}`}
                      >
                        {round.percentCorrect}%
                      </span>
                      <span data-testid="results-answered" className="block text-sm whitespace-nowrap text-slate-600 tabular-nums">
                        {round.answered} of {round.eligible} answered
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
