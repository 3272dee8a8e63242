import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The host secret proves a socket belongs to the teacher who created the game. Only its hash is stored. */
export function newHostSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function hashHostSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function verifyHostSecret(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashHostSecret(secret), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
