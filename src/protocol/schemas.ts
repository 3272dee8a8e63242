import { z } from "zod";

export const ROOM_CODE_LENGTH = 6;
export const NICKNAME_MAX_LENGTH = 20;
export const MAX_OPTIONS = 8;

export const roomCodeSchema = z
  .string({ error: "Enter the 6-digit room code." })
  .trim()
  .regex(/^\d{6}$/, { error: "The room code is 6 digits." });

/** Nicknames are trimmed, inner whitespace folded, and 1–20 characters long. */
export const nicknameSchema = z
  .string({ error: "Enter a nickname." })
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a nickname." })
      .max(NICKNAME_MAX_LENGTH, { error: `Nicknames are at most ${NICKNAME_MAX_LENGTH} characters.` })
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error: "That nickname has characters we can't show." }),
  );

export const joinRequestSchema = z.object({
  code: roomCodeSchema,
  nickname: nicknameSchema,
});

export const answerRequestSchema = z.object({
  questionIndex: z.number().int().min(0),
  choice: z
    .array(z.number().int().min(0).max(MAX_OPTIONS - 1))
    .min(1, { error: "Pick at least one option." })
    .max(MAX_OPTIONS),
});

export const hostAttachSchema = z.object({
  gameId: z.uuid(),
  hostSecret: z.string().min(16).max(200),
});

export const hostRemovePlayerSchema = z.object({
  playerId: z.uuid(),
});

/** Host actions without arguments accept an empty object (or nothing). */
export const hostActionSchema = z.object({}).strict().optional();

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type AnswerRequest = z.infer<typeof answerRequestSchema>;
export type HostAttachRequest = z.infer<typeof hostAttachSchema>;
export type HostRemovePlayerRequest = z.infer<typeof hostRemovePlayerSchema>;
