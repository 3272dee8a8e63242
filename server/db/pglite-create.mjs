/**
 * Creates a new embedded database (initdb) in a process of its own, started by
 * createPgliteDatabase (pglite-thread.ts). When it exits, all the memory initdb took goes back
 * to the system; a thread of the server's own process left ~75 MB of it in the server for good.
 * Plain JavaScript, like pglite-worker.mjs. Argument: JSON { dataDir, options }.
 */
import { PGlite } from "@electric-sql/pglite";

const { dataDir, options } = JSON.parse(process.argv[2] ?? "{}");
try {
  const db = new PGlite(dataDir, options);
  await db.waitReady;
  await db.close();
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
