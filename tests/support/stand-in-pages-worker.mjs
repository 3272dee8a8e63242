/**
 * Stands in for server/http/pages-worker.mjs (which needs the Next.js build): the same messages to
 * the server's thread, and a few pages that show what a page request looks like on arrival.
 *   /echo      answers with the request's method, headers and body as JSON, a cookie, and a
 *              hop-by-hop header that must not reach the browser
 *   /fails     reports a failed page with its request id, the way src/instrumentation.ts does
 *   /slow      never finishes; reports when the browser has gone away
 *   /crash     ends the thread in the middle of the request
 * With workerData.dir "broken", or a folder holding a file named "broken", it fails to start, as a
 * missing build would.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

function report(message, reqId, error) {
  parentPort.postMessage({ type: "log", message, reqId, error: error && { name: error.name, message: error.message, stack: error.stack, digest: "1234" } });
}

if (workerData.dir === "broken" || existsSync(path.join(workerData.dir, "broken"))) {
  parentPort.postMessage({ type: "failed", message: "no production build in broken/.next" });
} else {
  const server = createServer((req, res) => {
    const reqId = String(req.headers["x-request-id"] ?? "");
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/echo") {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        res.setHeader("Set-Cookie", ["NEXT_LOCALE=fr; Path=/", "seen=1; Path=/"]);
        res.setHeader("X-From-Pages", "yes");
        res.setHeader("Keep-Alive", "timeout=65");
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
      });
    } else if (path === "/fails") {
      report(`page ${req.method} ${path} failed (digest 1234)`, reqId, new Error("the quiz list could not be drawn"));
      res.statusCode = 500;
      res.end("error page");
    } else if (path === "/slow") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<p>rendering");
      res.on("close", () => report("the browser went away from /slow", reqId));
    } else if (path === "/crash") {
      process.exit(3);
    } else {
      res.statusCode = 404;
      res.end("not found");
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, "127.0.0.1", () => parentPort.postMessage({ type: "ready", port: server.address().port }));
}
