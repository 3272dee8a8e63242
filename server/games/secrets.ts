import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets handed to a browser once: the host secret (proves a screen is the game's host) and the
 * player token (lets a phone resume). Only their hashes are kept.
 */
export function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function verifySecret(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
