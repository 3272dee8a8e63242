/**
 * The phones and host screens of a load run, in their own process (real socket.io-client
 * connections over websockets). Parent → {type: "join", ...JoinPlan}: opens every host, then
 * phones arrive at `joinsPerSecond` (spread over the games round-robin) and join; child →
 * {type: "joined", ...}. Parent → {type: "play"}: the hosts start their games; every phone answers
 * each question at a random moment in the first `answerSpreadMs` of the answer window; the hosts
 * move on from the reveal and the leaderboard; child → {type: "played", ...} once every game is on
 * its podium (or `timeoutMs` passed).
 */
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { io } from "socket.io-client";
import { ClientEvent, ServerEvent, type AnswerAck, type HostAttachAck, type HostView, type JoinAck, type PlayerRoomView } from "../../src/protocol";
import { botNickname } from "../bot-nickname";
import { LeanSocket } from "./lean-socket";

export interface JoinPlan {
  /**
   * The server's nodes: game g's host screen goes to node g (mod N), where it was created; phone i
   * joins through node i (mod N), or with `phonesSplit` the game's k-th phone through node g + k (mod N).
   */
  urls: string[];
  phonesSplit?: boolean;
  games: Array<{ gameId: string; code: string; hostSecret: string }>;
  playersPerGame: number;
  joinsPerSecond: number;
  /** "lean": the wire protocol over plain websockets (lean-socket.ts); "socket.io": socket.io-client, as browsers use. */
  client: BotClient;
}

export type BotClient = "lean" | "socket.io";

export interface PlayPlan {
  answerSpreadMs: number;
  /** Pause of the host on the reveal and on the leaderboard before pressing Next. */
  hostPauseMs: number;
  timeoutMs: number;
}

const ACK_TIMEOUT_MS = 30_000;
// As the server's (bench/load/server.ts): at 1 ms a gap reads within ~2 ms of its length.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

/** What the bots use of a connection; socket.io-client's Socket and LeanSocket both provide it. */
interface Socket {
  on(event: string, listener: (...args: any[]) => void): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<any> };
  close(): unknown;
}

let client: BotClient = "lean";
const connect = (url: string): Socket =>
  client === "lean" ? new LeanSocket(url) : (io(url, { transports: ["websocket"], reconnection: false, forceNew: true }) as unknown as Socket);

interface Game {
  gameId: string;
  host: Socket;
  hostView: HostView | null;
  phones: Socket[];
  done: boolean;
  /** When the room view of each question reached each phone, by question index: the latest arrival. */
  lastArrival: Map<number, number>;
  questionOpenedAt: Map<number, number>;
}

const games: Game[] = [];
const joinAcksMs: number[] = [];
const joinRefusals: Record<string, number> = {};
const fanOutMs: number[] = [];
const answerAcksMs: number[] = [];
const answerRefusals: Record<string, number> = {};
let answersSent = 0;
let answersTimedOut = 0;
const ackedAnswerIds: string[] = [];
let hostActionsRefused = 0;

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const count = (into: Record<string, number>, key: string) => void (into[key] = (into[key] ?? 0) + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function joinAll(plan: JoinPlan) {
  client = plan.client;
  const nodeUrl = (i: number) => plan.urls[i % plan.urls.length]!;
  for (const [index, ticket] of plan.games.entries()) {
    const host = connect(nodeUrl(index));
    const game: Game = { gameId: ticket.gameId, host, hostView: null, phones: [], done: false, lastArrival: new Map(), questionOpenedAt: new Map() };
    games.push(game);
    host.on(ServerEvent.hostState, (view: HostView) => (game.hostView = view));
    const ack: HostAttachAck = await host.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAttach, { gameId: ticket.gameId, hostSecret: ticket.hostSecret });
    if (!ack.ok) throw new Error(`host attach refused: ${ack.message}`);
    game.hostView = ack.state;
  }
  const total = plan.games.length * plan.playersPerGame;
  const started = performance.now();
  const joins: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / plan.joinsPerSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const gameIndex = i % plan.games.length;
    const game = games[gameIndex]!;
    const inGame = Math.floor(i / plan.games.length);
    const nickname = botNickname(inGame + 1);
    joins.push(joinOne(nodeUrl(plan.phonesSplit ? gameIndex + inGame : i), plan.games[gameIndex]!.code, nickname, game));
  }
  await Promise.all(joins);
  return { joinMs: performance.now() - started };
}

