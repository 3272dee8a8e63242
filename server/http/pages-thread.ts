/**
 * Under `npm start` the teachers' pages (Next.js) run on a worker thread of their own
 * (pages-worker.mjs) and this thread forwards their requests to it over loopback. Rendering a page
 * and Next.js's tens of megabytes of heap then stay off the event loop that times the rounds and
 * off the heap its garbage collections mark (docs/benchmarks.md, fourteenth pass). The phone's
 * page, tRPC, sign-in and the sockets stay here; the pages use no database (their data comes through
 * tRPC). `npm run dev` keeps Next.js in this thread for its hot reload.
 *
 * If the thread dies it is started again; meanwhile pages answer 503 in plain words.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { Worker } from "node:worker_threads";
import { logForRequest } from "../logging/logger";
import type { Logger } from "../rooms/ports";
import { requestIdOf } from "./request-id";
import { sendServerError } from "./server-error";

const PAGES_WORKER_URL = new URL("./pages-worker.mjs", import.meta.url);

/** Headers about one hop's connection, not the request: never passed on. */
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

interface PlainError {
  name: string;
  message: string;
  stack?: string;
  digest?: string;
}

type FromWorker = { type: "ready"; port: number } | { type: "failed"; message: string } | { type: "log"; message: string; reqId: string; error?: PlainError };

export interface PagesThreadOptions {
  /** The project folder (the one with .next/). */
  dir: string;
  log: Logger;
  /** Tests start a stand-in that speaks the same messages. */
  workerUrl?: URL;
  restartDelayMs?: number;
}

export interface PagesThread {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export async function startPagesThread({ dir, log, workerUrl = PAGES_WORKER_URL, restartDelayMs = 1_000 }: PagesThreadOptions): Promise<PagesThread> {
  // Idle connections are dropped before the worker's server would close them (its keep-alive is 65 s).
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000 });
  let worker: Worker | null = null;
  let port: number | null = null;
  let closing = false;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      let ready = false;
      // The worker is plain JavaScript: it needs no TypeScript loader, whatever started this process.
      const thread = new Worker(workerUrl, { workerData: { dir }, execArgv: [] });
      worker = thread;
      thread.on("message", (message: FromWorker) => {
        if (message.type === "ready") {
          ready = true;
          port = message.port;
          resolve();
        } else if (message.type === "failed") {
          reject(new Error(`The pages could not start: ${message.message}`));
          void thread.terminate();
        } else if (message.type === "log") {
          const error = message.error ? revive(message.error) : undefined;
          (message.reqId ? logForRequest(log, message.reqId) : log).error(message.message, error);
        }
      });
      thread.on("error", (error) => {
        if (ready) log.error("The pages' thread failed", error);
        else reject(error);
      });
      thread.on("exit", (code) => {
        if (worker !== thread) return;
        port = null;
        worker = null;
        if (!ready) reject(new Error(`The pages stopped while starting (exit code ${code}).`));
        else if (!closing) {
          log.error(`The pages stopped (exit code ${code}); starting them again.`);
          relaunchSoon();
        }
      });
    });

  // Each failed try waits twice as long as the one before (up to a minute): a build that has gone
  // missing is reported a few times, not every second.
  const relaunchSoon = (delayMs = restartDelayMs) => {
    setTimeout(() => {
      if (closing) return;
      launch().then(
        () => log.info("The pages are back."),
        (error: unknown) => {
          log.error("The pages could not start again; trying once more shortly", error);
          relaunchSoon(Math.min(delayMs * 2, 60_000));
        },
      );
    }, delayMs).unref();
  };

  await launch();

  return {
    handle(req, res) {
      if (port === null) return sendPagesRestarting(res);
      forward(req, res, port, agent, log);
    },
    async close() {
      closing = true;
      agent.destroy();
      await worker?.terminate();
    },
  };
}

function forward(req: IncomingMessage, res: ServerResponse, port: number, agent: http.Agent, log: Logger): void {
  const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: withoutHopByHop(req.headers), agent });
  upstream.on("response", (answer) => {
    // Merged with this server's own headers (request id, security headers); the page's win on a clash.
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers) as OutgoingHttpHeaders);
    answer.pipe(res);
    answer.on("error", () => res.destroy());
  });
  upstream.on("error", (error) => {
    if (res.writableEnded || res.destroyed) return;
    logForRequest(log, requestIdOf(req)).error(`page ${(req.url ?? "/").split("?")[0]} failed`, error);
    sendServerError(req, res, requestIdOf(req));
  });
  // A browser that goes away stops the page's rendering too.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function revive({ name, message, stack, digest }: PlainError): Error {
  const error = new Error(message);
  error.name = name;
  if (stack) error.stack = stack;
  if (digest) Object.assign(error, { digest });
  return error;
}

function sendPagesRestarting(res: ServerResponse): void {
  res.statusCode = 503;
  res.setHeader("Retry-After", "5");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Restarting</title></head>` +
      `<body><h1>The pages are restarting.</h1><p>Try again in a few seconds. Games in progress go on meanwhile.</p></body></html>`,
  );
}
