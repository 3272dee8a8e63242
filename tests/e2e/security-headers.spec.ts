/**
 * The pages run under the Content-Security-Policy in real Chromium (production build): sign-up,
 * the library, a host page with its QR code, a phone joining and answering, and a 404 page, with no
 * policy violation reported. Every kind of response carries the headers, other sites cannot frame
 * the pages, and a request that makes Next.js fail gets a bare 500 (no stack, no paths).
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { PHONE } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

/** Collects every CSP violation a page reports (the DOM event, plus the browser's console message). */
async function watchForViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (/CSP violation|Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
      violations.push(`${message.page()?.url()}: ${message.text()}`);
    }
  });
}

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test("sign-up, host and join pages work under the CSP with no violation reported", async ({ browser }) => {
  const violations: string[] = [];
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await watchForViolations(hostContext, violations);
  const host = await hostContext.newPage();

  await host.goto("/sign-up");
  await signUpAsNewTeacher(host);
  await hostQuiz(host, host.getByTestId("quiz-back-office"));
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  await expect(host.getByTestId("host-qr-code").locator("svg")).toBeVisible();
  const code = (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");

  const phoneContext = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await watchForViolations(phoneContext, violations);
  const phone = await phoneContext.newPage();
  await phone.goto(`/join?code=${code}`);
  await phone.getByTestId("join-nickname").fill("Ada");
  await phone.getByTestId("join-submit").click();
  await expect(phone.getByTestId("player-joined")).toBeVisible();
  await expect(host.getByTestId("host-player")).toHaveCount(1);

  // One round: the answer colours and the countdown bar are inline style attributes.
  await host.getByTestId("host-start").click();
  const options = phone.locator('[data-testid^="answer-option-"]');
  await expect(options.first()).toBeVisible({ timeout: 20_000 });
  const background = await options.first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background, "the option's colour (an inline style) is applied").not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
  await options.first().click();
  await expect(host.getByTestId("phase-reveal")).toBeVisible();

  const lost = await phoneContext.newPage();
  await lost.goto("/no-such-page");
  await expect(lost.getByRole("heading", { name: "Page not found" })).toBeVisible();

  expect(violations).toEqual([]);
  await hostContext.close();
  await phoneContext.close();
});

test("every kind of response carries the security headers; each page gets its own nonce on its scripts", async ({ request }) => {
  const first = await request.get("/sign-up");
  const second = await request.get("/sign-up");
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  const html = await first.text();
  const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((match) => match[1]);
  expect(scriptNonces.length).toBeGreaterThan(2);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  expect(html).not.toMatch(/<script(?![^>]*\snonce=)[^>]*>/);

  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const responses = {
    page: first,
    "404 page": await request.get("/no-such-page"),
    "static asset": await request.get(asset),
    tRPC: await request.get("/api/trpc/account.status"),
    auth: await request.get("/api/auth/get-session"),
    healthz: await request.get("/healthz"),
    "Socket.IO polling": await request.get("/socket.io/?EIO=4&transport=polling"),
  };
  for (const [what, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], what).toBe("DENY");
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
    expect(headers["x-request-id"], what).toMatch(/^[A-Za-z0-9_-]{8}$/);
  }
  expect(responses["404 page"].status()).toBe(404);
});

test("another site cannot frame the pages", async ({ page, baseURL }) => {
  // setContent waits for the load event, which waits for the frame.
  await page.setContent(`<iframe id="victim" src="${baseURL}/sign-up" width="600" height="400"></iframe>`);
  await expect(page.frameLocator("#victim").getByTestId("auth-submit")).toHaveCount(0);
});

test("a request that makes Next.js fail gets a bare 500: no stack, no file paths", async ({ request }) => {
  // A malformed router-state header (any student can send one) makes Next.js throw while rendering.
  const response = await request.get("/sign-up", { headers: { RSC: "1", "Next-Router-State-Tree": "%7Bgarbage" } });
  expect(response.status()).toBe(500);
  const body = await response.text();
  expect(body).not.toMatch(/\bat \S|node_modules|\.(ts|js):\d|\/work\/|[A-Z]:\\|router state/i);
  expect(response.headers()["x-request-id"]).toMatch(/^[A-Za-z0-9_-]{8}$/);
});
