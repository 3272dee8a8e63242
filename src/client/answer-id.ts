/**
 * A fresh random (version 4) UUID for one answer. `crypto.randomUUID()` exists only on secure
 * pages (https or localhost), and phones on the classroom network open plain http, so this falls
 * back to `crypto.getRandomValues()`, which works everywhere.
 */
export function newAnswerId(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
