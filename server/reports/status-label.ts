import type { GameStatus } from "../db/schema";
import type { GameStatusLabel } from "./types";

const LABELS: Record<GameStatus, GameStatusLabel> = {
  lobby: "waiting in lobby",
  running: "in progress",
  finished: "finished",
  ended_early: "ended early",
  host_left: "interrupted",
};

export function statusLabel(status: GameStatus): GameStatusLabel {
  return LABELS[status];
}
