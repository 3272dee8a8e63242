/**
 * What a client is told when the server fails: one plain sentence with a short reference, never
 * the stack, SQL, parameters or file paths. The same reference is written to the server log.
 */
import { randomBytes } from "node:crypto";

const references = new WeakMap<object, string>();
// No 0/O or 1/I: the reference is read out over the phone.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newReference(): string {
  return [...randomBytes(6)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/** The reference of this error (made on first ask, the same afterwards). */
export function errorReference(error: object): string {
  let reference = references.get(error);
  if (!reference) {
    reference = newReference();
    references.set(error, reference);
  }
  return reference;
}

export function serverFailureMessage(reference: string): string {
  return `Something went wrong on the server (reference ${reference}). Please try again.`;
}
