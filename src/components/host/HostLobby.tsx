import { TeamName } from "@/components/shared/TeamName";
import { useTranslations } from "next-intl";
import type { HostView } from "@/protocol";
import { LockIcon } from "@/components/shared/icons";
import { LinkQrCode } from "@/components/shared/LinkQrCode";
import { AllowTakeoverButton, PlayerPresence } from "./PlayerPresence";
import { RemovedPlayers } from "./RemovedPlayers";

/** Names shrink as the class fills up, so thirty of them still fit beside the join details. */
function chipSize(playerCount: number): string {
  if (playerCount <= 12) return "text-[3vh]";
  if (playerCount <= 30) return "text-[2.2vh]";
  return "text-[1.9vh]";
}

export function HostLobby({ view, joinUrl, busy, onRemovePlayer, onReadmitPlayer, onAllowTakeover }: {
  view: HostView;
  joinUrl: string | null;
  busy: boolean;
  onRemovePlayer: (playerId: string) => void;
  onReadmitPlayer: (playerId: string) => void;
  onAllowTakeover: (playerId: string) => void;
}) {
  const t = useTranslations("host.lobby");
  const qrUrl = joinUrl ? `${joinUrl}?code=${view.code}${view.generatedNicknames ? "&names=drawn" : ""}` : null;
  // Once the class is filling up, the join details shrink to give the names room.
  const compact = view.playerCount > 12;
  return (
    <section data-testid="phase-lobby" className="flex h-full min-h-0 flex-col gap-[3vh]">
      <div className="flex shrink-0 items-center justify-center gap-[6vh]">
        <div className="flex min-w-0 flex-col gap-[1.5vh]">
          <p className="text-[3.2vh] font-semibold text-indigo-200">{t("joinAt")}</p>
          <p data-testid="host-join-url" dir="ltr" className={`leading-tight font-bold break-all text-current ${compact ? "text-[4vh]" : "text-[5vh]"}`}>
            {joinUrl ?? "…"}
          </p>
          <p className="mt-[1vh] text-[3.2vh] font-semibold text-indigo-200">{t("withCode")}</p>
          <p
            data-testid="host-code"
            aria-label={t("codeLabel", { digits: view.code.split("").join(" ") })}
            className={`rounded-[2vh] bg-white px-[3vh] text-center font-mono leading-none font-black tracking-[0.12em] text-indigo-950 tabular-nums ${
              compact ? "text-[11vh]" : "text-[16vh]"
            }`}
          >
            {view.code}
          </p>
          {view.locked && (
            <p data-testid="host-locked-notice" className="flex items-center justify-center gap-[1vh] rounded-full bg-amber-300 px-[2vh] py-[0.5vh] text-[2.8vh] font-bold text-amber-950">
              <LockIcon className="size-[3vh]" />
              {t("locked")}
            </p>
          )}
        </div>
        {qrUrl && <LinkQrCode url={qrUrl} testId="host-qr-code" label={t("qrLabel", { url: qrUrl })} className={`shrink-0 p-[1vh] ${compact ? "size-[30vh]" : "size-[40vh]"}`} />}
      </div>

      <div className="flex min-h-0 flex-1 flex-col gap-[1.5vh] rounded-[2vh] bg-white/5 p-[2.5vh]">
        <h2 className="text-[3.5vh] font-bold">
          {t.rich("players", { count: view.playerCount, number: (chunks) => <span data-testid="host-player-count">{chunks}</span> })}
        </h2>
        {view.players.length === 0 ? (
          <p className="text-[3vh] text-indigo-200">{t("waiting")}</p>
        ) : (
          <ul data-testid="host-player-list" className="flex min-h-0 flex-wrap content-start gap-[1vh] overflow-y-auto">
            {view.players.map((player) => (
              <li
                key={player.id}
                data-testid="host-player"
                data-player-id={player.id}
                data-connected={player.connected}
                className={`animate-pop-in flex items-center gap-[1vh] rounded-full py-[0.4vh] ps-[1.4vh] pe-[0.6vh] font-bold text-indigo-950 ${chipSize(view.playerCount)} ${
                  player.connected ? "bg-white" : "bg-slate-300"
                }`}
              >
                <PlayerPresence player={player} />
                <span dir="auto" className="max-w-[40vw] truncate">
                  {player.nickname}
                </span>
                {player.team !== undefined && <TeamName team={player.team} className="text-[0.8em] font-semibold text-slate-700" swatchClassName="size-[0.9em] border-slate-400" />}
                {player.takeoverRequested && <AllowTakeoverButton player={player} disabled={busy} onAllow={onAllowTakeover} />}
                <button
                  type="button"
                  data-testid="host-remove-player"
                  onClick={() => onRemovePlayer(player.id)}
                  aria-label={t("remove", { nickname: player.nickname })}
                  title={t("remove", { nickname: player.nickname })}
                  className="flex size-[1.4em] items-center justify-center rounded-full leading-none text-slate-600 hover:bg-red-100 hover:text-red-700"
                >
                  ×
                </button>
              </li>
            ))}
            {view.playersNotListed > 0 && (
              <li data-testid="host-players-not-listed" className={`flex items-center rounded-full bg-white/15 px-[1.4vh] py-[0.4vh] font-bold text-current ${chipSize(view.playerCount)}`}>
                {t("more", { count: view.playersNotListed })}
              </li>
            )}
          </ul>
        )}
        <RemovedPlayers players={view.removedPlayers} notListed={view.removedNotListed} busy={busy} onReadmit={onReadmitPlayer} />
      </div>
    </section>
  );
}
