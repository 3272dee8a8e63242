/**
 * The client side of bench/quiz-stall.ts, in its own process so its work never slows the server's
 * event loop: a host screen and N phones playing a game continuously (every phone answers every
 * question at a random moment, the host moves on once everyone has), and a signed-in teacher
 * sending pathological quiz files through tRPC (quizzes.check, then quizzes.create) one at a time.
 *
 * parent → {type: "run", url, code, gameId, hostSecret, players, cookie, settleMs}
 * child  → {type: "done", inputs, acks, questionsPlayed}
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { TRPCClientError } from "@trpc/client";
import { ClientEvent, ServerEvent } from "../src/protocol";
import type { AnswerAck, PlayerRoomView } from "../src/protocol";
import { TestHost, TestPlayer } from "../tests/support/socket-clients";
import { apiClient } from "../tests/support/teachers";
import { pathologicalQuizzes } from "./pathological-quizzes";
import { botNickname } from "./bot-nickname";

export interface RunMessage {
  type: "run";
  url: string;
  code: string;
  gameId: string;
  hostSecret: string;
  players: number;
  cookie: string;
  /** How long the game plays before the first file and after the last one. */
  settleMs: number;
}

export interface CallOutcome {
  ms: number;
  outcome: string;
  /** Wall-clock window of the call (Date.now()), to match against the server's event-loop stalls. */
  from: number;
  to: number;
}

export interface InputOutcome {
  name: string;
  kb: number;
  check: CallOutcome;
  upload: CallOutcome;
}

/** One answer: when it was sent (ms since the run started), how long its ack took, whether it was accepted. */
export interface AckSample {
  at: number;
  ms: number;
  ok: boolean;
  refusal?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(call: () => Promise<unknown>): Promise<CallOutcome> {
  const from = Date.now();
  const started = performance.now();
  const done = (outcome: string) => ({ ms: performance.now() - started, outcome, from, to: Date.now() });
  try {
    const result = (await call()) as { ok?: boolean; problems?: Array<{ line: number; message: string }>; title?: string } | undefined;
    if (result && result.ok === false && result.problems?.[0]) return done(`refused, line ${result.problems[0].line}: ${result.problems[0].message}`);
    return done("read");
  } catch (error) {
    if (error instanceof TRPCClientError) return done(`refused: ${error.message}`);
    return done(`failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function run(message: RunMessage) {
  const origin = performance.now();
  const acks: AckSample[] = [];
  let playing = true;
  let questionsPlayed = 0;

  const host = new TestHost(message.url);
  const attached = await host.attach(message.gameId, message.hostSecret);
  if (!attached.ok) throw new Error(`host attach refused: ${attached.message}`);

  const phones = Array.from({ length: message.players }, () => new TestPlayer(message.url));
  for (let i = 0; i < phones.length; i += 50) {
    await Promise.all(phones.slice(i, i + 50).map((phone, j) => phone.join(message.code, botNickname(i + j))));
  }
  for (const phone of phones) {
    let answered = -1;
    phone.socket.on(ServerEvent.room, (view: PlayerRoomView) => {
      if (!playing || view.phase !== "answering" || !view.question || view.question.index === answered) return;
      const questionIndex = (answered = view.question.index);
      // Spread over 1.5 s, like a class answering: there is always an answer in flight.
      setTimeout(async () => {
        if (!playing) return;
        const sent = performance.now();
        try {
          // A long timeout: a stalled server's late acks are exactly what is measured.
          const ack: AnswerAck = await phone.socket
            .timeout(120_000)
            .emitWithAck(ClientEvent.answer, { answerId: randomUUID(), questionIndex, choice: [Math.floor(Math.random() * 4)] });
          acks.push({ at: sent - origin, ms: performance.now() - sent, ok: ack.ok, ...(ack.ok ? {} : { refusal: ack.message }) });
        } catch {
          acks.push({ at: sent - origin, ms: performance.now() - sent, ok: false, refusal: "no ack within 120 s" });
        }
      }, Math.random() * 1_500);
    });
  }

  // The host moves on as soon as a question is revealed, and on from the leaderboard.
  host.socket.on(ServerEvent.hostState, (view: { phase: string }) => {
    if (!playing) return;
    if (view.phase === "reveal") questionsPlayed++;
    if (view.phase === "reveal" || view.phase === "leaderboard") setTimeout(() => playing && void host.action(ClientEvent.hostNext).catch(() => {}), 150);
  });
  await host.action(ClientEvent.hostStart);

  const teacher = apiClient(message.url, message.cookie);
  // The first file starts the reader's worker thread; that start-up is not what is being measured.
  await teacher.quizzes.check.mutate({ source: "## Warm-up\n- [x] a\n- [ ] b\n" });
  await sleep(message.settleMs);

  const inputsStart = performance.now() - origin;
  const inputs: InputOutcome[] = [];
  for (const { name, source } of pathologicalQuizzes()) {
    const check = await timed(() => teacher.quizzes.check.mutate({ source, fileName: "bench.md" }));
    const upload = await timed(() => teacher.quizzes.create.mutate({ source, fileName: "bench.md" }));
    inputs.push({ name, kb: Buffer.byteLength(source) / 1024, check, upload });
  }
  const inputsEnd = performance.now() - origin;
  await sleep(message.settleMs);

  playing = false;
  await sleep(2_000); // let answers already in flight come back
  for (const phone of phones) phone.close();
  host.close();
  return { type: "done" as const, inputs, acks, inputsStart, inputsEnd, questionsPlayed };
}

process.on("message", (message: RunMessage) => {
  if (message.type !== "run") return;
  run(message).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ type: "failed", message: error instanceof Error ? error.stack : String(error) }),
  );
});
