/**
 * Self-paced homework over real sockets: 20 students do it at their own paces (one lets a
 * question time out, one refreshes mid-way and resumes), the server times each question per
 * student, no message to a student carries a right answer before that student answered, and the
 * teacher's progress and the report read the result. After the closing time no answer is taken.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomeworkEvent, type HomeworkStartAck, type HomeworkStudentView, type HomeworkViewAck } from "../../src/protocol";
import { schema } from "../../server/db";
import type { GameQuestion } from "../../server/engine/types";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { connect } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const STUDENTS = 20;
const TIME_LIMIT_SEC = 5;
const ACK_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A student's phone: every packet it received, and the questions it may know the answer to by now. */
class Student {
  socket: Socket;
  readonly packets: unknown[] = [];
  /** Question indexes this student has answered (or let time out): their answer may now be shown. */
  readonly done = new Set<number>();
  session: { gameId: string; playerId: string; playerToken: string } | null = null;
  view: HomeworkStudentView | null = null;

  constructor(private readonly url: string) {
    this.socket = this.open();
  }

  private open(): Socket {
    const socket = connect(this.url);
    socket.io.on("packet", (packet) => this.packets.push({ packet, done: [...this.done] }));
    return socket;
  }

  async start(code: string, nickname: string, identifier?: string): Promise<HomeworkStartAck> {
    const ack: HomeworkStartAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(HomeworkEvent.start, { code, nickname, identifier });
    if (ack.ok) {
      this.session = { gameId: ack.view.gameId, playerId: ack.playerId, playerToken: ack.playerToken };
      this.view = ack.view;
    }
    return ack;
  }

  /** The page is reloaded: a new connection, which resumes with the stored token. */
  async refresh(): Promise<HomeworkViewAck> {
    this.socket.disconnect();
    this.socket = this.open();
    const ack: HomeworkViewAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(HomeworkEvent.resume, this.session);
    if (ack.ok) this.view = ack.view;
    return ack;
  }

  async answer(questionIndex: number, choice: number[]): Promise<HomeworkViewAck> {
    this.done.add(questionIndex);
    const ack: HomeworkViewAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(HomeworkEvent.answer, { answerId: randomUUID(), questionIndex, choice });
    if (ack.ok) this.view = ack.view;
    return ack;
  }

  async next(questionIndex: number): Promise<HomeworkViewAck> {
    const ack: HomeworkViewAck = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(HomeworkEvent.next, { questionIndex });
    if (ack.ok) this.view = ack.view;
    return ack;
  }

  /** Every packet checked: a right answer or an explanation only for questions this student was done with when it arrived. */
  leaks(explanations: string[]): string[] {
    const problems: string[] = [];
    this.packets.forEach(({ packet, done }: any, index) => {
      const allowed = new Set<number>(done);
      const check = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(check);
        if (value === null || typeof value !== "object") return value;
        const record = { ...(value as Record<string, unknown>) };
        if ("answerKey" in record && record.answerKey !== null) {
          const question = (record.question as { index?: number } | null)?.index;
          if (question === undefined || !allowed.has(question)) problems.push(`packet #${index}: the answer to question ${question} before this student answered it`);
          delete record.answerKey;
        }
        if ("outcome" in record && record.outcome !== null) {
          const question = (record.outcome as { questionIndex: number }).questionIndex;
          if (!allowed.has(question)) problems.push(`packet #${index}: an outcome of question ${question} before this student answered it`);
          delete record.outcome;
        }
        return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, check(item)]));
      };
      const rest = JSON.stringify(check(packet));
      if (rest.includes('"correct":[') || rest.includes("commentHtml")) problems.push(`packet #${index}: a right answer outside a result`);
      for (const text of explanations) if (rest.includes(text)) problems.push(`packet #${index}: an explanation outside a result`);
    });
    return problems;
  }

  close(): void {
    this.socket.disconnect();
  }
}

