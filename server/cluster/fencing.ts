/**
 * Fencing: what a room writes and broadcasts goes through only while this node holds the game's
 * lease. A node that lost a game (its event loop stalled past the lease, Redis cut off) may still
 * have a round timer or a queued write for it; those are dropped here, so only the new owner acts.
 * An answer or a join is refused instead (the phone retries and reaches the new owner).
 */
import type { GamePersistence, LiveGameStore, Logger, RoomBroadcaster } from "../rooms/ports";

export class LeaseLost extends Error {
  constructor(gameId: string) {
    super(`this node no longer owns game ${gameId}`);
  }
}

/**
 * Wraps the rooms' ports. Each wrapper inherits every method of the original (so a method added
 * to a port later passes through unfenced) and guards those that name a game.
 */
export function fenceRoomPorts<T extends { persistence: GamePersistence; broadcaster: RoomBroadcaster; store: LiveGameStore }>(
  holds: (gameId: string) => boolean,
  log: Logger,
  ports: T,
): T {
  const { persistence, broadcaster, store } = ports;
  const skipped = (gameId: string, what: string) => {
    log.warn(`cluster: dropped "${what}" for game ${gameId}: this node no longer owns it`);
    return Promise.resolve();
  };
  const fencedPersistence: Partial<GamePersistence> = {
    addPlayer: (player) => (holds(player.gameId) ? persistence.addPlayer(player) : Promise.reject(new LeaseLost(player.gameId))),
    saveAnswer: (gameId, ...rest) => (holds(gameId) ? persistence.saveAnswer(gameId, ...rest) : Promise.reject(new LeaseLost(gameId))),
    setPlayerTeams: (gameId, rows) => (holds(gameId) ? persistence.setPlayerTeams?.(gameId, rows) ?? Promise.resolve() : skipped(gameId, "set teams")),
    markStarted: (gameId, at) => (holds(gameId) ? persistence.markStarted(gameId, at) : skipped(gameId, "mark started")),
    saveRound: (gameId, round) => (holds(gameId) ? persistence.saveRound(gameId, round) : skipped(gameId, "save round")),
    finish: (gameId, result) => (holds(gameId) ? persistence.finish(gameId, result) : skipped(gameId, "finish")),
  };
  const fencedBroadcaster: Partial<RoomBroadcaster> = {
    toPlayers: (gameId, view, playerIds) => void (holds(gameId) && broadcaster.toPlayers(gameId, view, playerIds)),
    toPlayer: (gameId, ...rest) => void (holds(gameId) && broadcaster.toPlayer(gameId, ...rest)),
    playerRemoved: (gameId, ...rest) => void (holds(gameId) && broadcaster.playerRemoved(gameId, ...rest)),
    toHost: (gameId, view) => void (holds(gameId) && broadcaster.toHost(gameId, view)),
    hostAnswers: (gameId, update) => void (holds(gameId) && broadcaster.hostAnswers(gameId, update)),
  };
  const fencedStore: Partial<LiveGameStore> = {
    save: (state, inLaterTurn) => (holds(state.gameId) ? store.save(state, inLaterTurn) : skipped(state.gameId, "save live state")),
    remove: (gameId) => (holds(gameId) ? store.remove(gameId) : skipped(gameId, "remove live state")),
  };
  return {
    ...ports,
    persistence: Object.assign(Object.create(persistence) as GamePersistence, fencedPersistence),
    broadcaster: Object.assign(Object.create(broadcaster) as RoomBroadcaster, fencedBroadcaster),
    store: Object.assign(Object.create(store) as LiveGameStore, fencedStore),
  };
}
