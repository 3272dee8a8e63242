import type { Refusal } from "../../src/protocol";
import { refusal } from "../../src/protocol";
import type { GameEvent } from "./types";

export type EngineResult = { ok: true; events: GameEvent[] } | Refusal;

export const accepted = (events: GameEvent[]): EngineResult => ({ ok: true, events });
export { refusal };
