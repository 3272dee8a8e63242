/**
 * Socket.IO adapter for self-paced homework: validate → HomeworkStudents → acknowledge with that
 * student's view. Nothing is broadcast; each phone hears only the answers to its own requests.
 */
import type { Socket } from "socket.io";
import {
  HomeworkEvent,
  fallbackRefusalMessages,
  homeworkAnswerSchema,
  homeworkInfoSchema,
  homeworkNextSchema,
  homeworkResumeSchema,
  homeworkStartSchema,
  refusal,
  type Refusal,
} from "../../src/protocol";
import type { HomeworkSession, HomeworkStudents } from "../homework/students";
import type { SocketEvents } from "./validated-event";
import { createWrongCodeLimiter, type WrongCodeLimiter } from "./wrong-code-limiter";

function noHomework(code: string): Refusal {
  return refusal("game-not-found", `There's no homework with the code ${code}. Check the code your teacher gave you.`);
}

/** The homework a socket is doing, kept on the socket itself (see SocketEvents). */
const sessionOf = (socket: Socket): HomeworkSession | undefined => (socket.data as { homework?: HomeworkSession }).homework;
const setSession = (socket: Socket, session: HomeworkSession) => void ((socket.data as { homework?: HomeworkSession }).homework = session);

export function registerHomeworkHandlers(
  events: SocketEvents,
  students: HomeworkStudents,
  options: { wrongCodes?: WrongCodeLimiter } = {},
): void {
  const wrongCodes = options.wrongCodes ?? createWrongCodeLimiter();
  /** The refusal while the socket's network has tried too many wrong codes, else null. */
  const wrongCodesRefusal = async (socket: Socket) =>
    (await wrongCodes.waitMs(events.addressOf(socket))) > 0
      ? refusal("rate-limited", "Too many wrong codes were tried from this network. Wait a while, then try again.")
      : null;

  events.on(HomeworkEvent.info, homeworkInfoSchema, "Enter the 8-digit homework code.", async ({ code }, socket) => {
    const refused = await wrongCodesRefusal(socket);
    if (refused) return refused;
    const info = await students.info(code);
    if (info) return { ok: true, info };
    await wrongCodes.wrongCode(events.addressOf(socket));
    return noHomework(code);
  });

  events.on(HomeworkEvent.start, homeworkStartSchema, "Enter the homework code and a nickname.", async (request, socket) => {
    if (sessionOf(socket)) return refusal("invalid-request", "This page is already doing a homework.");
    const refused = await wrongCodesRefusal(socket);
    if (refused) return refused;
    const ack = await students.start(request);
    if (!ack) {
      await wrongCodes.wrongCode(events.addressOf(socket));
      return noHomework(request.code);
    }
    if (ack.ok) setSession(socket, { gameId: ack.view.gameId, playerId: ack.playerId });
    return ack;
  });

  events.on(HomeworkEvent.resume, homeworkResumeSchema, fallbackRefusalMessages.resume, async ({ gameId, playerId, playerToken }, socket) => {
    const session = sessionOf(socket);
    if (session && session.playerId !== playerId) return refusal("invalid-request", "This page is already doing a homework.");
    const ack = await students.resume(gameId, playerId, playerToken);
    if (ack.ok) setSession(socket, { gameId, playerId });
    return ack;
  });

  events.on(HomeworkEvent.answer, homeworkAnswerSchema, fallbackRefusalMessages.answer, async (request, socket) => {
    const session = sessionOf(socket);
    if (!session) return refusal("not-joined", "Start the homework before answering.");
    return students.answer(session, request);
  });

  events.on(HomeworkEvent.next, homeworkNextSchema, fallbackRefusalMessages.hostAction, async ({ questionIndex }, socket) => {
    const session = sessionOf(socket);
    if (!session) return refusal("not-joined", "Start the homework first.");
    return students.next(session, questionIndex);
  });
}
