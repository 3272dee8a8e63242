/**
 * Security headers on every response: pages, tRPC, auth, /healthz and Socket.IO's polling.
 *
 * Pages get a Content-Security-Policy with a fresh nonce. The same policy is written into the
 * request's own headers, which is where Next.js looks for the nonce to put on its scripts (the
 * documented proxy.ts recipe does exactly this; our custom server does it for every request in one
 * place). Pages must then render per request (see `connection()` in src/app/layout.tsx).
 * Everything else is data, never a document: its policy allows nothing.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityHeaderOptions {
  /** `next dev`: React's debugging needs eval, and dev styles are injected without a nonce. */
  dev: boolean;
}

const COMMON_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // For browsers that predate CSP's frame-ancestors.
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const DATA_PATHS = ["/api/", "/socket.io/", "/healthz", "/pictures/"];

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function pagePolicy(nonce: string, options: SecurityHeaderOptions & { host?: string }): string {
  const socketOrigins = options.host ? ` ws://${options.host} wss://${options.host}` : "";
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd Next.js runtime loads are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // React writes style={{…}} props (answer colours, bar widths) into the server-rendered HTML as attributes.
    "style-src-attr 'unsafe-inline'",
    // Quiz questions show their stored pictures ('self', /pictures/) and may show any http(s) address (see src/quizdown/markdown.ts).
    "img-src 'self' data: blob: https: http:",
    "font-src 'self'",
    // 'self' covers same-origin websockets in current browsers; the explicit origins cover older Safari.
    `connect-src 'self'${socketOrigins}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A Host header is the client's to write: only a plain host[:port] goes into the policy. */
function safeHost(host: string | undefined): string | undefined {
  return host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : undefined;
}

function isDataPath(url: string): boolean {
  return DATA_PATHS.some((prefix) => url.startsWith(prefix));
}

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
  // Whatever policy a client sent is replaced: Next.js must only ever see ours.
  delete req.headers["content-security-policy-report-only"];
  if (isDataPath(req.url ?? "/")) {
    delete req.headers["content-security-policy"];
    res.setHeader("Content-Security-Policy", DATA_POLICY);
    return;
  }
  const policy = pagePolicy(newNonce(), { ...options, host: safeHost(req.headers.host) });
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}
