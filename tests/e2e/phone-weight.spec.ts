/**
 * In real Chromium: what a phone downloads to join a game, and how long it takes from opening /join
 * to standing in the lobby, on loopback and on a throttled cheap-phone profile (4× slower CPU,
 * 1.6 Mbit/s down, 150 ms latency, 360×640). The times are printed and attached to the report.
 */
import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { PHONE_JS_BUDGET_GZIP_BYTES } from "../../bench/bundle";
import { PHONE } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

/** Code only the teacher's pages need; none of it may reach the phone. */
const TEACHER_ONLY_MARKERS: Record<string, RegExp> = {
  "tRPC client": /TRPCClientError/,
  "React Query": /QueryClient|queryCache/,
  zod: /\$ZodType|ZodError/,
  "the nickname word list (obscenity)": /englishDataset|RegExpMatcher/,
  "dnd-kit (loaded with ordering questions only)": /DndContext|useSortable|dnd-kit/,
};

interface Download {
  url: string;
  /** Bytes on the wire (the server gzips). */
  transferred: number;
  /** Gzip of the body at zlib's default level, as bench/bundle.ts counts it. */
  gzip: number;
  body: string;
}

/** Every JavaScript file `page` downloads while `during` runs. */
async function javascriptDownloads(page: Page, during: () => Promise<void>): Promise<Download[]> {
  const pending: Promise<Download>[] = [];
  page.on("response", (response) => {
    if (!/javascript/.test(response.headers()["content-type"] ?? "")) return;
    pending.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        return { url: response.url(), transferred: sizes.responseBodySize, gzip: gzipSync(body).length, body: body.toString("utf8") };
      })(),
    );
  });
  await during();
  return Promise.all(pending);
}

async function hostLobby(browser: Browser): Promise<string> {
  const host = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signUpAsNewTeacher(host);
  await hostQuiz(host, host.getByTestId("quiz-back-office"));
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  return (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");
}

interface OpenToLobby {
  /**
   * What the app makes the student wait, ms: `ready` (from the navigation starting to the join form
   * showing the code from the QR code, ready for a nickname) plus `join` (from tapping Join to the
   * first frame showing the lobby). The typing in between is the student's, not the app's.
   */
  ms: number;
  ready: number;
  join: number;
  /** From the navigation starting, ms: the HTML received, the DOM ready. */
  html: number;
  domReady: number;
  phone: Page;
}

/**
 * A new phone (empty cache) opens /join?code=… as the QR code sends it, types its nickname and joins.
 * Timed by the page's own clock, watched every animation frame (not the test's polling).
 */
async function openToLobby(browser: Browser, code: string, nickname: string, throttled: boolean): Promise<OpenToLobby> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const phone = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(phone);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1_000_000) / 8,
      uploadThroughput: (0.75 * 1_000_000) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await phone.goto(`/join?code=${code}`, { waitUntil: "commit" });
  const ready = await phone.waitForFunction(
    (expected) => (document.querySelector('[data-testid="join-code"]') as HTMLInputElement | null)?.value === expected && performance.now(),
    code,
    { polling: "raf", timeout: 30_000 },
  );
  await phone.getByTestId("join-nickname").fill(nickname);
  await phone.evaluate(() => {
    const form = document.querySelector('[data-testid="join-form"]');
    form?.addEventListener("submit", () => ((window as unknown as { joinTappedAt: number }).joinTappedAt = performance.now()), { capture: true, once: true });
  });
  await phone.getByTestId("join-submit").click();
  const shown = await phone.waitForFunction(
    (name) => document.querySelector('[data-testid="player-joined-nickname"]')?.textContent === name && performance.now(),
    nickname,
    { polling: "raf", timeout: 30_000 },
  );
  const lobbyAt = (await shown.jsonValue()) as number;
  const readyAt = (await ready.jsonValue()) as number;
  const page = await phone.evaluate(() => {
    const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return { html: entry?.responseEnd ?? 0, domReady: entry?.domContentLoadedEventEnd ?? 0, tappedAt: (window as unknown as { joinTappedAt: number }).joinTappedAt };
  });
  const join = lobbyAt - page.tappedAt;
  return {
    ms: Math.round(readyAt + join),
    ready: Math.round(readyAt),
    join: Math.round(join),
    html: Math.round(page.html),
    domReady: Math.round(page.domReady),
    phone,
  };
}

async function record(testInfo: TestInfo, name: string, value: string) {
  console.log(`  ${name}: ${value}`);
  await testInfo.attach(name, { body: value, contentType: "text/plain" });
}

test("the phone's /join downloads no teacher code, and little JavaScript", async ({ browser }, testInfo) => {
  const code = await hostLobby(browser);
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  const downloads = await javascriptDownloads(phone, async () => {
    await phone.goto(`/join?code=${code}`);
    await phone.getByTestId("join-nickname").fill("Weigh");
    await phone.getByTestId("join-submit").click();
    await expect(phone.getByTestId("player-joined-nickname")).toHaveText("Weigh");
  });
  expect(downloads.length, "the page loads its scripts").toBeGreaterThan(0);
  for (const [what, marker] of Object.entries(TEACHER_ONLY_MARKERS)) {
    const carrying = downloads.filter((download) => marker.test(download.body)).map((download) => new URL(download.url).pathname);
    expect(carrying, `${what} reaches the phone in ${carrying.join(", ")}`).toEqual([]);
  }
  const gzip = downloads.reduce((total, download) => total + download.gzip, 0);
  const transferred = downloads.reduce((total, download) => total + download.transferred, 0);
  await record(testInfo, "/join JavaScript", `${(gzip / 1000).toFixed(1)} kB gzip (${(transferred / 1000).toFixed(1)} kB on the wire) in ${downloads.length} files; issue 10's target ${PHONE_JS_BUDGET_GZIP_BYTES / 1000} kB`);
  // Issue 10's budget is for /join and the game screens; up to the lobby is most of it (the rest loads in the lobby).
  expect(gzip, "the phone's JavaScript for /join, gzipped").toBeLessThanOrEqual(PHONE_JS_BUDGET_GZIP_BYTES);
});

test("open → lobby is recorded on loopback and on a throttled cheap phone", async ({ browser }, testInfo) => {
  const code = await hostLobby(browser);
  // One phone first, so the server has read the phone's bundle once (the first student of a lesson pays that).
  await (await openToLobby(browser, code, "Warm", false)).phone.context().close();

  const loopback: OpenToLobby[] = [];
  for (const nickname of ["Ada", "Bo", "Cy"]) {
    const opened = await openToLobby(browser, code, nickname, false);
    loopback.push(opened);
    await opened.phone.context().close();
  }
  const throttled = await openToLobby(browser, code, "Slow", true);
  await throttled.phone.context().close();

  const describe = ({ ms, ready, join, html, domReady }: OpenToLobby) =>
    `${ms} = form ready ${ready} (HTML ${html}, DOM ready ${domReady}) + Join tapped → lobby ${join}`;
  const median = loopback.map((opened) => opened.ms).sort((a, b) => a - b)[1]!;
  await record(testInfo, "open → lobby, loopback (ms)", `median ${median}; ${loopback.map(describe).join("; ")}`);
  await record(testInfo, "open → lobby, throttled phone (ms)", `${describe(throttled)}; 4× CPU, 1.6 Mbit/s down, 150 ms, 360×640`);
  // Times are recorded, not asserted (a shared machine's load would make such a test flaky; speed
  // targets are the bench's): every phone reached the lobby, which openToLobby waited for.
  expect(loopback.every((opened) => opened.ms > 0) && throttled.ms > 0).toBe(true);
});
