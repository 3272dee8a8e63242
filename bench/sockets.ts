/** A real server with N socket.io-client phones answering one question at once. */
import { performance } from "node:perf_hooks";
import path from "node:path";
import { ClientEvent, ServerEvent } from "../src/protocol";
import { startQuizServer } from "../server/app";
import { openDatabase } from "../server/db";
import { loadContentDirectory } from "../server/content";
import { silentLogger } from "../server/http/console-logger";
import { apiClient } from "../tests/support/quiz-server";
import { TestHost, TestPlayer } from "../tests/support/socket-clients";

export async function benchSockets(players: number) {
  const database = await openDatabase({ url: "", dataDir: "memory://" });
  await loadContentDirectory(database.db, path.resolve(import.meta.dirname, "../content"));
  const server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger });
  const url = `http://127.0.0.1:${server.port}`;
  const api = apiClient(url);
  try {
    const { quizzes } = await api.quizzes.list.query();
    const ticket = await api.games.create.mutate({ quizVersionId: quizzes[0]!.versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(url);
    await host.attach(ticket.gameId, ticket.hostSecret);
    const phones = Array.from({ length: players }, () => new TestPlayer(url));
    for (let i = 0; i < players; i += 50) {
      await Promise.all(phones.slice(i, i + 50).map((phone, j) => phone.join(ticket.code, `P${i + j}`)));
    }
    await host.action(ClientEvent.hostStart);
    await Promise.all(phones.map((phone) => phone.nextRoomView((view) => view.phase === "answering", "answering")));

    const received = phones.map(() => 0);
    phones.forEach((phone, i) => {
      for (const event of [ServerEvent.room, ServerEvent.personal]) phone.socket.on(event, () => void (received[i]! += 1));
    });
    const countsBefore = host.answerCounts.length;
    const latencies: number[] = [];
    const started = performance.now();
    // Everyone but one answers, so the round stays open and only per-answer traffic is counted.
    await Promise.all(
      phones.slice(1).map(async (phone) => {
        const sent = performance.now();
        await phone.answer(0, [1]);
        latencies.push(performance.now() - sent);
      }),
    );
    const answerWindowMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const messagesPerPhoneWhileAnswering = Math.max(...received);
    const hostCountUpdates = host.answerCounts.length - countsBefore;
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
    const serverHeapMb = process.memoryUsage().heapUsed / 1e6;
    for (const phone of phones) phone.close();
    host.close();
    return { ackP50Ms: percentile(0.5), ackP99Ms: percentile(0.99), messagesPerPhoneWhileAnswering, hostCountUpdates, answerWindowMs, serverHeapMb };
  } finally {
    await server.close();
    await database.close();
  }
}
