/**
 * The host secret proves a browser may run a game's host screen. It is made when the game is
 * created and kept in this browser; "Use another device" hands it over in a link's #key= fragment
 * (fragments never reach the server's logs).
 */
const key = (gameId: string) => `quiz-host:${gameId}`;

export function saveHostSecret(gameId: string, hostSecret: string): void {
  try {
    window.localStorage.setItem(key(gameId), hostSecret);
  } catch {
    // Storage blocked: the host screen will say it can't run this game.
  }
}

export function loadHostSecret(gameId: string): string | null {
  try {
    return window.localStorage.getItem(key(gameId));
  } catch {
    return null;
  }
}

/**
 * A `#key=…` in the address (a link from "Use another device"): store it, and take it out of the
 * address bar at once, so it isn't left in the history or shown on the projector.
 */
export function takeHostSecretFromAddress(gameId: string): void {
  const hash = window.location.hash.replace(/^#/, "");
  if (!hash) return;
  const hostSecret = new URLSearchParams(hash).get("key");
  if (!hostSecret) return;
  saveHostSecret(gameId, hostSecret);
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
}

/** The link that opens this game's host screen on another device. */
export function otherDeviceLink(origin: string, gameId: string, hostSecret: string): string {
  return `${origin}/host/${encodeURIComponent(gameId)}#key=${encodeURIComponent(hostSecret)}`;
}
