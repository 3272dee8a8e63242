/**
 * Generated bad input for the fuzz test: values of every JSON shape (deep, huge, odd keys),
 * Socket.IO events no client would send, raw engine.io/socket.io packet texts and WebSocket
 * frames, and tRPC requests with malformed bodies. A seeded generator, so a failure can be replayed.
 */
import { ClientEvent } from "../../src/protocol";
import { seededRandom } from "./engine-fixtures";

export { seededRandom };

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const int = (random: Random, max: number): number => Math.floor(random() * max);

const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "\u202Eevil",
  "Bo\u200Bb",
  "\u3164",
  "<script>alert(1)</script>",
  "'; DROP TABLE players; --",
  "__proto__",
  "constructor",
  "toString",
  "NaN",
  "-1",
  "1e309",
  "000000",
  "12345",
  "1234567",
  "aaaaaa",
  "\u0661\u0662\u0663\u0664\u0665\u0666",
  "𝟏𝟐𝟑𝟒𝟓𝟔",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "00000000-0000-0000-0000-000000000000",
];

export function randomString(random: Random, maxLength = 40): string {
  const kind = int(random, 6);
  if (kind === 0) return pick(random, ODD_STRINGS);
  if (kind === 1) return "x".repeat(int(random, maxLength * 10));
  if (kind === 2) return String(int(random, 1_000_000)).padStart(6, "0");
  const length = int(random, maxLength);
  let text = "";
  for (let i = 0; i < length; i++) {
    const range = int(random, 4);
    const code = range === 0 ? 32 + int(random, 95) : range === 1 ? int(random, 0x20) : range === 2 ? 0x300 + int(random, 0x70) : int(random, 0xffff);
    text += String.fromCharCode(code);
  }
  return text;
}

/** A nest of arrays or objects `depth` levels deep, as JSON text (building the value itself could overflow). */
export function deepJson(random: Random, depth: number): string {
  return random() < 0.5 ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

export function randomValue(random: Random, depth = 0): unknown {
  const kind = int(random, depth > 3 ? 5 : 9);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_VALUE, 1e-300, 7, 99_999_999]);
    case 3:
    case 4:
      return randomString(random);
    case 5:
    case 6:
      return Array.from({ length: int(random, 6) }, () => randomValue(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = int(random, 5); i > 0; i--) object[pick(random, ["code", "nickname", "choice", "answerId", "questionIndex", "gameId", "playerId", "playerToken", "hostSecret", "locked", "__proto__", "constructor", "x", randomString(random, 8)])] = randomValue(random, depth + 1);
      return object;
    }
  }
}

const KNOWN_EVENTS = Object.values(ClientEvent);
/** Names Socket.IO keeps for itself: a packet with one is invalid and closes its connection. */
export const RESERVED_EVENTS = ["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"];
const ODD_EVENTS = ["", "error", "__proto__", "constructor", "toString", "hasOwnProperty", "x".repeat(300), "player:join ", "PLAYER:JOIN"];

/** A known event most of the time, else an odd or random name (never a reserved one). */
export function randomEventName(random: Random): string {
  return random() < 0.7 ? pick(random, KNOWN_EVENTS) : random() < 0.7 ? pick(random, ODD_EVENTS) : randomString(random, 20);
}

/** An almost-right payload for a known event: one field of the right shape mangled, or all of it. */
export function payloadFor(random: Random, event: string, live: { gameId: string; code: string }): unknown {
  const uuid = "6f1c1a55-5b5e-4a83-9f3e-1c2d3e4f5a6b";
  const base: Record<string, Record<string, unknown>> = {
    [ClientEvent.join]: { code: String(int(random, 1_000_000)).padStart(6, "0"), nickname: randomString(random, 25) },
    [ClientEvent.resume]: { gameId: live.gameId, playerId: uuid, playerToken: randomString(random, 60) },
    [ClientEvent.answer]: { answerId: uuid, questionIndex: int(random, 5) - 1, choice: [int(random, 10) - 1] },
    [ClientEvent.hostAttach]: { gameId: live.gameId, hostSecret: randomString(random, 60) },
    [ClientEvent.hostLock]: { locked: true },
    [ClientEvent.hostRemovePlayer]: { playerId: uuid },
    [ClientEvent.hostReadmitPlayer]: { playerId: uuid },
  };
  const shape = base[event];
  if (!shape || random() < 0.3) return randomValue(random);
  const mangled = { ...shape };
  const field = pick(random, Object.keys(mangled));
  mangled[field] = randomValue(random);
  // Never the live game's code: a fuzz phone must not join the real game and change its counts.
  if (mangled.code === live.code) mangled.code = "000000";
  return mangled;
}

export type RawFrame = { text: string } | { binary: Buffer } | { bad: { payload: Buffer; opcode?: number; mask?: boolean; rsv?: number; fin?: boolean } };

/**
 * A well-framed socket.io packet no well-behaved client sends: events with wrong payloads,
 * unknown events, absurd ack ids, acks nobody asked for, deep nesting. The connection stays up.
 */
