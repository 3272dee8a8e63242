import { useTranslations } from "next-intl";
import type { HostPlayerView } from "@/protocol";

/**
 * Whether a player's phone is connected: a filled dot for online, a hollow one plus the word
 * "offline" otherwise, so it never rests on colour alone.
 */
export function PlayerPresence({ player }: { player: HostPlayerView }) {
  const t = useTranslations("host.online");
  if (player.connected) {
    return (
      <span className="flex shrink-0 items-center">
        <span aria-hidden className="size-[0.55em] rounded-full bg-green-600" />
        <span className="sr-only">{t("presenceOnline")}</span>
      </span>
    );
  }
  return (
    <span data-testid="host-player-offline" className="flex shrink-0 items-center gap-[0.3em] text-[0.75em] font-semibold text-slate-800">
      <span aria-hidden className="size-[0.7em] rounded-full border-[0.15em] border-slate-700" />
      {t("presenceOffline")}
    </span>
  );
}

/** Lets a new device take over a disconnected player who tried to join again under their nickname. */
export function AllowTakeoverButton({ player, disabled, onAllow }: { player: HostPlayerView; disabled: boolean; onAllow: (playerId: string) => void }) {
  const t = useTranslations("host.online");
  return (
    <button
      type="button"
      data-testid="host-allow-takeover"
      disabled={disabled}
      onClick={() => onAllow(player.id)}
      aria-label={t("letInLabel", { nickname: player.nickname })}
      className="shrink-0 rounded-full bg-amber-400 px-[0.8em] py-[0.15em] text-[0.8em] font-bold whitespace-nowrap text-amber-950 hover:bg-amber-300 disabled:opacity-50"
    >
      {t("letIn")}
    </button>
  );
}
