/**
 * Socket.IO adapter for self-paced homework: validate → HomeworkStudents → acknowledge with that
 * student's view. Nothing is broadcast; each phone hears only the answers to its own requests.
 */
import type { Server } from "socket.io";
import type { z } from "zod";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import {
  HomeworkEvent,
  fallbackRefusalMessages,
  homeworkAnswerSchema,
  homeworkInfoSchema,
  homeworkNextSchema,
  homeworkResumeSchema,
  homeworkStartSchema,
  refusal,
  type Ack,
  type Refusal,
} from "../../src/protocol";
import { clientAddress, type TrustProxy } from "../http/client-address";
import type { HomeworkSession, HomeworkStudents } from "../homework/students";
import type { Logger } from "../rooms/ports";
import { onValidated, socketEventLimiter } from "./validated-event";
import { createWrongCodeLimiter, type WrongCodeLimiter } from "./wrong-code-limiter";


function noHomework(code: string): Refusal {
  return refusal("game-not-found", `There's no homework with the code ${code}. Check the code your teacher gave you.`);
}

export function registerHomeworkHandlers(
  io: Server,
  students: HomeworkStudents,
  log: Logger,
  options: { trustProxy?: TrustProxy; wrongCodes?: WrongCodeLimiter; limiter?: RateLimiterMemory } = {},
): void {
  const limiter = options.limiter ?? socketEventLimiter();
  const wrongCodes = options.wrongCodes ?? createWrongCodeLimiter();

  io.on("connection", (socket) => {
    let session: HomeworkSession | null = null;
    const address = clientAddress(socket.request, options.trustProxy);

    function on<S extends z.ZodType>(event: string, schema: S, fallback: string, handler: (input: z.output<S>) => Promise<Ack>) {
      onValidated(socket, { limiter, log }, event, schema, fallback, handler);
    }

    on(HomeworkEvent.info, homeworkInfoSchema, "Enter the 8-digit homework code.", async ({ code }) => {
      const waitMs = await wrongCodes.waitMs(address);
      if (waitMs > 0) return refusal("rate-limited", "Too many wrong codes were tried from this network. Wait a while, then try again.");
      const info = await students.info(code);
      if (info) return { ok: true, info };
      await wrongCodes.wrongCode(address);
      return noHomework(code);
    });

    on(HomeworkEvent.start, homeworkStartSchema, "Enter the homework code and a nickname.", async (request) => {
      if (session) return refusal("invalid-request", "This page is already doing a homework.");
      const waitMs = await wrongCodes.waitMs(address);
      if (waitMs > 0) return refusal("rate-limited", "Too many wrong codes were tried from this network. Wait a while, then try again.");
      const ack = await students.start(request);
      if (!ack) {
        await wrongCodes.wrongCode(address);
        return noHomework(request.code);
      }
      if (ack.ok) session = { gameId: ack.view.gameId, playerId: ack.playerId };
      return ack;
    });

    on(HomeworkEvent.resume, homeworkResumeSchema, fallbackRefusalMessages.resume, async ({ gameId, playerId, playerToken }) => {
      if (session && session.playerId !== playerId) return refusal("invalid-request", "This page is already doing a homework.");
      const ack = await students.resume(gameId, playerId, playerToken);
      if (ack.ok) session = { gameId, playerId };
      return ack;
    });

    on(HomeworkEvent.answer, homeworkAnswerSchema, fallbackRefusalMessages.answer, async (request) => {
      if (!session) return refusal("not-joined", "Start the homework before answering.");
      return students.answer(session, request);
    });

    on(HomeworkEvent.next, homeworkNextSchema, fallbackRefusalMessages.hostAction, async ({ questionIndex }) => {
      if (!session) return refusal("not-joined", "Start the homework first.");
      return students.next(session, questionIndex);
    });
  });
}
