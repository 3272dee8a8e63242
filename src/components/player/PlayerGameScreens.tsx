"use client";

import type { PlayerRoomView } from "@/protocol";
import { PlayerAnswering } from "./PlayerAnswering";
import { PlayerFinal } from "./PlayerFinal";
import { PlayerLeaderboard } from "./PlayerLeaderboard";
import { PlayerQuestionRead } from "./PlayerQuestionRead";
import { PlayerReveal } from "./PlayerReveal";

/**
 * The screens after the lobby, in their own chunk: the phone fetches them while it waits in the
 * lobby (PlayerApp), so /join shows its form and the lobby without them.
 */
export function PlayerGameScreens({ phase, questionIndex }: { phase: PlayerRoomView["phase"]; questionIndex: number | undefined }) {
  switch (phase) {
    case "question-read":
      return <PlayerQuestionRead />;
    case "answering":
      return <PlayerAnswering key={questionIndex} />;
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
