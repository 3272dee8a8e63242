/**
 * The teachers' pages (Next.js, production build) on a thread of their own (see pages-thread.ts):
 * rendering a page and Next.js's own tens of megabytes stay off the event loop and the heap of the
 * thread that times the rounds. Listens on a loopback port only the server's thread forwards to.
 *
 * Plain JavaScript, like the other workers: it needs no TypeScript loader.
 */
import { createServer } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort, workerData } from "node:worker_threads";

/** What the server's thread can log: a plain copy of an error (an Error does not always clone). */
function plainError(error) {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack, digest: typeof error.digest === "string" ? error.digest : undefined };
  }
  return { name: "Error", message: String(error) };
}

function logError(message, error, reqId = "") {
  parentPort.postMessage({ type: "log", message, reqId, error: error === undefined ? undefined : plainError(error) });
}

// src/instrumentation.ts reports a failed page to the logger published under this key; here that
// logger sends the report to the server's thread, which writes it to the server's log.
globalThis[Symbol.for("classroom-quiz.logger")] = {
  error: (message, error) => logError(message, error),
  child: ({ reqId }) => ({ error: (message, error) => logError(message, error, reqId) }),
};

async function serve({ dir }) {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((error) => {
      logError(`page ${req.method} ${(req.url ?? "/").split("?")[0]} failed`, error, String(req.headers["x-request-id"] ?? ""));
      // The server's thread answers with its own error page and reference when the connection drops.
      res.destroy();
    });
  });
  // Longer than the forwarding agent keeps an idle connection, so it never reuses one closed here.
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return server.address().port;
}

try {
  const port = await serve(workerData);
  parentPort.postMessage({ type: "ready", port });
  // Building the first pages leaves garbage a quiet server could hold for hours (as collect-garbage.ts).
  setTimeout(() => {
    try {
      v8.setFlagsFromString("--expose-gc");
      vm.runInNewContext("gc")();
    } catch {
      // Only memory is at stake.
    }
  }, 5_000).unref();
} catch (error) {
  parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
