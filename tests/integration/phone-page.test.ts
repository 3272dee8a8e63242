/**
 * The phone's page (/join) as the server sends it, from a real build of its bundle
 * (server/phone/build-phone.ts) over real HTTP: in the phone's language, with the room code from the
 * QR code and nothing else of the address, its scripts allowed by the page's own nonce, and only the
 * bundle's files served under /phone/. (A browser plays through it in tests/e2e.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySecurityHeaders } from "../../server/http/security-headers";
import { buildPhone } from "../../server/phone/build-phone";
import type { PhoneManifest } from "../../server/phone/phone-manifest";
import { phonePages } from "../../server/phone/phone-page";

const projectDir = path.resolve(import.meta.dirname, "../..");
let outDir: string;
let manifest: PhoneManifest;
let server: Server;
let base: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "quiz-phone-"));
  manifest = await buildPhone(projectDir, { outDir });
  const phone = phonePages(projectDir, { outDir });
  server = createServer((req, res) => {
    applySecurityHeaders(req, res, { dev: false });
    if (phone.handle(req, res)) return;
    res.statusCode = 404;
    res.end("next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
});

interface Boot {
  locale: string;
  title: string;
  initialCode: string;
  drawnNames: boolean;
  messages: { player: { join: { title: string } } };
}

async function openJoin(address: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${address}`, { headers });
  const html = await response.text();
  const boot = JSON.parse(/<script id="phone-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as Boot;
  return { response, html, boot };
}

describe("the phone's page", () => {
  it("speaks the browser's language, or the one the student chose, laid out right to left in Arabic", async () => {
    const arabic = await openJoin("/join", { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" });
    expect(arabic.response.status).toBe(200);
    expect(arabic.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.boot.locale).toBe("ar");
    expect(arabic.boot.messages.player.join.title).toBe("انضم إلى لعبة");

    const chosen = await openJoin("/join", { "accept-language": "ar", cookie: "other=1; quiz-locale=de" });
    expect(chosen.html).toContain('<html lang="de" dir="ltr">');
    expect(chosen.boot.messages.player.join.title).toBe("Einem Spiel beitreten");
    expect(chosen.html).toContain(`<title>${chosen.boot.title}</title>`);

    const unknown = await openJoin("/join", { "accept-language": "xx" });
    expect(unknown.boot.locale).toBe("en");
    // Only the phone's own words travel with it, not the teacher's pages'.
    expect(Object.keys(unknown.boot.messages).sort()).toEqual(["countdown", "language", "optionNames", "player", "refusals", "teams"]);
  });

  it("takes the room code from the QR code's address and nothing else of it", async () => {
    expect((await openJoin("/join?code=123456")).boot.initialCode).toBe("123456");
    expect((await openJoin("/join?code=12-34 56789")).boot.initialCode).toBe("123456");
    expect((await openJoin("/join?code=123456&names=drawn")).boot.drawnNames).toBe(true);
    const hostile = await openJoin(`/join?code=${encodeURIComponent("</script><script>alert(1)</script>")}&names=<b>`);
    expect(hostile.boot.initialCode).toBe("1");
    expect(hostile.boot.drawnNames).toBe(false);
    expect(hostile.html).not.toContain("alert");
    expect(hostile.html.match(/<script/g)).toHaveLength(2);
  });

  it("runs its script under the page's own nonce and is never cached", async () => {
    const { response, html } = await openJoin("/join");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(html).toContain(`<script type="module" src="/phone/${manifest.script}" nonce="${nonce}"></script>`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const again = await openJoin("/join");
    expect(again.response.headers.get("content-security-policy")).not.toBe(response.headers.get("content-security-policy"));
  });

  it("sends the bundle's files gzipped and cached for a year, and nothing else under /phone/", async () => {
    const script = await fetch(`${base}/phone/${manifest.script}`, { headers: { "accept-encoding": "gzip" } });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const stylesheet = await fetch(`${base}/phone/${manifest.stylesheet}`);
    expect(await stylesheet.text()).toContain("KaTeX_Main-Regular");
    const font = await fetch(`${base}/phone/fonts/KaTeX_Main-Regular.woff2`);
    expect(font.headers.get("content-type")).toBe("font/woff2");

    // Raw HTTP, so no client tidies the paths: only the manifest's files are sent.
    for (const address of ["/phone/manifest.json", "/phone/..%2f..%2fpackage.json", "/phone/%2e%2e/%2e%2e/package.json", "/phone/nope.js", "/phone/"]) {
      const response = await fetch(`${base}${address}`);
      expect(response.status, address).toBe(404);
    }
    const gzipped = await new Promise<Buffer>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${base}/join`, { headers: { "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => (response.headers["content-encoding"] === "gzip" ? resolve(Buffer.concat(chunks)) : reject(new Error("not gzipped"))));
        }),
      );
    });
    expect(gunzipSync(gzipped).toString()).toContain("<!DOCTYPE html>");
  });

  it("gives the language switcher each language's words, and refuses a language it does not have", async () => {
    const spanish = await fetch(`${base}/phone/messages/es.json`);
    expect(spanish.status).toBe(200);
    const words = (await spanish.json()) as Boot;
    expect(words.locale).toBe("es");
    expect(words.title).toMatch(/Classroom Quiz$/);
    expect(words.messages.player.join.title).toBe("Únete a una partida");
    expect((await fetch(`${base}/phone/messages/xx.json`)).status).toBe(404);
  });

  it("leaves every other address and method to Next.js", async () => {
    expect(await (await fetch(`${base}/joinx`)).text()).toBe("next.js");
    expect(await (await fetch(`${base}/homework`)).text()).toBe("next.js");
    expect(await (await fetch(`${base}/join`, { method: "POST" })).text()).toBe("next.js");
    const head = await fetch(`${base}/join`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});
