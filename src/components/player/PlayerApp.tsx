"use client";

import { PlayerGameProvider, usePlayerGame } from "@/client/player-game";
import { ConnectionBanner } from "./ConnectionBanner";
import { JoinForm } from "./JoinForm";
import { PlayerAnswering } from "./PlayerAnswering";
import { PlayerFinal } from "./PlayerFinal";
import { PlayerHeader } from "./PlayerHeader";
import { PlayerLeaderboard } from "./PlayerLeaderboard";
import { PlayerAnnouncer } from "./PlayerAnnouncer";
import { PlayerLobby } from "./PlayerLobby";
import { PlayerQuestionRead } from "./PlayerQuestionRead";
import { PausedOverlay } from "./PausedOverlay";
import { PlayerRemoved } from "./PlayerRemoved";
import { PlayerResuming } from "./PlayerResuming";
import { PlayerReveal } from "./PlayerReveal";

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
  switch (room?.phase) {
    case "lobby":
      return <PlayerLobby />;
    case "question-read":
      return <PlayerQuestionRead />;
    case "answering":
      return <PlayerAnswering key={room.question?.index} />;
    case "reveal":
      return <PlayerReveal />;
    case "leaderboard":
      return <PlayerLeaderboard />;
    case "podium":
    case "finished":
      return <PlayerFinal />;
    default:
      return null;
  }
}
