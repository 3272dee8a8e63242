import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL connection string; unset = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  CONTENT_DIR: z.string().default("./content"),
  /** Address phones use to reach this server, when the detected LAN address is wrong (e.g. behind a proxy). */
  PUBLIC_URL: z.url().optional(),
  /** Minutes a finished game stays open so phones can still see their final rank. */
  FINISHED_GAME_TTL_MINUTES: z.coerce.number().min(0).default(10),
  /** Minutes a game waits for its host screen to come back before it ends ("ended: host left"). */
  HOST_AWAY_MINUTES: z.coerce.number().positive().default(10),
  /** Signs teachers' session cookies. Unset: a random one is made on first run and kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters long." }).optional(),
  /**
   * Reverse proxies whose X-Forwarded-For names the client (for per-address limits): "loopback", addresses/CIDR ranges
   * (comma-separated) or a hop count. Unset: the connection's own address is the client's.
   */
  TRUST_PROXY: z.string().optional(),
  /** Games one teacher may have open (in the lobby or being played) at once. */
  LIVE_GAMES_PER_TEACHER: z.coerce.number().int().min(1).default(5),
  /** Quizzes one teacher may keep in their library. */
  QUIZZES_PER_TEACHER: z.coerce.number().int().min(1).default(500),
  /** Changes (saving a quiz, starting a game, …) one teacher account may make per minute. */
  CHANGES_PER_MINUTE_PER_ACCOUNT: z.coerce.number().int().min(1).default(120),
  /** Changes one network address may make per minute (a whole school behind one NAT shares it). */
  CHANGES_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).default(600),
  /** Days an invite link made by the admin stays valid. */
  INVITE_LINK_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Run as one node of several sharing games through this Redis (needs DATABASE_URL on PostgreSQL and AUTH_SECRET). */
  REDIS_URL: z.string().optional(),
  /** Prefix of this cluster's Redis keys, when several clusters (or test runs) share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, { error: "REDIS_KEY_PREFIX is 1 to 64 letters, digits, ':', '_' or '-'." }).default("quiz"),
});

export type ServerConfig = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration in environment variables:\n${problems}`);
  }
  return parsed.data;
}
