/**
 * The JavaScript a page makes the browser download, gzipped, read from the production build
 * (`.next`, built first when the pages changed, as `npm start` does).
 *
 * The phone's /join is bundled apart from Next.js (server/phone/build-phone.ts): its manifest names
 * what loads up front and later (see phoneBundle). A Next.js page's scripts are the framework's
 * (build-manifest.json `rootMainFiles`, on every page) plus the chunks its client-reference manifest
 * lists for the layouts, boundaries and the page itself (`entryJSFiles`) — the same files as the
 * page's <script> tags; legacy-browser polyfills (`nomodule`) and next/dynamic chunks left out.
 * tests/e2e/phone-weight.spec.ts counts everything a phone downloads until it stands in the lobby.
 *
 * Sizes are gzip at zlib's default level, what the server sends (it compresses with Node's zlib).
 * 1 kB = 1,000 bytes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { buildIfNeeded } from "../server/cli/build-if-needed";
import { PHONE_DIR, PHONE_MANIFEST, type PhoneManifest } from "../server/phone/phone-manifest";

/** Issue 10: what the phone may download for /join and the game screens. */
export const PHONE_JS_BUDGET_GZIP_BYTES = 120_000;

export interface BundleFile {
  /** Under .next/, e.g. static/chunks/….js */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface RouteBundle {
  /** The address, e.g. /join or /host/[gameId]. */
  route: string;
  files: BundleFile[];
  bytes: number;
  gzipBytes: number;
  /** Of which the framework's (Next.js and React), loaded on every page. */
  frameworkGzipBytes: number;
}

interface BuildManifest {
  rootMainFiles: string[];
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** The app directory's entry (e.g. "/(teacher)/host/[gameId]/page") that serves an address. */
function appEntryFor(distDir: string, route: string): string {
  const routes = readJson<Record<string, string>>(path.join(distDir, "app-path-routes-manifest.json"));
  const entry = Object.entries(routes).find(([key, address]) => address === route && key.endsWith("/page"))?.[0];
  if (!entry) throw new Error(`The build has no page for ${route} (pages: ${[...new Set(Object.values(routes))].sort().join(", ")}).`);
  return entry;
}

/** The manifest file is a script that sets globalThis.__RSC_MANIFEST[entry]; run it in a sandbox. */
function clientReferenceManifest(distDir: string, entry: string): ClientReferenceManifest {
  const file = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest>; globalThis?: unknown } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${file} does not describe ${entry}.`);
  return manifest;
}

const gzipCache = new Map<string, BundleFile>();
function measure(distDir: string, file: string): BundleFile {
  const full = path.join(distDir, file);
  let measured = gzipCache.get(full);
  if (!measured) {
    const content = readFileSync(full);
    measured = { file, bytes: content.length, gzipBytes: gzipSync(content).length };
    gzipCache.set(full, measured);
  }
  return measured;
}

/** The JavaScript a Next.js page at `route` loads up front, from the build in `projectDir`/.next (which must exist). */
export function routeBundle(projectDir: string, route: string): RouteBundle {
  const distDir = path.join(projectDir, ".next");
  const framework = readJson<BuildManifest>(path.join(distDir, "build-manifest.json")).rootMainFiles;
  const entries = clientReferenceManifest(distDir, appEntryFor(distDir, route)).entryJSFiles ?? {};
  const names = [...new Set([...framework, ...Object.values(entries).flat()])].filter((file) => file.endsWith(".js"));
  const files = names.map((file) => measure(distDir, file));
  const sum = (list: BundleFile[], key: "bytes" | "gzipBytes") => list.reduce((total, file) => total + file[key], 0);
  return {
    route,
    files,
    bytes: sum(files, "bytes"),
    gzipBytes: sum(files, "gzipBytes"),
    frameworkGzipBytes: sum(
      files.filter((file) => framework.includes(file.file)),
      "gzipBytes",
    ),
  };
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The phone's page (/join) is not a Next.js page: server/phone/build-phone.ts bundles it with Preact.
 * Up front: its module script and the modules it imports; the game screens follow in the lobby
 * (and socket.io-client right after the join form shows); the ordering answer's drag and drop only
 * with an ordering question. Issue 10's budget counts everything but the last.
 */
export function phoneBundle(projectDir: string): { upFront: BundleFile[]; gameScreens: BundleFile[]; orderingOnly: BundleFile[] } {
  const phoneDir = path.join(projectDir, PHONE_DIR);
  const manifest = readJson<PhoneManifest>(path.join(phoneDir, PHONE_MANIFEST));
  const scripts = manifest.files.filter((file) => file.endsWith(".js"));
  const upFront = [manifest.script, ...manifest.preload];
  const pick = (names: string[]) => names.map((file) => measure(phoneDir, file));
  return {
    upFront: pick(upFront),
    gameScreens: pick(scripts.filter((file) => !upFront.includes(file) && !manifest.orderingOnly.includes(file))),
    orderingOnly: pick(manifest.orderingOnly),
  };
}

const gzipTotal = (files: BundleFile[]) => files.reduce((total, file) => total + file.gzipBytes, 0);

/**
 * The bench's bundle section: builds when needed, then the gzipped JavaScript of /join (the phone)
 * and of the host screen (for reference). Returns the targets missed.
 */
export function benchBundle(projectDir = path.resolve(import.meta.dirname, "..")): string[] {
  const build = buildIfNeeded(projectDir);
  if (build.built) console.log(`  (built the pages first: ${(build.ms / 1000).toFixed(0)} s)`);
  const missed: string[] = [];
  const phone = phoneBundle(projectDir);
  const phoneTotal = gzipTotal(phone.upFront) + gzipTotal(phone.gameScreens);
  console.log(
    `  ${"/join".padEnd(16)} ${kB(phoneTotal).padStart(9)} gzip (Preact, server/phone/): up front ${kB(gzipTotal(phone.upFront))} in ${phone.upFront.length} files, ` +
      `then socket.io-client and the game screens ${kB(gzipTotal(phone.gameScreens))} in ${phone.gameScreens.length}; ` +
      `the ordering answer's drag and drop ${kB(gzipTotal(phone.orderingOnly))} when an ordering question shows`,
  );
  const what = `the phone's /join and game screens download ≤ ${kB(PHONE_JS_BUDGET_GZIP_BYTES)} of JavaScript gzipped (${kB(phoneTotal)})`;
  console.log(`  ${phoneTotal <= PHONE_JS_BUDGET_GZIP_BYTES ? "ok  " : "MISS"} ${what}`);
  if (phoneTotal > PHONE_JS_BUDGET_GZIP_BYTES) missed.push(what);

  const host = routeBundle(projectDir, "/host/[gameId]");
  console.log(
    `  ${host.route.padEnd(16)} ${kB(host.gzipBytes).padStart(9)} gzip (${kB(host.bytes)} raw) in ${host.files.length} files; ` +
      `framework ${kB(host.frameworkGzipBytes)}, the page's own ${kB(host.gzipBytes - host.frameworkGzipBytes)}`,
  );
  return missed;
}

// `npx tsx bench/bundle.ts`: this section alone.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log("Page weight: JavaScript each page downloads (gzip, production build)");
  const missed = benchBundle();
  if (missed.length > 0) process.exitCode = 1;
}
