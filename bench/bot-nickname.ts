import { nicknameSchema } from "../src/protocol";

/**
 * A bench phone's nickname: "P<n>", or another letter where the profanity filter reads the digits
 * as leetspeak ("P155"), so every bot of a big run gets in.
 */
export function botNickname(n: number): string {
  return ["P", "Q", "K", "W"].map((letter) => `${letter}${n}`).find((name) => nicknameSchema.safeParse(name).success) ?? `P${n}`;
}