export function randomPacket(random: Random, live: { gameId: string; code: string }): RawFrame {
  const event = randomEventName(random);
  const args = () => JSON.stringify([event, payloadFor(random, event, live)]);
  switch (int(random, 10)) {
    case 0:
    case 1:
    case 2:
      return { text: `42${args()}` };
    case 3:
    case 4:
      return { text: `42${int(random, 1_000_000)}${args()}` };
    case 5:
      return { text: `42${"9".repeat(20 + int(random, 30))}${args()}` };
    case 6:
      return { text: `43${int(random, 1000)}${JSON.stringify([randomValue(random)])}` };
    case 7:
      // Deep, but under the 16 KB frame limit (that one is a breaking frame below).
      return { text: `42[${JSON.stringify(event)},${deepJson(random, 200 + int(random, 2_000))}]` };
    case 8:
      return { text: `42${JSON.stringify([event, randomValue(random), randomValue(random), randomValue(random)])}` };
    default:
      return { text: pick(random, ["3", "6"]) };
  }
}

/**
 * A frame after which the server may (and mostly should) drop the connection: broken packet
 * text, a client-sent CONNECT_ERROR, binary attachments announced and never sent, a bare binary
 * frame, a frame over the 16 KB limit, and WebSocket frames that break RFC 6455.
 */
export function randomBreakingFrame(random: Random): RawFrame {
  const event = randomEventName(random);
  switch (int(random, 13)) {
    case 12:
      return { text: `42${JSON.stringify([pick(random, RESERVED_EVENTS), randomValue(random)])}` };
    case 0:
      return { text: `42${randomString(random, 200)}` };
    case 1:
      return { text: pick(random, ["", "0", "1", "2", "5", "7", "9", "4", "40", "41", "43", "44", "45", "46", "4x", "b", "bAAAA", "40/admin,", '40{"token":1}', "42[]", '42["a"', "42null", "42{}", '42"x"', "421[]"]) };
    case 2:
      return { text: `44${JSON.stringify(randomValue(random))}` };
    case 3:
      return { text: `45${1 + int(random, 3)}-${JSON.stringify([event, { _placeholder: true, num: int(random, 5) }])}` };
    case 4:
      return { binary: Buffer.from(Array.from({ length: int(random, 300) }, () => int(random, 256))) };
    case 5:
      return { text: `42["player:join","${"a".repeat(16_500 + int(random, 20_000))}"]` };
    case 6:
      return { bad: { payload: Buffer.from(`42["${event}"]`), mask: false } };
    case 7:
      return { bad: { payload: Buffer.from(randomString(random, 30)), opcode: pick(random, [0, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]) } };
    case 8:
      return { bad: { payload: Buffer.from(`42["${event}"]`), rsv: 1 + int(random, 7) } };
    case 9:
      return { bad: { payload: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), opcode: 1 } };
    case 10:
      return { bad: { payload: Buffer.from(`42["${event}"]`), fin: false } };
    default:
      return { bad: { payload: Buffer.alloc(int(random, 200)), opcode: 8 } };
  }
}

export interface TrpcRequest {
  path: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  contentType: string | null;
  body: string | Buffer | null;
  query: string;
  withTeacher: boolean;
}

const PROCEDURES = [
  "account.status",
  "server.joinInfo",
  "quizzes.list",
  "quizzes.get",
  "quizzes.rename",
  "quizzes.delete",
  "quizzes.copy",
  "quizzes.check",
  "games.create",
  "pastGames.list",
  "pastGames.report",
  "pastGames.exportCsv",
  "pastGames.delete",
];
/** Procedures that take a quiz source: fed only wrong shapes, never text to parse (that is the quiz reader's own test). */
const SOURCE_TAKERS = new Set(["quizzes.check", "quizzes.create", "quizzes.replace"]);

export function randomTrpcRequest(random: Random): TrpcRequest {
  const withTeacher = random() < 0.6;
  const kind = int(random, 12);
  const path =
    kind === 0
      ? pick(random, ["nope", "quizzes", "quizzes.list.x", "__proto__", "constructor.prototype", "a".repeat(500), "quizzes.create,quizzes.create", "%00", "..%2F..%2Fetc"])
      : kind === 1
        ? Array.from({ length: 2 + int(random, 30) }, () => pick(random, PROCEDURES)).join(",")
        : pick(random, PROCEDURES);
  const batch = path.includes(",") || random() < 0.2;
  let input: unknown = randomValue(random);
  if (SOURCE_TAKERS.has(path) && typeof (input as { source?: unknown })?.source === "string") input = { source: 42 };
  const json = JSON.stringify(batch ? Object.fromEntries(path.split(",").map((_, i) => [String(i), input])) : input) ?? "null";
  const bodies: Array<() => string> = [
    () => json,
    () => json.slice(0, Math.max(0, json.length - 1 - int(random, 5))),
    () => "{",
    () => "null",
    () => "[]",
    () => "\u0000\u0001",
    () => deepJson(random, 500 + int(random, 5_000)),
    () => (SOURCE_TAKERS.has(path) ? json : `{"source":"${"a".repeat(int(random, 300_000))}"}`),
    () => "x".repeat(1_100_000),
  ];
  const body = random() < 0.05 ? Buffer.from(Array.from({ length: int(random, 500) }, () => int(random, 256))) : pick(random, bodies)();
  const method = random() < 0.8 ? "POST" : pick(random, ["GET", "GET", "PUT", "DELETE"] as const);
  const contentType = random() < 0.7 ? "application/json" : pick(random, ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=utf-16", null]);
  const query = method === "GET" ? `?${batch ? "batch=1&" : ""}input=${encodeURIComponent(typeof body === "string" ? body.slice(0, 4_000) : "")}` : batch ? "?batch=1" : "";
  return { path, method, contentType, body: method === "GET" ? null : body, query, withTeacher };
}
