import { z } from "zod";
import { MAX_TYPED_ANSWER_INPUT } from "./answers";
import { ROOM_CODE_LENGTH, ROOM_CODE_PATTERN, ROOM_CODE_REFUSAL } from "./join-form";
import { checkNickname, NICKNAME_MAX_LENGTH } from "./nickname";

export { NICKNAME_MAX_LENGTH, ROOM_CODE_LENGTH };

export const MAX_OPTIONS = 8;

export const roomCodeSchema = z
  .string({ error: "Enter the 6-digit room code." })
  .trim()
  .regex(ROOM_CODE_PATTERN, { error: ROOM_CODE_REFUSAL });

/** See nickname.ts: normalised, visible, polite, 1–20 characters. Lookalikes are refused by the game. */
export const nicknameSchema = z.string({ error: "Enter a nickname." }).transform((value, context) => {
  const checked = checkNickname(value);
  if (checked.ok) return checked.nickname;
  context.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
});

/**
 * Made once by a phone and kept (not secret): a phone the host removed from a game can't join
 * that game again under another name. Optional, so an old page still joins.
 */
export const deviceIdSchema = z.string().min(16).max(100).optional().catch(undefined);

export const joinRequestSchema = z.object({
  code: roomCodeSchema,
  nickname: nicknameSchema,
  deviceId: deviceIdSchema,
  /**
   * Made by the phone, the same on every retry of one join: the server makes the join once and
   * answers each retry with the same player and token. Optional for older clients.
   */
  joinId: z.uuid({ error: "Enter the 6-digit room code and a nickname." }).optional(),
});

/** Phone, after the podium: follow the host to the next game (same nickname, no typing). */
export const playAgainRequestSchema = z.object({ deviceId: deviceIdSchema });

const notATeam = { error: "That team isn't one of the teams on offer." };

/** Phone, team mode with teams picked in the lobby: the team's index (see teams.ts). */
export const pickTeamSchema = z.object({ team: z.number(notATeam).int(notATeam).min(0, notATeam).max(100, notATeam) });

const notAnOption = { error: "That isn't one of the options." };

export const resumeRequestSchema = z.object({
  gameId: z.uuid({ error: "This game is no longer running." }),
  playerId: z.uuid({ error: "This phone isn't in that game any more. Join again." }),
  playerToken: z.string({ error: "This phone isn't in that game any more. Join again." }).min(16).max(200),
});

const notInOrder = { error: "Put every item in order, each one once." };
const notAValue = { error: "Pick a value on the slider." };
const notAText = { error: "Type your answer as text." };

/** One of these per answer, by kind of question (see AnswerInput); the engine checks it fits the question. */
const ANSWER_FIELDS = ["choice", "order", "text", "value"] as const;

export const answerRequestSchema = z
  .object({
    /** Made by the phone; a retry with the same id gets the first acknowledgement back. */
    answerId: z.uuid({ error: "That answer couldn't be read. Please tap your option again." }),
    questionIndex: z.number({ error: "That answer is for a question that doesn't exist." }).int().min(0),
    choice: z
      .array(z.number(notAnOption).int(notAnOption).min(0, notAnOption).max(MAX_OPTIONS - 1, notAnOption), notAnOption)
      .min(1, { error: "Pick at least one option." })
      .max(MAX_OPTIONS, notAnOption)
      .optional(),
    order: z
      .array(z.number(notInOrder).int(notInOrder).min(0, notInOrder).max(MAX_OPTIONS - 1, notInOrder), notInOrder)
      .min(2, notInOrder)
      .max(MAX_OPTIONS, notInOrder)
      .optional(),
    text: z.string(notAText).max(MAX_TYPED_ANSWER_INPUT, { error: `That answer is too long: at most ${MAX_TYPED_ANSWER_INPUT} characters.` }).optional(),
    value: z.number(notAValue).finite(notAValue).optional(),
  })
  .refine((request) => ANSWER_FIELDS.filter((field) => request[field] !== undefined).length === 1, {
    error: "That answer couldn't be read. Please answer again.",
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

export const hostReadmitPlayerSchema = z.object({
  playerId: z.uuid({ error: "That player was not removed from this game." }),
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
  pickTeam: "That team isn't one of the teams on offer.",
  playAgain: "This phone couldn't follow to the next game. Join it with its code.",
  answer: "That answer couldn't be read. Please tap your option again.",
  hostAttach: "This screen isn't the host of that game.",
  hostAction: "That request isn't valid.",
} as const;

export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type AnswerRequest = z.infer<typeof answerRequestSchema>;
export type ResumeRequest = z.infer<typeof resumeRequestSchema>;
export type PlayAgainRequest = z.infer<typeof playAgainRequestSchema>;
export type HostAttachRequest = z.infer<typeof hostAttachSchema>;
export type HostRemovePlayerRequest = z.infer<typeof hostRemovePlayerSchema>;
export type HostReadmitPlayerRequest = z.infer<typeof hostReadmitPlayerSchema>;
