export function formatScore(score: number): string {
  return score.toLocaleString("en");
}
