import { redirect } from "next/navigation";

/** The old results address (linked from the host's final screens): the report now lives under Past games. */
export default async function ResultsPage({ params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  redirect(`/games/${encodeURIComponent(gameId)}`);
}
