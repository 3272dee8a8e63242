import { useTranslations } from "next-intl";
/**
 * Players the host removed, each with a button to let them back in (a removed phone can't join
 * the game again, under any name, until then).
 */
export function RemovedPlayers({ players, notListed = 0, busy, onReadmit }: {
  players: Array<{ id: string; nickname: string }>;
  /** Removed players not in `players` (a big game lists the latest 100). */
  notListed?: number;
  busy: boolean;
  onReadmit: (playerId: string) => void;
}) {
  const t = useTranslations("host.removed");
  if (players.length === 0) return null;
  return (
    <div data-testid="host-removed-players" className="flex shrink-0 flex-wrap items-center gap-[1vh] border-t border-white/10 pt-[1.2vh] text-[2.2vh]">
      <span className="font-semibold text-indigo-200">{t("label")}</span>
      {players.map((player) => (
        <span key={player.id} data-testid="host-removed-player" className="flex items-center gap-[0.8vh] rounded-full bg-white/10 py-[0.3vh] ps-[1.2vh] pe-[0.5vh] text-current">
          <span dir="auto" className="max-w-[30vw] truncate line-through decoration-2">
            {player.nickname}
          </span>
          <button
            type="button"
            data-testid="host-readmit-player"
            disabled={busy}
            onClick={() => onReadmit(player.id)}
            aria-label={t("letBackLabel", { nickname: player.nickname })}
            className="rounded-full bg-white px-[1em] py-[0.1em] text-[0.9em] font-bold text-indigo-950 hover:bg-amber-200 disabled:opacity-50"
          >
            {t("letBack")}
          </button>
        </span>
      ))}
      {notListed > 0 && <span data-testid="host-removed-not-listed" className="text-indigo-200">{t("more", { count: notListed })}</span>}
    </div>
  );
}
