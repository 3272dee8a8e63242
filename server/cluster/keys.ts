/** Every Redis key and channel the cluster uses, under one prefix (REDIS_KEY_PREFIX) so several clusters or test runs can share a Redis. */
export function clusterKeys(prefix: string) {
  return {
    /** gameId of the live game holding a room code (or "reserved" while it is being created). */
    code: (code: string) => `${prefix}:code:${code}`,
    /** Hash {code, hostSecretHash} of a live game, so any node can check a host secret without the database. */
    game: (gameId: string) => `${prefix}:game:${gameId}`,
    /** The node owning a game: its lease, with a TTL the owner keeps renewing. */
    owner: (gameId: string) => `${prefix}:owner:${gameId}`,
    /** Ids of every live game in the cluster, scanned for games whose owner died. */
    live: `${prefix}:live`,
    /** Where a node receives forwarded requests (Redis pub/sub). */
    rpc: (nodeId: string) => `${prefix}:rpc:${nodeId}`,
    /** Socket.IO's Redis Streams adapter: stream and channel prefix. */
    adapter: `${prefix}:socket.io`,
  };
}

export type ClusterKeys = ReturnType<typeof clusterKeys>;
