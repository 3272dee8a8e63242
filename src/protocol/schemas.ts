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
  /**
   * Made by the phone, the same on every retry of one join: the server makes the join once and
   * answers each retry with the same player and token. Optional for older clients.
   */
  joinId: z.uuid({ error: "Enter the 6-digit room code and a nickname." }).optional(),
});

const notAnOption = { error: "That isn't one of the options." };

export const resumeRequestSchema = z.object({
  gameId: z.uuid({ error: "This game is no longer running." }),
  playerId: z.uuid({ error: "This phone isn't in that game any more. Join again." }),
  playerToken: z.string({ error: "This phone isn't in that game any more. Join again." }).min(16).max(200),
});

export const answerRequestSchema = z.object({
  /** Made by the phone; a retry with the same id gets the first acknowledgement back. */
  answerId: z.uuid({ error: "That answer couldn't be read. Please tap your option again." }),
  questionIndex: z.number({ error: "That answer is for a question that doesn't exist." }).int().min(0),
  choice: z
    .array(z.number(notAnOption).int(notAnOption).min(0, notAnOption).max(MAX_OPTIONS - 1, notAnOption), notAnOption)
    .min(1, { error: "Pick at least one option." })
    .max(MAX_OPTIONS, notAnOption),
});

export const hostAttachSchema = z.object({
  gameId: z.uuid({ error: "That game doesn't exist." }),
  hostSecret: z.string().min(16).max(200),
});

export const hostLockSchema = z.object({
  locked: z.boolean({ error: "Say whether the game is locked." }),
});

export const hostPlayerSchema = z.object({
  playerId: z.uuid({ error: "That player is not in this game." }),
});

export const hostRemovePlayerSchema = z.object({
  playerId: z.uuid({ error: "That player is not in this game." }),
});

/** Host actions without arguments take nothing (or an object, whose fields are ignored). */
export const hostActionSchema = z.object({}).optional();

/**
 * What a client is told when a request fails validation in a way no field above words itself
 * (a payload that isn't an object at all, say). Field messages above take precedence.
 */
export const fallbackRefusalMessages = {
  join: "Enter the 6-digit room code and a nickname.",
  resume: "This phone isn't in that game any more. Join again.",
  answer: "That answer couldn't be read. Please tap your option again.",
  hostAttach: "This screen isn't the host of that game.",
  hostAction: "That request isn't valid.",
} as const;

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type AnswerRequest = z.infer<typeof answerRequestSchema>;
export type ResumeRequest = z.infer<typeof resumeRequestSchema>;
export type HostAttachRequest = z.infer<typeof hostAttachSchema>;
export type HostRemovePlayerRequest = z.infer<typeof hostRemovePlayerSchema>;
