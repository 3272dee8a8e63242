import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const AUTH_SECRET_FILE = "auth-secret";

/**
 * The key better-auth signs session cookies with: AUTH_SECRET when set; otherwise a random one made on
 * first run and kept in the data folder, so sign-ins survive a restart with no set-up.
 */
export async function resolveAuthSecret(fromEnv: string | undefined, dataDir: string): Promise<{ secret: string; source: "env" | "file" | "new" }> {
  if (fromEnv) return { secret: fromEnv, source: "env" };
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return { secret: existing.trim(), source: "file" };
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: "new" };
}
