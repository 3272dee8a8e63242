/**
 * The embedded PGlite database on a worker thread (pglite-worker.mjs), reached through
 * postgres.js: every connection is a socket-like object whose bytes cross a MessagePort instead
 * of TCP. No port is opened, so nothing changes for a teacher's firewall on macOS or Windows.
 */
import { fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export interface PgliteThreadOptions {
  dataDir: string;
  /** PGlite constructor options (plain data: they cross to the worker). */
  options: Record<string, unknown>;
}

export interface PgliteThread {
  /** A new connection for postgres.js's `socket` option. */
  connect(): PgliteSocket;
  /** Closes every connection and the database, then stops the thread. */
  close(): Promise<void>;
}

type FromWorker =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "data"; conn: number; bytes: Uint8Array }
  | { type: "closed"; conn: number }
  | { type: "shutdown-done" };

const WORKER_URL = new URL("./pglite-worker.mjs", import.meta.url);
const CREATE_URL = new URL("./pglite-create.mjs", import.meta.url);

let compiledPglite: Promise<WebAssembly.Module> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process (in V8's background threads) and handed to
 * every database thread: each would otherwise spend seconds compiling it again.
 */
function pgliteWasmModule(): Promise<WebAssembly.Module> {
  compiledPglite ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve("@electric-sql/pglite/pglite.wasm");
    return WebAssembly.compile(await readFile(wasmPath));
  })();
  return compiledPglite;
}

async function startWorker(dataDir: string, options: Record<string, unknown>): Promise<Worker> {
  const pgliteModule = await pgliteWasmModule();
  // The worker is plain JavaScript: it needs no TypeScript loader, whatever started this process.
  const worker = new Worker(WORKER_URL, {
    workerData: { dataDir, options: { ...options, pgliteWasmModule: pgliteModule } },
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    const onMessage = (msg: FromWorker) => {
      if (msg.type === "ready") {
        cleanup();
        resolve(worker);
      } else if (msg.type === "failed") {
        cleanup();
        reject(new Error(`The embedded database could not start: ${msg.message}`));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`The embedded database stopped while starting (exit code ${code}).`));
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

/**
 * Runs initdb in a process of its own (pglite-create.mjs), so none of the memory it takes stays
 * in the server. Meanwhile this process compiles PGlite's WebAssembly for the database thread.
 */
export async function createPgliteDatabase({ dataDir, options }: PgliteThreadOptions): Promise<void> {
  void pgliteWasmModule().catch(() => {});
  const child = fork(fileURLToPath(CREATE_URL), [JSON.stringify({ dataDir, options })], { execArgv: [], stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`The embedded database could not be created: ${stderr.trim() || `exit code ${code}`}`);
}

export async function startPgliteThread({ dataDir, options }: PgliteThreadOptions): Promise<PgliteThread> {
  const worker = await startWorker(dataDir, options);
  const sockets = new Map<number, PgliteSocket>();
  let nextConn = 1;
  let stopped = false;
  let shutdownDone: (() => void) | undefined;

  const dropAll = (error?: Error) => {
    for (const socket of sockets.values()) socket.closedByDatabase(error);
    sockets.clear();
  };

  worker.on("message", (msg: FromWorker) => {
    if (msg.type === "data") sockets.get(msg.conn)?.deliver(msg.bytes);
    else if (msg.type === "closed") {
      sockets.get(msg.conn)?.closedByDatabase();
      sockets.delete(msg.conn);
    } else if (msg.type === "shutdown-done") shutdownDone?.();
  });
  worker.on("error", (error) => dropAll(error));
  worker.on("exit", () => {
    stopped = true;
    dropAll(new Error("The embedded database stopped."));
  });

  return {
    connect() {
      const conn = nextConn++;
      const socket = new PgliteSocket({
        send: (bytes) => worker.postMessage({ type: "data", conn, bytes }, [bytes.buffer as ArrayBuffer]),
        close: () => {
          if (!stopped) worker.postMessage({ type: "close", conn });
        },
      });
      if (stopped) {
        setImmediate(() => socket.closedByDatabase(new Error("The embedded database has stopped.")));
        return socket;
      }
      sockets.set(conn, socket);
      worker.postMessage({ type: "open", conn });
      return socket;
    },
    async close() {
      if (stopped) return;
      const done = new Promise<void>((resolve) => (shutdownDone = resolve));
      worker.postMessage({ type: "shutdown" });
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      stopped = true;
      await worker.terminate();
    },
  };
}

/** postgres.js options for a pool of one connection to the embedded database (one PGlite is one connection). */
export function pgliteConnectionOptions(thread: PgliteThread) {
  return {
    // PgliteSocket implements the part of net.Socket postgres.js uses (see below).
    socket: () => thread.connect() as unknown as Socket,
    max: 1,
    ssl: false as const,
    user: "postgres",
    database: "postgres",
    onnotice: () => {},
  };
}

interface SocketLink {
  send(bytes: Uint8Array): void;
  close(): void;
}

/**
 * The part of net.Socket postgres.js uses: write/end/destroy, `data`/`close`/`error` events and a
 * readyState. The link is already "connected" when postgres.js gets it.
 */
export class PgliteSocket extends EventEmitter {
  readyState: "open" | "closed" = "open";

  constructor(private readonly link: SocketLink) {
    super();
  }

  write(chunk: Uint8Array | string, callback?: (error?: Error) => void): boolean {
    if (this.readyState !== "open") {
      callback?.(new Error("The embedded database connection is closed."));
      return false;
    }
    const source = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    // A copy we can hand over to the worker without copying again (postgres.js reuses its buffers).
    const bytes = new Uint8Array(source.byteLength);
    bytes.set(source);
    this.link.send(bytes);
    if (callback) queueMicrotask(() => callback());
    return true;
  }

  end(chunk?: Uint8Array | string): this {
    // postgres.js ends with a Terminate message; the worker treats it as the connection closing.
    if (chunk !== undefined && this.readyState === "open") this.write(chunk);
    this.shutDown();
    return this;
  }

  destroy(): this {
    this.shutDown();
    return this;
  }

  pause(): this {
    return this;
  }

  resume(): this {
    return this;
  }

  deliver(bytes: Uint8Array): void {
    if (this.readyState !== "open") return;
    this.emit("data", Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  closedByDatabase(error?: Error): void {
    if (this.readyState !== "open") return;
    this.readyState = "closed";
    if (error) this.emit("error", error);
    this.emit("close", Boolean(error));
  }

  private shutDown(): void {
    if (this.readyState !== "open") return;
    this.readyState = "closed";
    this.link.close();
    queueMicrotask(() => this.emit("close", false));
  }
}
