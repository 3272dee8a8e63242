/**
 * Cookies marked Secure on a request that reached us over HTTPS, even when PUBLIC_URL doesn't say so:
 * a TLS socket, or a trusted reverse proxy (TRUST_PROXY) saying X-Forwarded-Proto: https.
 * (With an https PUBLIC_URL better-auth marks them itself; see server/auth/auth.ts.)
 */
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { TrustProxy } from "./client-address";

export function cameOverHttps(req: IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as TLSSocket | undefined)?.encrypted) return true;
  if (!trust(req.socket?.remoteAddress ?? "", 0)) return false;
  const forwarded = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/** Every Set-Cookie this response sends gets the Secure attribute. */
export function markCookiesSecure(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "set-cookie") return setHeader(name, value);
    const cookies = (Array.isArray(value) ? value : [String(value)]) as string[];
    return setHeader(name, cookies.map((cookie) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`)) as OutgoingHttpHeader);
  };
}
