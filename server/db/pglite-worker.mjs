/**
 * The embedded database on its own thread (see pglite-thread.ts). PGlite runs every statement
 * synchronously in WebAssembly; here that time is spent off the event loop that times the rounds.
 *
 * The main thread talks to it with the PostgreSQL wire protocol (postgres.js over a MessagePort),
 * so the embedded database and a real PostgreSQL server are driven by the same driver. Plain
 * JavaScript so it starts the same way under tsx, vitest and `npm start`.
 *
 * Messages in:  { type: "open" | "close", conn } · { type: "data", conn, bytes } · { type: "shutdown" }
 * Messages out: { type: "ready" } · { type: "failed", message } · { type: "data", conn, bytes }
 *               { type: "closed", conn } · { type: "shutdown-done" }
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'

/** @type {{ dataDir: string; options: Record<string, unknown> }} */
const { dataDir, options } = workerData;

const db = dataDir.startsWith("memory://") ? new PGlite(options) : new PGlite(dataDir, options);

try {
  await db.waitReady;
} catch (error) {
  parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

serve();

function serve() {
  /** @type {Map<number, { buffer: Buffer; startedUp: boolean }>} */
  const connections = new Map();
  /** @type {Array<{ conn: number; message: Uint8Array }>} */
  const queue = [];
  /** The connection whose statements ran last: while it holds a transaction open, only it runs. */
  let lastConn = null;
  let running = false;

  parentPort.on("message", (msg) => {
    switch (msg.type) {
      case "open":
        connections.set(msg.conn, { buffer: Buffer.alloc(0), startedUp: false });
        break;
      case "data":
        receive(msg.conn, msg.bytes);
        break;
      case "close":
        void disconnect(msg.conn);
        break;
      case "shutdown":
        void shutdown();
        break;
    }
  });
  parentPort.postMessage({ type: "ready" });

  function receive(conn, bytes) {
    const connection = connections.get(conn);
    if (!connection) return;
    const incoming = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    connection.buffer = connection.buffer.length === 0 ? incoming : Buffer.concat([connection.buffer, incoming]);
    for (;;) {
      const length = nextMessageLength(connection);
      if (length === 0 || connection.buffer.length < length) break;
      const message = connection.buffer.subarray(0, length);
      connection.buffer = connection.buffer.subarray(length);
      if (!connection.startedUp) {
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST) {
          send(conn, Buffer.from("N"));
          continue;
        }
        if (code === CANCEL_REQUEST) continue; // nothing to cancel: statements run one at a time
        connection.startedUp = true;
      } else if (message[0] === TERMINATE) {
        void disconnect(conn);
        return;
      }
      queue.push({ conn, message: new Uint8Array(message) });
    }
    void run();
  }

  /** Start-up messages have no type byte; every later message is a type byte and a length. */
  function nextMessageLength(connection) {
    const { buffer, startedUp } = connection;
    if (!startedUp) return buffer.length >= 8 ? buffer.readInt32BE(0) : 0;
    return buffer.length >= 5 ? 1 + buffer.readInt32BE(1) : 0;
  }

  function takeNext() {
    if (lastConn !== null && db.isInTransaction()) {
      const index = queue.findIndex((item) => item.conn === lastConn);
      return index === -1 ? undefined : queue.splice(index, 1)[0];
    }
    return queue.shift();
  }

  async function run() {
    if (running) return;
    running = true;
    // A query is 4–5 protocol messages (Parse, Bind, Describe, Execute, Sync): its replies are
    // posted together once its Sync (or a simple Query) has run, one post instead of five.
    let replyConn = null;
    let replies = [];
    const flush = () => {
      if (replies.length > 0) send(replyConn, replies.length === 1 ? replies[0] : Buffer.concat(replies));
      replies = [];
    };
    try {
      for (let item = takeNext(); item; item = takeNext()) {
        if (item.conn !== replyConn) {
          flush();
          replyConn = item.conn;
        }
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, { onRawData: (data) => replies.push(Buffer.from(data)) }),
          );
        } catch (error) {
          // PGlite itself failed (not a refused statement, which comes back as an ErrorResponse):
          // drop the connection so the driver reports it and opens a new one.
          console.error("embedded database:", error instanceof Error ? error.message : error);
          replies = [];
          await disconnect(item.conn);
          continue;
        }
        lastConn = item.conn;
        if (item.message[0] === SYNC || item.message[0] === QUERY) flush();
      }
      flush();
    } finally {
      running = false;
    }
  }

  function send(conn, buffer) {
    if (!connections.has(conn)) return;
    const bytes = new Uint8Array(buffer.byteLength);
    bytes.set(buffer);
    parentPort.postMessage({ type: "data", conn, bytes }, [bytes.buffer]);
  }

  async function disconnect(conn) {
    if (!connections.delete(conn)) return;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].conn === conn) queue.splice(i, 1);
    if (lastConn === conn) {
      lastConn = null;
      // A connection that went away inside a transaction must not leave it open for the next one.
      // (exec takes PGlite's own lock, so it waits for a statement still running; not runExclusive,
      // which holds that same lock and would never let it in.)
      if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => {});
    }
    parentPort.postMessage({ type: "closed", conn });
    void run();
  }

  async function shutdown() {
    for (const conn of [...connections.keys()]) await disconnect(conn);
    await db.close().catch(() => {});
    parentPort.postMessage({ type: "shutdown-done" });
  }
}
