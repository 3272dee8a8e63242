import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** A new, empty PostgreSQL database next to `baseUrl` (whose role may create databases), dropped by `drop()`. */
export async function freshPostgresDatabase(baseUrl: string) {
  const name = `quiz_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end({ timeout: 5 });
    },
  };
}