describe.each(testDatabaseTargets())("homework on %s", (target) => {
  let quiz: TestQuizServer;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  }, 60_000);
  afterAll(async () => {
    await quiz?.close();
  });

  async function assign(overrides: Record<string, unknown> = {}) {
    const now = Date.now();
    return quiz.api.homework.assign.mutate({
      quizVersionId: await quiz.quizVersionId("back-office"),
      opensAt: now - 1000,
      closesAt: now + 3_600_000,
      timeLimitSec: TIME_LIMIT_SEC,
      attempts: 1,
      showAnswers: "after-each",
      identifierLabel: "Class number",
      ...overrides,
    });
  }

  it("a class starting at the same moment: every student gets in, each with their own join number; one nickname twice at once is given once", async () => {
    const ticket = await assign();
    const students = Array.from({ length: 30 }, () => new Student(quiz.url));
    const acks = await Promise.all(students.map((student, i) => student.start(ticket.code, i < 2 ? "Same Moment" : `Class ${i}`, `${i + 1}`)));
    expect(acks.slice(2).every((ack) => ack.ok)).toBe(true);
    expect(acks.slice(0, 2).filter((ack) => ack.ok)).toHaveLength(1);
    expect(acks.slice(0, 2).find((ack) => !ack.ok)).toMatchObject({ ok: false, code: "nickname-taken" });
    for (const student of students) student.close();
    const rows = await quiz.database.db.select({ joinSeq: schema.players.joinSeq }).from(schema.players).where(eq(schema.players.gameId, ticket.gameId));
    expect(new Set(rows.map((row) => row.joinSeq)).size).toBe(29);
    const progress = await quiz.api.homework.progress.query({ gameId: ticket.gameId });
    expect(progress.students).toHaveLength(29);
  });

  it("20 students at their own paces, one timing out and one resuming after a refresh; nothing leaks; the report reads it", async () => {
    const ticket = await assign();
    expect(ticket.link).toContain(`/homework?code=${ticket.code}`);
    const [row] = await quiz.database.db.select().from(schema.homeworks).where(eq(schema.homeworks.gameId, ticket.gameId));
    const questions = row!.questions as GameQuestion[];
    const explanations = questions.flatMap((question) => question.options.flatMap((option) => (option.commentHtml ? [option.commentHtml] : [])));
    expect(explanations.length).toBeGreaterThan(0);

    const students = Array.from({ length: STUDENTS }, () => new Student(quiz.url));
    // The identifier the teacher asked for is required.
    expect(await students[0]!.start(ticket.code, "Student 0")).toMatchObject({ ok: false, code: "invalid-request" });
    const started = await Promise.all(students.map((student, i) => student.start(ticket.code, `Student ${i}`, `${i + 1}`)));
    expect(started.every((ack) => ack.ok)).toBe(true);
    // The same nickname again, while its first attempt is under way, is refused.
    const twin = new Student(quiz.url);
    expect(await twin.start(ticket.code, "student 3", "99")).toMatchObject({ ok: false, code: "nickname-taken" });
    twin.close();

    const SLOW = 0;
    const RESUMER = 7;
    const expectedScores = new Map<number, { correct: number; answered: number }>();
    await Promise.all(
      students.map(async (student, s) => {
        let correct = 0;
        let answered = 0;
        for (let q = 0; q < questions.length; q++) {
          const view = student.view!;
          expect(view).toMatchObject({ phase: "question", question: { index: q } });
          expect(view.answerKey).toBeNull();
          expect(view.countdown!.remainingMs).toBeLessThanOrEqual(TIME_LIMIT_SEC * 1000);
          if (s === RESUMER && q === 3) {
            const resumed = await student.refresh();
            expect(resumed).toMatchObject({ ok: true, view: { phase: "question", question: { index: 3 } } });
          }
          if (s === SLOW && q === 2) {
            // This student lets the question's own time run out: the late answer is refused, no points.
            await sleep(TIME_LIMIT_SEC * 1000 + 300);
            const late = await student.answer(q, [0]);
            expect(late).toMatchObject({ ok: false, code: "too-late" });
            const after = await student.refresh();
            expect(after).toMatchObject({ ok: true, view: { phase: "result", outcome: { answered: false, points: 0 } } });
          } else {
            // Different paces: 0–400 ms to think, most answers right.
            await sleep((s * 37 + q * 53) % 400);
            const right = (s + q) % 4 !== 0;
            const question = questions[q]!;
            const choice = right ? question.correct : [question.options.findIndex((_, index) => !question.correct.includes(index))];
            const ack = await student.answer(q, choice);
            expect(ack).toMatchObject({ ok: true, view: { phase: "result", outcome: { correct: right } } });
            if (ack.ok) expect(ack.view.answerKey!.correct).toEqual(question.correct);
            answered += 1;
            if (right) correct += 1;
          }
          const moved = await student.next(q);
          expect(moved.ok).toBe(true);
        }
        expect(student.view).toMatchObject({ phase: "finished", correctCount: correct, answeredCount: answered });
        expectedScores.set(s, { correct, answered });
      }),
    );

    for (const student of students) expect(student.leaks(explanations)).toEqual([]);

    const progress = await quiz.api.homework.progress.query({ gameId: ticket.gameId });
    expect(progress.students).toHaveLength(STUDENTS);
    expect(progress.students.every((student) => student.phase === "finished")).toBe(true);
    expect(progress.students.find((student) => student.nickname === "Student 7")?.identifier).toBe("8");

    // The report, item analysis and CSV of a live game, for the homework.
    const report = await quiz.api.pastGames.report.query({ gameId: ticket.gameId });
    expect(report.summary.playerCount).toBe(STUDENTS);
    expect(report.questions).toHaveLength(questions.length);
    for (const [s, expected] of expectedScores) {
      const player = report.ranking.find((entry) => entry.nickname === `Student ${s}`)!;
      expect(player).toMatchObject({ correctCount: expected.correct, answeredCount: expected.answered });
      expect(player.score).toBe(progress.students.find((student) => student.nickname === `Student ${s}`)!.score);
    }
    const csv = await quiz.api.pastGames.exportCsv.query({ gameId: ticket.gameId });
    expect(JSON.stringify(csv.files)).toContain("Student 19");
    const saved = await quiz.database.db.select().from(schema.answers).where(eq(schema.answers.gameId, ticket.gameId));
    expect(saved).toHaveLength(STUDENTS * questions.length - 1);
    students.forEach((student) => student.close());
  }, 120_000);

  it("after the closing time no answer is accepted, and results held for the deadline come out then", async () => {
    const ticket = await assign({ closesAt: Date.now() + 2_500, timeLimitSec: null, showAnswers: "after-deadline", identifierLabel: null });
    const student = new Student(quiz.url);
    const started = await student.start(ticket.code, "Late Lou");
    expect(started.ok).toBe(true);
    const first = await student.answer(0, [0]);
    expect(first).toMatchObject({ ok: true, view: { phase: "result", outcome: null, answerKey: null, score: null } });
    await student.next(0);
    await sleep(2_700);
    expect(await student.answer(1, [0])).toMatchObject({ ok: false, code: "too-late" });
    const late = new Student(quiz.url);
    expect(await late.start(ticket.code, "Later Lee")).toMatchObject({ ok: false, code: "game-over" });
    const resumed = await student.refresh();
    expect(resumed).toMatchObject({ ok: true, view: { phase: "closed" } });
    if (resumed.ok) expect(resumed.view.score).not.toBeNull();
    const { homeworks } = await quiz.api.homework.list.query();
    expect(homeworks.find((homework) => homework.gameId === ticket.gameId)).toMatchObject({ students: 1 });
    const report = await quiz.api.pastGames.report.query({ gameId: ticket.gameId });
    expect(report.game.status).toBe("finished");
    student.close();
    late.close();
  }, 60_000);
});