function joinOne(url: string, code: string, nickname: string, game: Game): Promise<void> {
  const phone = connect(url);
  return new Promise<void>((resolve) => {
    phone.once("connect", async () => {
      const sent = performance.now();
      try {
        const ack: JoinAck = await phone.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname });
        if (!ack.ok) {
          count(joinRefusals, ack.code);
          phone.close();
          return resolve();
        }
        joinAcksMs.push(performance.now() - sent);
        game.phones.push(phone);
        phone.on(ServerEvent.room, (view: PlayerRoomView) => onRoomView(phone, game, view));
      } catch {
        count(joinRefusals, "timeout");
        phone.close();
      }
      resolve();
    });
    phone.once("connect_error", () => {
      count(joinRefusals, "connect-error");
      resolve();
    });
  });
}

let answerSpreadMs = 3_000;

function onRoomView(phone: Socket, game: Game, view: PlayerRoomView) {
  if (view.phase !== "answering" || !view.question || !view.countdown) return;
  const arrived = Date.now();
  const questionIndex = view.question.index;
  // The server opened the question at endsAt − totalMs on its own clock (same machine).
  const openedAt = view.countdown.endsAt - view.countdown.totalMs;
  game.questionOpenedAt.set(questionIndex, openedAt);
  fanOutMs.push(arrived - openedAt);
  game.lastArrival.set(questionIndex, Math.max(game.lastArrival.get(questionIndex) ?? 0, arrived));
  const options = view.question.options?.length ?? 4;
  setTimeout(async () => {
    const answerId = randomUUID();
    answersSent++;
    const sent = performance.now();
    try {
      const ack: AnswerAck = await phone.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { answerId, questionIndex, choice: [Math.floor(Math.random() * options)] });
      if (ack.ok) {
        answerAcksMs.push(performance.now() - sent);
        ackedAnswerIds.push(answerId);
      } else count(answerRefusals, ack.code);
    } catch {
      answersTimedOut++;
    }
  }, Math.random() * answerSpreadMs);
}

async function play(plan: PlayPlan) {
  answerSpreadMs = plan.answerSpreadMs;
  const started = performance.now();
  const hostAction = async (game: Game, event: string) => {
    try {
      const ack = (await game.host.timeout(ACK_TIMEOUT_MS).emitWithAck(event)) as { ok: boolean };
      if (!ack.ok) hostActionsRefused++;
    } catch {
      hostActionsRefused++;
    }
  };
  const finished = games.map(
    (game) =>
      new Promise<void>((resolve) => {
        let handledPhase = "";
        game.host.on(ServerEvent.hostState, (view: HostView) => {
          const key = `${view.phase}:${view.question?.index ?? ""}`;
          if (key === handledPhase) return;
          handledPhase = key;
          if (view.phase === "reveal" || view.phase === "leaderboard") {
            setTimeout(() => void hostAction(game, ClientEvent.hostNext), plan.hostPauseMs);
          } else if (view.phase === "podium" || view.phase === "finished") {
            game.done = true;
            resolve();
          }
        });
      }),
  );
  await Promise.all(games.map((game) => hostAction(game, ClientEvent.hostStart)));
  await Promise.race([Promise.all(finished), sleep(plan.timeoutMs)]);
  // Answers still in flight when the last game ended get their acks (or time out).
  await sleep(500);
  const lastPhoneMs: number[] = [];
  const slowestGameByQuestion: number[] = [];
  for (const game of games) {
    for (const [question, arrived] of game.lastArrival) {
      const ms = arrived - game.questionOpenedAt.get(question)!;
      lastPhoneMs.push(ms);
      slowestGameByQuestion[question] = Math.max(slowestGameByQuestion[question] ?? 0, ms);
    }
  }
  return { playMs: performance.now() - started, gamesFinished: games.filter((game) => game.done).length, lastPhoneMs, slowestGameByQuestion };
}

// In a session of its own (scenario.ts), a Ctrl+C in the terminal does not reach this process.
process.on("disconnect", () => process.exit(1));
process.on("message", async (message: { type: string } & Partial<JoinPlan & PlayPlan>) => {
  if (message.type === "join") {
    loop.reset();
    const cpu = process.cpuUsage();
    const { joinMs } = await joinAll(message as JoinPlan);
    process.send!({ type: "joined", joinMs, joined: joinAcksMs.length, joinAcksMs, joinRefusals, botLoopMaxMs: loop.max / 1e6, botCpuSeconds: cpuSeconds(cpu) });
  } else if (message.type === "play") {
    loop.reset();
    const cpu = process.cpuUsage();
    const result = await play(message as PlayPlan);
    process.send!({
      type: "played",
      ...result,
      fanOutMs,
      answerAcksMs,
      answersSent,
      answersTimedOut,
      answerRefusals,
      ackedAnswerIds,
      hostActionsRefused,
      botLoopMaxMs: loop.max / 1e6,
      botCpuSeconds: cpuSeconds(cpu),
    });
  } else if (message.type === "close") {
    for (const game of games) {
      game.host.close();
      for (const phone of game.phones) phone.close();
    }
    process.exit(0);
  }
});
