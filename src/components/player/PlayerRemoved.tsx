export function PlayerRemoved({ message }: { message: string }) {
  return (
    <main data-testid="player-removed" className="flex flex-1 flex-col items-center justify-center gap-5 px-6 text-center">
      <h1 className="text-2xl font-black">{message}</h1>
      {/* A full page load, so this phone starts over with a fresh connection. */}
      <a href="/join" data-testid="rejoin-link" className="rounded-xl bg-white px-6 py-3 text-xl font-bold text-indigo-950">
        Join a game
      </a>
    </main>
  );
}
