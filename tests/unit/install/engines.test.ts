/**
 * "Install anywhere": the Node range package.json declares must be one every installed package
 * accepts, so `npm install` on the oldest Node we promise prints no EBADENGINE warning; and the lock
 * file must carry the native builds of every platform teachers use, so `npm ci` works on their laptops.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

describe("the declared Node range", () => {
  const declared = pkg.engines.node;
  const oldest = semver.minVersion(declared);

  it("is a valid range with a minimum", () => {
    expect(semver.validRange(declared)).not.toBeNull();
    expect(oldest).not.toBeNull();
  });

  it("is accepted by every package in the lock file (no EBADENGINE on the oldest Node we promise)", () => {
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === "") continue;
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!wanted || !semver.validRange(wanted)) continue;
      if (!semver.satisfies(oldest!, wanted, { includePrerelease: true })) refusing.push(`${where}@${entry.version} needs node ${wanted}`);
    }
    expect(refusing, `packages that refuse Node ${oldest} (package.json says "${declared}")`).toEqual([]);
  });
});

describe("the lock file", () => {
  // The native builds npm picks per platform: all must be locked, or `npm install` rewrites the lock file elsewhere.
  const platforms = ["darwin-arm64", "darwin-x64", "win32-x64", "linux-x64-gnu"];
  const nativeFamilies = ["@next/swc-", "lightningcss-", "@tailwindcss/oxide-"];

  for (const family of nativeFamilies) {
    it(`locks ${family}* for macOS (arm64, x64), Windows and Linux`, () => {
      const locked = Object.keys(lock.packages).map((where) => where.replace(/^.*node_modules\//, ""));
      const missing = platforms.filter((platform) => !locked.some((name) => name.startsWith(family) && name.includes(platform)));
      expect(missing).toEqual([]);
    });
  }
});
