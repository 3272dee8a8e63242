"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { HostView } from "@/protocol";
import { AllowTakeoverButton, PlayerPresence } from "./PlayerPresence";
import { useDismiss } from "./use-dismiss";

/**
 * During the game: "27 of 30 online", opening a short list of who is offline, each with a
 * "Let in on new device" button once that student has tried to join again from another phone.
 * The list opens by itself when someone new asks to come back.
 */
export function HostOnlineStatus({ view, busy, onAllowTakeover }: { view: HostView; busy: boolean; onAllowTakeover: (playerId: string) => void }) {
  const t = useTranslations("host.online");
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, close);

  const offline = view.players.filter((player) => !player.connected || player.takeoverRequested);
  // Those asking to come back first: they are waiting for the teacher.
  offline.sort((a, b) => Number(b.takeoverRequested) - Number(a.takeoverRequested));
  const asking = offline.filter((player) => player.takeoverRequested);

  const askingKey = asking.map((player) => player.id).join(",");
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const ids = askingKey ? askingKey.split(",") : [];
    if (ids.some((id) => !seen.current.has(id))) setOpen(true);
    seen.current = new Set(ids);
  }, [askingKey]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        data-testid="host-online-toggle"
        aria-expanded={open}
        aria-controls="host-offline-list"
        onClick={() => setOpen((value) => !value)}
        className={`flex items-center gap-[1vh] rounded-[1vh] px-[1.5vh] py-[0.6vh] text-[2.6vh] font-semibold ${
          asking.length > 0 ? "bg-amber-400 text-amber-950" : "text-indigo-100 hover:bg-white/10"
        }`}
      >
        <span data-testid="host-online-count">
          {t("count", { connected: view.connectedCount, total: view.playerCount })}
        </span>
        {asking.length > 0 && <span className="font-bold">{t("asking", { count: asking.length })}</span>}
        <span aria-hidden className="text-[1.8vh]">
          {open ? "▲" : "▼"}
        </span>
      </button>
      {open && (
        <div
          id="host-offline-list"
          data-testid="host-offline-list"
          className="absolute end-0 top-full z-30 mt-[1vh] flex max-h-[60vh] w-[52vh] flex-col gap-[1vh] overflow-y-auto rounded-[1.5vh] bg-white p-[2vh] text-[2.6vh] text-indigo-950 shadow-2xl"
        >
          {offline.length === 0 ? (
            <p className="font-semibold">{t("everyone")}</p>
          ) : (
            <>
              <p className="font-bold">{t("offline", { count: offline.length })}</p>
              <ul className="flex flex-col gap-[0.8vh]">
                {offline.map((player) => (
                  <li key={player.id} data-testid="host-player" data-player-id={player.id} className="flex items-center gap-[1vh] font-semibold">
                    <PlayerPresence player={player} />
                    <span dir="auto" className="min-w-0 flex-1 truncate">
                      {player.nickname}
                    </span>
                    {player.takeoverRequested && <AllowTakeoverButton player={player} disabled={busy} onAllow={onAllowTakeover} />}
                  </li>
                ))}
              </ul>
              <p className="text-[2.2vh] text-slate-600">{t("help")}</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
