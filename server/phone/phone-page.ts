/**
 * Serves the phone's page (/join) from the bundle server/phone/build-phone.ts made: a small HTML
 * document carrying the request's language, its words and the room code from the QR code, then the
 * module script and stylesheet under /phone/ (named by their content: cached for a year), and each
 * language's words for the page's language switcher (/phone/messages/<locale>.json).
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzip as gzipAsync, gzipSync } from "node:zlib";
import { PHONE_NAMESPACES, pickNamespaces } from "../../src/i18n/client-messages";
import { isLocale, LOCALE_COOKIE, pickLocale, textDirection, type Locale } from "../../src/i18n/locales";
import { PHONE_DIR, PHONE_MANIFEST, type PhoneManifest } from "./phone-manifest";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".map", ".json", ".ttf"]);

interface Body {
  raw: Buffer;
  gzip: Buffer | null;
  type: string;
}

function body(content: string | Buffer, extension: string): Body {
  const raw = typeof content === "string" ? Buffer.from(content) : content;
  return { raw, gzip: COMPRESSIBLE.has(extension) ? gzipSync(raw) : null, type: CONTENT_TYPES[extension] ?? "application/octet-stream" };
}

const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

function send(req: IncomingMessage, res: ServerResponse, { raw, gzip, type }: Body, cacheControl: string): void {
  const gzipped = gzip !== null && acceptsGzip(req);
  res.statusCode = 200;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("Vary", "Accept-Encoding");
  if (gzipped) res.setHeader("Content-Encoding", "gzip");
  const sent = gzipped ? gzip : raw;
  res.setHeader("Content-Length", sent.length);
  res.end(req.method === "HEAD" ? undefined : sent);
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end("Not found");
}

/** JSON inside a <script> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The nonce security-headers.ts put in this request's policy. */
function nonceOf(req: IncomingMessage): string {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1] ?? "";
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

interface PhoneLanguage {
  locale: Locale;
  messages: Record<string, unknown>;
  title: string;
  description: string;
}

export interface PhonePages {
  /** Handles GET/HEAD /join and /phone/…; false when the address is not the phone's. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * `dev`: the manifest is read again on every request (the dev server rebuilds the bundle on change).
 * `outDir`: where build-phone.ts wrote the bundle, .next/phone by default.
 */
export function phonePages(projectDir: string, { dev = false, outDir = path.join(projectDir, PHONE_DIR) } = {}): PhonePages {
  const languages = new Map<Locale, PhoneLanguage>();
  const languageBodies = new Map<Locale, Body>();
  const files = new Map<string, Body>();
  let manifest: PhoneManifest | null = null;

  const readManifest = (): PhoneManifest => {
    if (manifest && !dev) return manifest;
    manifest = JSON.parse(readFileSync(path.join(outDir, PHONE_MANIFEST), "utf8")) as PhoneManifest;
    if (dev) files.clear();
    return manifest;
  };

  const language = (locale: Locale): PhoneLanguage => {
    let found = languages.get(locale);
    if (!found) {
      const all = JSON.parse(readFileSync(path.join(projectDir, "src/i18n/messages", `${locale}.json`), "utf8")) as Record<string, Record<string, string>>;
      const titles = all.teacherTitles ?? {};
      found = {
        locale,
        messages: pickNamespaces(all, PHONE_NAMESPACES) as Record<string, unknown>,
        title: `${titles.join ?? "Join"} · Classroom Quiz`,
        description: titles.description ?? "",
      };
      languages.set(locale, found);
    }
    return found;
  };

  const page = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const { script, preload, stylesheet } = readManifest();
    const locale = pickLocale(cookie(req, LOCALE_COOKIE), req.headers["accept-language"]);
    const { messages, title, description } = language(locale);
    // The QR code's address: /join?code=123456, and names=drawn when the game hands out nicknames.
    const initialCode = (url.searchParams.get("code") ?? "").replace(/\D/g, "").slice(0, 6);
    const boot = { locale, messages, title, initialCode, drawnNames: url.searchParams.get("names") === "drawn" };
    const nonce = escapeAttribute(nonceOf(req));
    const html = [
      "<!DOCTYPE html>",
      `<html lang="${locale}" dir="${textDirection(locale)}">`,
      "<head>",
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="theme-color" content="#1e1b4b">',
      `<title>${escapeText(title)}</title>`,
      `<meta name="description" content="${escapeAttribute(description)}">`,
      '<link rel="icon" href="/icon.svg" type="image/svg+xml">',
      `<link rel="stylesheet" href="/phone/${stylesheet}" nonce="${nonce}">`,
      ...preload.map((file) => `<link rel="modulepreload" href="/phone/${file}" nonce="${nonce}">`),
      `<script type="module" src="/phone/${script}" nonce="${nonce}"></script>`,
      "</head>",
      '<body class="min-h-full font-sans antialiased">',
      '<div id="phone"><main class="flex h-dvh flex-col bg-stage"></main></div>',
      `<script id="phone-boot" type="application/json">${scriptJson(boot)}</script>`,
      "</body>",
      "</html>",
    ].join("");
    // Each page carries its own nonce, so it is never cached, and compressed off the event loop that
    // times the games' rounds (a class opening /join at once is 30 of these).
    const raw = Buffer.from(html);
    if (!acceptsGzip(req)) return send(req, res, { raw, gzip: null, type: CONTENT_TYPES[".html"]! }, "no-store");
    gzipAsync(raw, (error, gzip) => send(req, res, { raw, gzip: error ? null : gzip, type: CONTENT_TYPES[".html"]! }, "no-store"));
  };

  const messagesFor = (req: IncomingMessage, res: ServerResponse, locale: string) => {
    if (!isLocale(locale)) return notFound(res);
    let found = languageBodies.get(locale);
    if (!found) {
      const { messages, title } = language(locale);
      found = body(JSON.stringify({ locale, messages, title }), ".json");
      languageBodies.set(locale, found);
    }
    send(req, res, found, dev ? "no-cache" : "public, max-age=3600");
  };

  const asset = (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (!readManifest().files.includes(name)) return notFound(res);
    let found = files.get(name);
    if (!found) {
      found = body(readFileSync(path.join(outDir, name)), path.extname(name));
      files.set(name, found);
    }
    send(req, res, found, dev ? "no-cache" : "public, max-age=31536000, immutable");
  };

  return {
    handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const url = new URL(req.url ?? "/", "http://phone.invalid");
      if (url.pathname === "/join") return page(req, res, url), true;
      if (!url.pathname.startsWith("/phone/")) return false;
      const name = url.pathname.slice("/phone/".length);
      const messages = /^messages\/([a-z]{2})\.json$/.exec(name);
      if (messages) messagesFor(req, res, messages[1]!);
      else asset(req, res, name);
      return true;
    },
  };
}
