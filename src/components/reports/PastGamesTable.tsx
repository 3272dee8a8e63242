import { PastGameRow } from "./PastGameRow";
import type { PastGame } from "./types";

const head = "px-3 py-2 sm:px-4";

/** The table of saved games, newest first. */
export function PastGamesTable({ games, onDeleted }: { games: PastGame[]; onDeleted: (message: string) => void }) {
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table data-testid="past-games-table" className="w-full text-left">
        <caption className="sr-only">Your past games, newest first. Each quiz title opens the game&apos;s report.</caption>
        <thead className="bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={head}>Date</th>
            <th scope="col" className={head}>Quiz</th>
            <th scope="col" className={`${head} text-right`}>Players</th>
            <th scope="col" className={`${head} text-right`}>Average score</th>
            <th scope="col" className={`${head} text-right`}>Correct</th>
            <th scope="col" className={head}>Status</th>
            <th scope="col" className={`${head} text-right`}>
              <span className="sr-only">Delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {games.map((game) => (
            <PastGameRow key={game.id} game={game} onDeleted={onDeleted} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
