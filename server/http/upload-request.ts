/** Shared by the routes that take a file in the request body (pictures, quiz .zip files). */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Whether a browser's Origin header names this server (a page of ours sent the upload). */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(body));
}

/** The request's body, refused with `tooBig()` as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number, tooBig: () => Error): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.off("data", onData);
        req.resume();
        return reject(tooBig());
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.once("error", reject);
  });
}
