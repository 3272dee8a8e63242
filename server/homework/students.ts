/**
 * The homework adapter: a student's request → the pure per-student state machine
 * (server/engine/homework) → the database (answer and progress stored before the phone is told)
 * → that student's view. One student's requests run one at a time; different students never wait
 * for each other.
 */
import { randomUUID } from "node:crypto";
import { refusal, type AnswerRequest, type HomeworkInfo, type HomeworkStartAck, type HomeworkStartRequest, type HomeworkViewAck, type Refusal } from "../../src/protocol";
import { nicknameKeys } from "../../src/protocol/nickname-skeleton";
import { answerQuestion, expireIfDue, newStudent, nextQuestion, startRefusal, studentView } from "../engine/homework";
import { answerRow, type Database } from "../db";
import { findHomework, findHomeworkByCode, findStudent, saveStudentStep, startStudent, type StoredHomework, type StoredStudent } from "../db/homework";
import { hashSecret, newSecret, verifySecret } from "../games/secrets";

/** Homework content never changes once assigned, so each process keeps the ones in use. */
const CACHED_HOMEWORKS = 200;

export interface HomeworkSession {
  gameId: string;
  playerId: string;
}

export class HomeworkStudents {
  private readonly cache = new Map<string, StoredHomework>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  private remember(homework: StoredHomework): StoredHomework {
    if (this.cache.size >= CACHED_HOMEWORKS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(homework.gameId, homework);
    return homework;
  }

  private async homework(gameId: string): Promise<StoredHomework | null> {
    const cached = this.cache.get(gameId);
    if (cached) return cached;
    const found = await findHomework(this.db, gameId);
    return found ? this.remember(found) : null;
  }

  /** Runs one student's requests one after another (a retry never races its first send). */
  private serial<T>(playerId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(playerId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(playerId, settled);
    void settled.then(() => {
      if (this.queues.get(playerId) === settled) this.queues.delete(playerId);
    });
    return run;
  }

  /** What a start page shows; null when no homework has this code. */
  async info(code: string): Promise<HomeworkInfo | null> {
    const found = await findHomeworkByCode(this.db, code);
    if (!found) return null;
    const { settings } = this.remember(found);
    return {
      title: found.title,
      identifierLabel: settings.identifierLabel,
      opensAt: settings.opensAt,
      closesAt: settings.closesAt,
      questionCount: found.questions.length,
      timeLimitSec: settings.timeLimitSec,
    };
  }

  /** Null when no homework has this code (the caller counts a wrong code). */
  async start(request: HomeworkStartRequest): Promise<HomeworkStartAck | null> {
    const found = await findHomeworkByCode(this.db, request.code);
    if (!found) return null;
    const homework = this.remember(found);
    const now = this.clock();
    const refused = startRefusal(homework.settings, now);
    if (refused) return refused;
    const label = homework.settings.identifierLabel;
    const identifier = request.identifier?.trim() || null;
    if (label && !identifier) return refusal("invalid-request", `Fill in “${label}” as your teacher asked.`);
    const playerId = randomUUID();
    const playerToken = newSecret();
    const progress = newStudent(now);
    const { attempts } = homework.settings;
    const admitted = await startStudent(
      this.db,
      { playerId, gameId: homework.gameId, nicknameKey: nicknameKeys(request.nickname)[0]!, tokenHash: hashSecret(playerToken), identifier: label ? identifier : null, progress, now: new Date(now) },
      (earlier) => {
        if (earlier.some((attempt) => !attempt.finished)) {
          return refusal("nickname-taken", `Someone is already doing this homework as ${request.nickname}. If it's you, go back to the phone or browser you started on; otherwise pick another nickname.`);
        }
        if (earlier.length >= attempts) {
          return refusal("not-allowed", `${request.nickname} has already done this homework, which may be done ${attempts === 1 ? "once" : `${attempts} times`}.`);
        }
        const attempt = earlier.length + 1;
        return { ok: true as const, attempt, nickname: attempt > 1 ? `${request.nickname} (${attempt})` : request.nickname };
      },
    );
    if (!admitted.ok) return admitted;
    const { nickname } = admitted;
    return { ok: true, playerId, playerToken, view: studentView(homework, { nickname, progress }, now) };
  }

  /** The student behind a resume token, or a refusal. */
  async resume(gameId: string, playerId: string, playerToken: string): Promise<(HomeworkViewAck & { ok: true }) | Refusal> {
    const student = await findStudent(this.db, gameId, playerId);
    if (!student || !student.tokenHash || !verifySecret(playerToken, student.tokenHash)) {
      return refusal("not-joined", "This phone isn't doing that homework. Start it again.");
    }
    return this.view({ gameId, playerId });
  }

  /** The student's view now; a question whose time ran out meanwhile is closed (and saved) first. */
  view(session: HomeworkSession): Promise<(HomeworkViewAck & { ok: true }) | Refusal> {
    return this.withStudent(session, async (homework, student, now) => {
      if (expireIfDue(homework.settings, homework.questions, student.progress, now)) await this.save(student, now);
      return { ok: true, view: studentView(homework, student, now) };
    });
  }

  answer(session: HomeworkSession, request: AnswerRequest): Promise<HomeworkViewAck> {
    return this.withStudent(session, async (homework, student, now) => {
      const { progress } = student;
      // The same answer sent again (its acknowledgement was lost): answered as the first time.
      if (progress.lastAnswerId === request.answerId && progress.last?.questionIndex === request.questionIndex) {
        return { ok: true, view: studentView(homework, student, now) };
      }
      const result = answerQuestion(homework.settings, homework.questions, progress, { ...request, playerId: student.playerId, now });
      if (!result.ok) {
        // A refusal may have closed a question whose time ran out: that is saved too.
        if (result.code === "too-late") await this.save(student, now);
        return result;
      }
      const { answer } = result;
      await saveStudentStep(this.db, {
        playerId: student.playerId,
        progress,
        now: new Date(now),
        answer: answerRow(homework.gameId, progress.questionIndex, result.questionId, answer),
      });
      return { ok: true, view: studentView(homework, student, now) };
    });
  }

  /** On from question `questionIndex`'s result; a retry (already moved on) gets the current view. */
  next(session: HomeworkSession, questionIndex: number): Promise<HomeworkViewAck> {
    return this.withStudent(session, async (homework, student, now) => {
      if (student.progress.questionIndex === questionIndex) {
        const moved = nextQuestion(homework.settings, homework.questions, student.progress, now);
        if (!moved.ok) return moved;
        await this.save(student, now);
      }
      return { ok: true, view: studentView(homework, student, now) };
    });
  }

  private save(student: StoredStudent, now: number): Promise<void> {
    return saveStudentStep(this.db, { playerId: student.playerId, progress: student.progress, now: new Date(now) });
  }

  private withStudent<T>(session: HomeworkSession, work: (homework: StoredHomework, student: StoredStudent, now: number) => Promise<T | Refusal>): Promise<T | Refusal> {
    return this.serial(session.playerId, async () => {
      const homework = await this.homework(session.gameId);
      const student = homework ? await findStudent(this.db, session.gameId, session.playerId) : null;
      if (!homework || !student) return refusal("not-joined", "This phone isn't doing that homework. Start it again.");
      return work(homework, student, this.clock());
    });
  }
}
