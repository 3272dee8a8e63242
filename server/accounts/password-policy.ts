/**
 * Password rules after NIST SP 800-63B (rev. 4): at least 8 characters, long ones welcome, no
 * "one digit and one symbol" rules; refused when the password is on a list of passwords seen in
 * breaches (the ~49,000 most common, shipped offline by @zxcvbn-ts/language-common, MIT), is one
 * character repeated or a keyboard/number run, or is built from words of this account or this app.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 8;
/** NIST asks for at least 64; long passphrases are welcome (the hash costs the same). */
export const PASSWORD_MAX_LENGTH = 256;

/** Words anyone would guess for a teacher account on a quiz server. */
const SERVICE_WORDS = ["classroom", "quiz", "kahoot", "teacher", "school", "password"];

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

let commonPasswords: Set<string> | null = null;

function isCommon(candidate: string): boolean {
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return commonPasswords.has(candidate);
}

function isRepeatOrRun(lower: string): boolean {
  if (new Set(lower).size <= 2) return true;
  const forwardsOrBack = (text: string) => SEQUENCES.some((run) => run.includes(text) || [...run].reverse().join("").includes(text));
  return forwardsOrBack(lower);
}

/** Words of this account: the email's parts and the name's words, 3 letters or more. */
function accountWords(about: { email?: string; name?: string }): string[] {
  const [local = "", domain = ""] = (about.email ?? "").toLowerCase().split("@");
  const pieces = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...domain.split(".").slice(0, -1), ...(about.name ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)];
  return pieces.filter((word) => word.length >= 3);
}

/**
 * Null when the password may be used, else the sentence to show. `about` is the account it is for.
 */
export function passwordProblem(password: string, about: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use a password of at least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember make a good one.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `A password can be at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.normalize("NFKC").toLowerCase();
  if (isCommon(lower) || isCommon(lower.replace(/[\d\W_]+$/u, ""))) {
    return "That password is one of the most common ones (it appears in lists of leaked passwords). Please choose another — a few unrelated words work well.";
  }
  if (isRepeatOrRun(lower)) return "That password is a repeated character or a run such as 12345678 or qwerty. Please choose another.";
  // What is left once this account's and this app's words, digits and symbols are taken out.
  let rest = lower;
  for (const word of [...accountWords(about), ...SERVICE_WORDS].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(" ");
  const letters = rest.replace(/[\d\W_]+/gu, "");
  if (rest !== lower && (letters.length < 4 || isCommon(letters))) {
    return "That password is too close to your name, your email or the name of this app. Please choose another.";
  }
  return null;
}
