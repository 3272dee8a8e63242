/**
 * `npm start` builds the Next.js app and the phone's page only when the pages changed since the
 * last build: a fingerprint of the page sources and build config is kept next to the build output.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PHONE_DIR, PHONE_MANIFEST } from "../phone/phone-manifest";

const INPUTS = ["src", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];
const FINGERPRINT_FILE = "quiz-build-fingerprint";

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(entry, name)));
}

export function sourceFingerprint(projectDir: string): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((entry) => filesUnder(projectDir, entry))) {
    hash.update(file).update("\0").update(readFileSync(path.join(projectDir, file))).update("\0");
  }
  return hash.digest("hex");
}

export function buildIfNeeded(projectDir: string): { built: boolean; ms: number } {
  const started = Date.now();
  const distDir = path.join(projectDir, ".next");
  const fingerprintPath = path.join(distDir, FINGERPRINT_FILE);
  const fingerprint = sourceFingerprint(projectDir);
  const upToDate =
    existsSync(path.join(distDir, "BUILD_ID")) &&
    existsSync(path.join(projectDir, PHONE_DIR, PHONE_MANIFEST)) &&
    existsSync(fingerprintPath) &&
    readFileSync(fingerprintPath, "utf8") === fingerprint;
  if (upToDate) return { built: false, ms: Date.now() - started };

  console.log("Building the web app (first start or pages changed; this takes a minute)…");
  const nextBin = createRequire(path.join(projectDir, "package.json")).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: projectDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`The web app build failed (exit code ${result.status ?? result.signal}).`);
  // The phone's page, with the same runtime as this process (tsx), also in a process of its own.
  const phone = spawnSync(process.execPath, [...process.execArgv, path.join(projectDir, "server/phone/build-phone.ts"), projectDir], {
    cwd: projectDir,
    stdio: "inherit",
  });
  if (phone.status !== 0) throw new Error(`The phone's page did not build (exit code ${phone.status ?? phone.signal}).`);
  // Next may rewrite tsconfig.json during the build, so fingerprint what the build left behind.
  writeFileSync(fingerprintPath, sourceFingerprint(projectDir));
  return { built: true, ms: Date.now() - started };
}
