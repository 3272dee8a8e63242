/**
 * The order the preview draws an ordering question's items in: rotated by one (the second item
 * first, the first item last), so it looks shuffled and, with two items or more, is never the right
 * order. Games shuffle for real; the preview stays the same on every render.
 */
export function previewOrder<T>(items: readonly T[]): T[] {
  return items.length < 2 ? [...items] : [...items.slice(1), items[0]!];
}
