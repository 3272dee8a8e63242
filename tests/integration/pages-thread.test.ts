/**
 * The teachers' pages on their own thread (server/http/pages-thread.ts), with a stand-in for the
 * Next.js thread: a page request arrives whole with its request id, the answer keeps this server's
 * headers and the page's own, failures reach the server's log with their reference, a browser
 * that leaves stops the page, and a thread that dies is started again while the rest carries on.
 * (The real pages go through the same path in every Playwright test, which runs `npm start`.)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startPagesThread, type PagesThread } from "../../server/http/pages-thread";
import { assignRequestId } from "../../server/http/request-id";
import { createServerLogger, type ServerLogger } from "../../server/logging/logger";

const STAND_IN = new URL("../support/stand-in-pages-worker.mjs", import.meta.url);

let pages: PagesThread | undefined;
let front: Server | undefined;
let logLines: Record<string, unknown>[];

async function start(dir = "project"): Promise<string> {
  logLines = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log: ServerLogger = createServerLogger({ format: "json", destination });
  pages = await startPagesThread({ dir, log, workerUrl: STAND_IN, restartDelayMs: 100 });
  const thread = pages;
  // The game server's part, as in server/app.ts: its own headers first, then the page.
  front = createServer((req, res) => {
    assignRequestId(req, res);
    res.setHeader("X-Frame-Options", "DENY");
    req.headers["content-security-policy"] = "script-src 'nonce-abc'";
    thread.handle(req, res);
  });
  await new Promise<void>((resolve) => front!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
}

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

afterEach(async () => {
  front?.closeAllConnections();
  await new Promise((resolve) => front?.close(resolve) ?? resolve(undefined));
  await pages?.close();
  pages = undefined;
  front = undefined;
});

describe("the pages on a thread of their own", () => {
  it("passes a page request through whole and answers with this server's headers and the page's", async () => {
    const url = await start();
    const response = await fetch(`${url}/echo?tab=reports`, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: "session=teacher-1", "accept-language": "fr" },
      body: "Next-Action form data ".repeat(2_000),
    });
    expect(response.status).toBe(200);
    const seen = (await response.json()) as { method: string; headers: Record<string, string>; body: string };
    expect(seen.method).toBe("POST");
    expect(seen.body).toBe("Next-Action form data ".repeat(2_000));
    expect(seen.headers.cookie).toBe("session=teacher-1");
    expect(seen.headers["accept-language"]).toBe("fr");
    expect(seen.headers.host).toBe(new URL(url).host);
    // The nonce the page must put on its scripts, and the id its errors are logged under.
    expect(seen.headers["content-security-policy"]).toBe("script-src 'nonce-abc'");
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(seen.headers["x-request-id"]).toBe(requestId);

    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-from-pages")).toBe("yes");
    expect(response.headers.getSetCookie()).toEqual(["NEXT_LOCALE=fr; Path=/", "seen=1; Path=/"]);
    // The thread's own connection settings are not the browser's.
    expect(response.headers.get("keep-alive")).not.toBe("timeout=65");
  });

  it("puts a page's failure in the server's log under the reference the teacher is shown", async () => {
    const url = await start();
    const response = await fetch(`${url}/fails`);
    expect(response.status).toBe(500);
    const reference = response.headers.get("x-request-id");
    const line = await waitFor(() => logLines.find((entry) => String(entry.msg).includes("/fails failed")), "the failure in the log");
    expect(line.reqId).toBe(reference);
    expect(line.level).toBe(50);
    expect(JSON.stringify(line.err)).toContain("the quiz list could not be drawn");
  });

  it("stops a page's rendering when the browser goes away", async () => {
    const url = await start();
    const leaving = new AbortController();
    const response = await fetch(`${url}/slow`, { signal: leaving.signal });
    expect(response.status).toBe(200);
    leaving.abort();
    await waitFor(() => logLines.find((entry) => entry.msg === "the browser went away from /slow"), "the page to notice");
  });

  it("answers in plain words while a thread that died starts again, then serves pages as before", async () => {
    const url = await start();
    const crashed = await fetch(`${url}/crash`);
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).toContain(crashed.headers.get("x-request-id")!);
    await waitFor(() => logLines.find((entry) => String(entry.msg).startsWith("The pages stopped (exit code 3)")), "the crash in the log");

    const meanwhile = await fetch(`${url}/echo`);
    // Either still restarting (a plain sentence and when to retry) or already back.
    if (meanwhile.status === 503) {
      expect(meanwhile.headers.get("retry-after")).toBe("5");
      expect(await meanwhile.text()).toContain("The pages are restarting.");
    } else expect(meanwhile.status).toBe(200);

    await waitFor(() => logLines.find((entry) => entry.msg === "The pages are back."), "the restart");
    const after = await fetch(`${url}/echo`);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-from-pages")).toBe("yes");
  });

  it("keeps trying, less and less often, while the pages cannot start again, and serves them once they can", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pages-thread-"));
    try {
      const url = await start(dir);
      await writeFile(path.join(dir, "broken"), "");
      await fetch(`${url}/crash`);
      const failedTries = () => logLines.filter((entry) => entry.msg === "The pages could not start again; trying once more shortly").length;
      await waitFor(() => (failedTries() >= 2 ? true : undefined), "two failed tries");
      // Tries 100, 200, 400, 800 ms apart: a handful in a second and a half, not one every 100 ms.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(failedTries()).toBeLessThanOrEqual(6);
      expect((await fetch(`${url}/echo`)).status).toBe(503);

      await rm(path.join(dir, "broken"));
      await waitFor(() => logLines.find((entry) => entry.msg === "The pages are back."), "the pages to come back", 70_000);
      expect((await fetch(`${url}/echo`)).status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start, in plain words, when the pages cannot", async () => {
    await expect(start("broken")).rejects.toThrow("The pages could not start: no production build in broken/.next");
  });
});
