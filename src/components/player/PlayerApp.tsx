"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";
import { PlayerGameProvider, usePlayerGame } from "@/client/player-game";
import { ConnectionBanner } from "./ConnectionBanner";
import { JoinForm } from "./JoinForm";
import { PlayerHeader } from "./PlayerHeader";
import { PlayerAnnouncer } from "./PlayerAnnouncer";
import { PlayerLobby } from "./PlayerLobby";
import { PausedOverlay } from "./PausedOverlay";
import { PlayerRemoved } from "./PlayerRemoved";
import { PlayerResuming } from "./PlayerResuming";

/** The screens after the lobby (questions, reveal, leaderboard, podium): fetched while the phone waits in the lobby. */
function loadGameScreens() {
  return import("./PlayerGameScreens").then((module) => module.PlayerGameScreens);
}

const PlayerGameScreens = dynamic(loadGameScreens, {
  ssr: false,
  loading: () => <div className="flex-1" />,
});

/** How long the lobby shows before the phone fetches the game's screens (the lobby's own frame first). */
const GAME_SCREENS_AFTER_LOBBY_MS = 1_000;

/** The phone: the join form, then every game screen, on one page with one socket. */
export function PlayerApp({ initialCode, drawnNames = false }: { initialCode: string; drawnNames?: boolean }) {
  return (
    <PlayerGameProvider initialCode={initialCode}>
      <div className="flex h-dvh flex-col overflow-hidden bg-stage text-white">
        <ConnectionBanner />
        <PlayerScreen initialCode={initialCode} drawnNames={drawnNames} />
      </div>
    </PlayerGameProvider>
  );
}

function PlayerScreen({ initialCode, drawnNames }: { initialCode: string; drawnNames: boolean }) {
  const { stage, room, you, removedMessage, notice } = usePlayerGame();
  if (removedMessage) return <PlayerRemoved message={removedMessage} />;
  if (room && you) {
    return (
      <>
        <PlayerHeader room={room} you={you} />
        <main className="relative flex min-h-0 flex-1 flex-col">
          <PhaseScreen />
          <PausedOverlay />
          <PlayerAnnouncer />
        </main>
      </>
    );
  }
  // Before the page has looked for a stored game: nothing, rather than a form that may vanish.
  if (stage === "checking") return <main className="flex-1" />;
  if (stage === "resuming") return <PlayerResuming />;
  return <JoinForm initialCode={initialCode} notice={notice} drawnNames={drawnNames} />;
}

function PhaseScreen() {
  const { room } = usePlayerGame();
  const phase = room?.phase;
  if (!phase) return null;
  if (phase === "lobby") return <LobbyFetchingGameScreens />;
  return <PlayerGameScreens phase={phase} questionIndex={room.question?.index} />;
}

function LobbyFetchingGameScreens() {
  useEffect(() => {
    const timer = setTimeout(() => void loadGameScreens(), GAME_SCREENS_AFTER_LOBBY_MS);
    return () => clearTimeout(timer);
  }, []);
  return <PlayerLobby />;
}
