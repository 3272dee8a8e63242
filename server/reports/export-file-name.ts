/** `<quiz-title-slug>-<YYYY-MM-DD>`: the date the game started (else was created), in UTC. */
export function exportFileBaseName(game: { quizTitle: string; startedAt: Date | null; createdAt: Date }): string {
  const date = (game.startedAt ?? game.createdAt).toISOString().slice(0, 10);
  return `${titleSlug(game.quizTitle)}-${date}`;
}

export function titleSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "quiz";
}
