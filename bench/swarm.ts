/**
 * The phones of a benchmark, in their own process so their work doesn't slow the server's event
 * loop: joins N players, answers when told, and reports what each phone saw.
 * Messages: parent → {type: "join", url, code, players} | {type: "answer"}; child → {type: "joined"} | {type: "answered", ...}.
 */
import { performance } from "node:perf_hooks";
import { ServerEvent } from "../src/protocol";
import { TestPlayer } from "../tests/support/socket-clients";
import { botNickname } from "./bot-nickname";

let phones: TestPlayer[] = [];
const received: number[] = [];

process.on("message", async (message: { type: string; url?: string; code?: string; players?: number }) => {
  if (message.type === "join") {
    phones = Array.from({ length: message.players! }, () => new TestPlayer(message.url!));
    for (let i = 0; i < phones.length; i += 50) {
      await Promise.all(phones.slice(i, i + 50).map((phone, j) => phone.join(message.code!, botNickname(i + j))));
    }
    await Promise.all(phones.map((phone) => phone.nextRoomView((view) => view.phase === "answering", "answering")));
    phones.forEach((phone, i) => {
      received[i] = 0;
      for (const event of [ServerEvent.room, ServerEvent.personal]) phone.socket.on(event, () => void (received[i]! += 1));
    });
    process.send!({ type: "joined" });
  } else if (message.type === "answer") {
    const latencies: number[] = [];
    const started = performance.now();
    // Everyone but one answers, so the round stays open and only per-answer traffic is counted.
    await Promise.all(
      phones.slice(1).map(async (phone) => {
        const sent = performance.now();
        const ack = await phone.answer(0, [1]);
        if (!ack.ok) throw new Error(`answer refused: ${ack.message}`);
        latencies.push(performance.now() - sent);
      }),
    );
    const answerWindowMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const phone of phones) phone.close();
    process.send!({ type: "answered", latencies, answerWindowMs, messagesPerPhoneWhileAnswering: Math.max(...received) });
  }
});
