import { newAnswerId } from "./answer-id";

/**
 * What a phone keeps to get back into a game after a refresh or a dropped connection: one entry
 * per game it joined, and a pointer to the most recent one. The token, never the nickname, proves
 * this phone is that player.
 */
export interface PlayerSession {
  gameId: string;
  playerId: string;
  playerToken: string;
  code: string;
  nickname: string;
  /** Date.now() when it was saved; old entries are dropped. */
  savedAt: number;
}

const PREFIX = "quiz-player:";
const LATEST = "quiz-player-latest";
/** A class's game is long over by then. */
const KEEP_MS = 24 * 60 * 60 * 1000;

const entryKey = (gameId: string) => `${PREFIX}${gameId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function parse(raw: string | null): PlayerSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PlayerSession>;
    const strings = [value.gameId, value.playerId, value.playerToken, value.code, value.nickname];
    if (strings.some((field) => typeof field !== "string") || typeof value.savedAt !== "number") return null;
    return value as PlayerSession;
  } catch {
    return null;
  }
}

function allSessions(store: Storage): PlayerSession[] {
  const sessions: PlayerSession[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const session = parse(store.getItem(key));
    if (session) sessions.push(session);
  }
  return sessions;
}

export function savePlayerSession(session: Omit<PlayerSession, "savedAt">): PlayerSession {
  const saved: PlayerSession = { ...session, savedAt: Date.now() };
  const store = storage();
  try {
    store?.setItem(entryKey(saved.gameId), JSON.stringify(saved));
    store?.setItem(LATEST, saved.gameId);
  } catch {
    // Storage full or blocked: this visit still plays, only a refresh can't come back.
  }
  return saved;
}

export function forgetPlayerSession(gameId: string): void {
  const store = storage();
  if (!store) return;
  try {
    store.removeItem(entryKey(gameId));
    if (store.getItem(LATEST) === gameId) store.removeItem(LATEST);
  } catch {
    // Nothing to do.
  }
}

/**
 * The game this phone should go back to. With a room code from the address (a QR code or a link),
 * only an entry for that code counts: a different code is a new game to join. Without one, the
 * most recent game.
 */
export function findPlayerSession(code: string | null): PlayerSession | null {
  const store = storage();
  if (!store) return null;
  const now = Date.now();
  const sessions = allSessions(store).filter((session) => {
    const fresh = now - session.savedAt < KEEP_MS;
    if (!fresh) forgetPlayerSession(session.gameId);
    return fresh;
  });
  if (code) {
    const matching = sessions.filter((session) => session.code === code).sort((a, b) => b.savedAt - a.savedAt);
    return matching[0] ?? null;
  }
  let latestId: string | null = null;
  try {
    latestId = store.getItem(LATEST);
  } catch {
    return null;
  }
  return sessions.find((session) => session.gameId === latestId) ?? null;
}

const DEVICE_KEY = "quiz-device-id";

/**
 * A random id this phone keeps across games and sends with every join. Not a secret: it only lets
 * the server recognise a phone the host removed from a game, whatever name it tries next.
 */
export function deviceId(): string | undefined {
  const store = storage();
  try {
    const kept = store?.getItem(DEVICE_KEY);
    if (kept && kept.length >= 16) return kept;
    // Any random UUID will do; this one also works on plain-http pages.
    const made = newAnswerId();
    store?.setItem(DEVICE_KEY, made);
    return store ? made : undefined;
  } catch {
    return undefined;
  }
}
