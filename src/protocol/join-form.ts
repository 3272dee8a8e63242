/**
 * What the phone checks on its join form before sending, without zod or the nickname word list
 * (both stay on the server, which checks every join with joinRequestSchema in schemas.ts): the
 * room code's form and the nickname's form, with the same words the server would use.
 */
import { checkNicknameForm } from "./nickname-form";

export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_PATTERN = /^\d{6}$/;
export const ROOM_CODE_REFUSAL = "The room code is 6 digits.";

export type JoinFormCheck = { ok: true; code: string; nickname: string } | { ok: false; message: string };

/** The code and nickname to send, or the first reason (code first, as the server reports) they can't be. */
export function checkJoinForm(code: string, nickname: string): JoinFormCheck {
  const trimmedCode = code.trim();
  if (!ROOM_CODE_PATTERN.test(trimmedCode)) return { ok: false, message: ROOM_CODE_REFUSAL };
  const checked = checkNicknameForm(nickname);
  if (!checked.ok) return checked;
  return { ok: true, code: trimmedCode, nickname: checked.nickname };
}
