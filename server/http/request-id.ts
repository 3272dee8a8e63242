/**
 * One short id per HTTP request, sent back as X-Request-Id and written on every log line about it,
 * so "reference 7Hc2mQ9x" on a teacher's error page finds the server's log entry.
 * An id from a trusted reverse proxy (TRUST_PROXY) is kept, so the proxy's log and ours match.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { trustNoProxy, type TrustProxy } from "./client-address";

export const REQUEST_ID_HEADER = "x-request-id";

const ids = new WeakMap<IncomingMessage, string>();
const WELL_FORMED = /^[A-Za-z0-9._-]{6,64}$/;

export function newRequestId(): string {
  return randomBytes(6).toString("base64url");
}

/** Gives the request its id (echoed in the response header and set on req.headers for Next.js code). */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, trust: TrustProxy = trustNoProxy): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  const fromTrustedProxy = typeof offered === "string" && WELL_FORMED.test(offered) && trust(req.socket?.remoteAddress ?? "", 0);
  const id = fromTrustedProxy ? offered : newRequestId();
  ids.set(req, id);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader("X-Request-Id", id);
  return id;
}

/** The id given by assignRequestId (a new one if the request never went through it). */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (!id) {
    id = newRequestId();
    ids.set(req, id);
  }
  return id;
}
