/**
 * The embedded database on its worker thread, driven by postgres.js over a MessagePort: what a
 * game server relies on — refused statements keep their PostgreSQL codes, a connection that goes
 * away inside a transaction leaves nothing behind, and concurrent statements all get answers.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDatabase, pgliteConnectionOptions, startPgliteThread, type PgliteThread } from "../../server/db/pglite-thread";

describe("PGlite on its own thread", () => {
  let thread: PgliteThread;
  const clients: postgres.Sql[] = [];
  const connect = () => {
    const sql = postgres(pgliteConnectionOptions(thread));
    clients.push(sql);
    return sql;
  };

  beforeAll(async () => {
    thread = await startPgliteThread({ dataDir: "memory://", options: {} });
    await connect()`create table notes (id int primary key, body text not null)`;
  });

  afterAll(async () => {
    await Promise.all(clients.map((sql) => sql.end({ timeout: 1 }).catch(() => {})));
    await thread.close();
  });

  it("answers many statements sent at once, each with its own result", async () => {
    const sql = connect();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => sql`select ${i}::int as n, repeat('x', ${i}) as s`));
    expect(results.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(results[199]![0]!.s).toHaveLength(199);
  });

  it("keeps PostgreSQL's error codes, and the connection goes on after a refused statement", async () => {
    const sql = connect();
    await sql`insert into notes values (1, 'first')`;
    await expect(sql`insert into notes values (1, 'again')`).rejects.toMatchObject({ code: "23505" });
    await expect(sql`select * from no_such_table`).rejects.toMatchObject({ code: "42P01" });
    expect((await sql`select body from notes where id = 1`)[0]!.body).toBe("first");
  });

  it("rolls back a transaction whose connection went away, and the next connection can write", async () => {
    const first = connect();
    let inside!: () => void;
    const reachedInsert = new Promise<void>((resolve) => (inside = resolve));
    const abandoned = first
      .begin(async (tx) => {
        await tx`insert into notes values (2, 'never committed')`;
        inside();
        await new Promise(() => {}); // the connection is cut before this transaction ends
      })
      .catch((error: unknown) => error);
    await reachedInsert;
    await first.end({ timeout: 0 });
    expect(await abandoned).toMatchObject({ code: expect.stringMatching(/CONNECTION/) });

    const second = connect();
    expect(await second`select count(*)::int as n from notes where id = 2`).toEqual([{ n: 0 }]);
    await second.begin(async (tx) => {
      await tx`insert into notes values (2, 'committed')`;
    });
    expect((await second`select body from notes where id = 2`)[0]!.body).toBe("committed");
  });

  it("refuses new connections once the database has stopped, with an error rather than a hang", async () => {
    const stopped = await startPgliteThread({ dataDir: "memory://", options: {} });
    const sql = postgres({ ...pgliteConnectionOptions(stopped), connect_timeout: 5 });
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    await sql.end({ timeout: 1 });
    await stopped.close();
    const late = postgres({ ...pgliteConnectionOptions(stopped), connect_timeout: 5 });
    await expect(late`select 1`).rejects.toBeInstanceOf(Error);
    await late.end({ timeout: 0 }).catch(() => {});
  });
});

describe("creating a new embedded database", () => {
  it("creates it in a process of its own, ready for the database thread to open", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "quiz-create-"));
    try {
      await createPgliteDatabase({ dataDir: path.join(dir, "pglite"), options: {} });
      expect(existsSync(path.join(dir, "pglite", "PG_VERSION"))).toBe(true);
      const thread = await startPgliteThread({ dataDir: path.join(dir, "pglite"), options: {} });
      const sql = postgres(pgliteConnectionOptions(thread));
      expect(await sql`select 1 + 1 as two`).toEqual([{ two: 2 }]);
      await sql.end({ timeout: 1 });
      await thread.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says in words why it could not be created", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "quiz-create-"));
    try {
      // A data folder inside a plain file cannot exist.
      await writeFile(path.join(dir, "a-file"), "not a folder");
      await expect(createPgliteDatabase({ dataDir: path.join(dir, "a-file", "pglite"), options: {} })).rejects.toThrow(/^The embedded database could not be created: \S/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
