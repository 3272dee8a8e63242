/** The host secret proves this browser created the game; it stays on this laptop only. */
const key = (gameId: string) => `quiz-host:${gameId}`;

export function saveHostSecret(gameId: string, hostSecret: string): void {
  window.localStorage.setItem(key(gameId), hostSecret);
}

export function loadHostSecret(gameId: string): string | null {
  try {
    return window.localStorage.getItem(key(gameId));
  } catch {
    return null;
  }
}
