/** The wrong-room-code limiter's numbers and address keys (the socket behaviour: tests/integration/join-guards.test.ts). */
import { describe, expect, it } from "vitest";
import { addressKey, createWrongCodeLimiter, DEFAULT_WRONG_CODE_LIMITS, fullSweepSeconds } from "../../server/socket/wrong-code-limiter";

const DAY = 24 * 60 * 60;

describe("default limits", () => {
  it("one address needs far more than a week to try all 10^6 codes", () => {
    const seconds = fullSweepSeconds(DEFAULT_WRONG_CODE_LIMITS);
    expect(seconds).toBeGreaterThan(7 * DAY);
    expect(Math.round(seconds / DAY)).toBe(500);
  });

  it("a class of 40 with 5 typos each, all at once, never waits", async () => {
    const limiter = createWrongCodeLimiter();
    const waits = [];
    for (let i = 0; i < 40 * 5; i++) {
      waits.push(await limiter.waitMs("192.0.2.1"));
      waits.push(await limiter.wrongCode("192.0.2.1"));
    }
    expect(waits.every((wait) => wait === 0)).toBe(true);
    // The next typo beyond that blocks the address for a minute.
    expect(await limiter.wrongCode("192.0.2.1")).toBe(60_000);
    expect(await limiter.waitMs("192.0.2.1")).toBeGreaterThan(59_000);
    expect(await limiter.waitMs("192.0.2.2")).toBe(0);
  });

  it("blocks double with each strike, up to the cap", async () => {
    const limiter = createWrongCodeLimiter({ ...DEFAULT_WRONG_CODE_LIMITS, burstCodes: 1 });
    await limiter.wrongCode("192.0.2.9");
    const blocks = [];
    for (let i = 0; i < 9; i++) blocks.push((await limiter.wrongCode("192.0.2.9")) / 60_000);
    expect(blocks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("the daily cap holds however patient the sweep is", async () => {
    const limiter = createWrongCodeLimiter({ ...DEFAULT_WRONG_CODE_LIMITS, burstCodes: 10_000, dailyCodes: 3 });
    for (let i = 0; i < 3; i++) expect(await limiter.wrongCode("192.0.2.10")).toBe(0);
    expect(await limiter.waitMs("192.0.2.10")).toBeGreaterThan((DAY - 60) * 1000);
  });
});

describe("addressKey", () => {
  it("keeps IPv4 addresses whole and folds IPv6 to its /64", () => {
    expect(addressKey("10.1.2.3")).toBe("10.1.2.3");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
