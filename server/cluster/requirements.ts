/** What a cluster node needs besides REDIS_URL; null when the configuration can run. */
export function clusterConfigProblem(config: { REDIS_URL?: string; DATABASE_URL?: string; AUTH_SECRET?: string }): string | null {
  if (!config.REDIS_URL) return null;
  const missing: string[] = [];
  if (!config.DATABASE_URL || !/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    missing.push("DATABASE_URL pointing to a PostgreSQL database that every node shares (the embedded database can't be shared)");
  }
  if (!config.AUTH_SECRET) missing.push("AUTH_SECRET, the same on every node (so a teacher signed in on one node is signed in on all)");
  if (missing.length === 0) return null;
  return `REDIS_URL is set, so this server runs as one node of several. It also needs ${missing.join(", and ")}.`;
}
