/**
 * Which network address a request or socket comes from, for per-address limits.
 * Without TRUST_PROXY it is the connection's own peer: a student can't pick it by sending a header.
 * Behind a reverse proxy, TRUST_PROXY names the proxies whose X-Forwarded-For is believed
 * (proxy-addr syntax: "loopback", "uniquelocal", addresses or CIDR ranges, comma-separated, or a hop count).
 */
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/** Nobody is trusted: the TCP peer is the client. */
export const trustNoProxy: TrustProxy = () => false;

export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = setting?.trim();
  if (!value || value === "false" || value === "0") return trustNoProxy;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(value.split(",").map((part) => part.trim()).filter(Boolean));
}

export function clientAddress(req: IncomingMessage, trust: TrustProxy = trustNoProxy): string {
  if (!req.socket?.remoteAddress) return "unknown";
  return normalise(proxyAddr(req, trust));
}

/** "::ffff:10.0.0.5" and "10.0.0.5" are the same client. */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
