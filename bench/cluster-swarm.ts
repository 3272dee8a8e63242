/**
 * Phones for the cluster bench, in their own process: phone i joins through node `i % urls.length`,
 * answers at a random moment in the first 3 s when told, and reports join and answer ack times.
 * Messages: parent → {type: "join", urls, code, players} | {type: "answer"}; child → {type: "joined", joinMs} | {type: "answered", ackMs}.
 */
import { performance } from "node:perf_hooks";
import { TestPlayer } from "../tests/support/socket-clients";

let phones: TestPlayer[] = [];

process.on("message", async (message: { type: string; urls?: string[]; code?: string; players?: number }) => {
  if (message.type === "join") {
    const urls = message.urls!;
    phones = Array.from({ length: message.players! }, (_, i) => new TestPlayer(urls[i % urls.length]!));
    const joinMs: number[] = [];
    for (let i = 0; i < phones.length; i += 50) {
      await Promise.all(
        phones.slice(i, i + 50).map(async (phone, j) => {
          const sent = performance.now();
          const ack = await phone.join(message.code!, `P${i + j}`);
          if (!ack.ok) throw new Error(`join refused: ${ack.message}`);
          joinMs[i + j] = performance.now() - sent;
        }),
      );
    }
    await Promise.all(phones.map((phone) => phone.nextRoomView((view) => view.phase === "answering", "answering")));
    process.send!({ type: "joined", joinMs });
  } else if (message.type === "answer") {
    // Everyone but phone 0 answers, so the round stays open and only per-answer traffic is measured.
    const ackMs: Array<number | null> = [null];
    await Promise.all(
      phones.slice(1).map(async (phone, k) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3_000));
        const sent = performance.now();
        const ack = await phone.answer(0, [1]);
        if (!ack.ok) throw new Error(`answer refused: ${ack.message}`);
        ackMs[k + 1] = performance.now() - sent;
      }),
    );
    for (const phone of phones) phone.close();
    process.send!({ type: "answered", ackMs });
  }
});
