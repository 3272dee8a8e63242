/**
 * What a client sees when something fails on the server: one plain sentence and a reference to
 * quote to whoever runs the server. No message, stack, SQL or file path ever leaves the server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const SERVER_ERROR_MESSAGE = "Something went wrong on the server.";

export function sendServerError(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = 500;
  res.setHeader("Cache-Control", "no-store");
  const wantsJson = (req.url ?? "").startsWith("/api/") || /json/.test(req.headers.accept ?? "");
  if (wantsJson) {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: SERVER_ERROR_MESSAGE, reference: requestId }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server error</title></head>` +
      `<body><h1>${SERVER_ERROR_MESSAGE}</h1><p>Please try again. If it keeps happening, tell whoever runs the quiz server ` +
      `this reference: <code>${requestId}</code></p></body></html>`,
  );
}
