import { PastGameRow } from "./PastGameRow";
import type { PastGame } from "./types";
import { useTranslations } from "next-intl";

const head = "px-3 py-2 sm:px-4";

/** The table of saved games, newest first. */
export function PastGamesTable({ games, onDeleted }: { games: PastGame[]; onDeleted: (message: string) => void }) {
  const t = useTranslations("teacherReports.pastGames");
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table data-testid="past-games-table" className="w-full text-start">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={head}>{t("date")}</th>
            <th scope="col" className={head}>{t("quiz")}</th>
            <th scope="col" className={`${head} text-end`}>{t("players")}</th>
            <th scope="col" className={`${head} text-end`}>{t("averageScore")}</th>
            <th scope="col" className={`${head} text-end`}>{t("correct")}</th>
            <th scope="col" className={head}>{t("status")}</th>
            <th scope="col" className={`${head} text-end`}>
              <span className="sr-only">{t("delete")}</span>
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
