/**
 * Phones for the cluster bench, in their own process: phone i (counted over all games) joins
 * through node `i % urls.length`, answers at a random moment in the first 3 s when told (all but
 * the first phone of each game), and reports join and answer ack times.
 * Messages: parent → {type: "join", urls, games: [{code, players}]} (or one game: code, players)
 * | {type: "answer"}; child → {type: "joined", joinMs} | {type: "answered", ackMs}.
 */
import { performance } from "node:perf_hooks";
import { TestPlayer } from "../tests/support/socket-clients";
import { botNickname } from "./bot-nickname";

let phones: TestPlayer[] = [];
/** Index of the first phone of each game: it never answers, so every round stays open. */
const firstOfGame = new Set<number>();

type JoinMessage = { type: "join"; urls: string[]; code?: string; players?: number; games?: Array<{ code: string; players: number }> };

process.on("message", async (message: JoinMessage | { type: "answer" }) => {
  if (message.type === "join") {
    const urls = message.urls;
    const games = message.games ?? [{ code: message.code!, players: message.players! }];
    const seats = games.flatMap((game) => Array.from({ length: game.players }, (_, seat) => ({ code: game.code, seat })));
    phones = seats.map((_, i) => new TestPlayer(urls[i % urls.length]!));
    seats.forEach((seat, i) => seat.seat === 0 && firstOfGame.add(i));
    const joinMs: number[] = [];
    for (let i = 0; i < phones.length; i += 50) {
      await Promise.all(
        phones.slice(i, i + 50).map(async (phone, j) => {
          const { code, seat } = seats[i + j]!;
          const sent = performance.now();
          const ack = await phone.join(code, botNickname(seat));
          if (!ack.ok) throw new Error(`join refused: ${ack.message}`);
          joinMs[i + j] = performance.now() - sent;
        }),
      );
    }
    await Promise.all(phones.map((phone) => phone.nextRoomView((view) => view.phase === "answering", "answering")));
    process.send!({ type: "joined", joinMs });
  } else if (message.type === "answer") {
    const ackMs: Array<number | null> = phones.map(() => null);
    await Promise.all(
      phones.map(async (phone, i) => {
        if (firstOfGame.has(i)) return;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3_000));
        const sent = performance.now();
        const ack = await phone.answer(0, [1]);
        if (!ack.ok) throw new Error(`answer refused: ${ack.message}`);
        ackMs[i] = performance.now() - sent;
      }),
    );
    for (const phone of phones) phone.close();
    process.send!({ type: "answered", ackMs });
  }
});
