/**
 * One horizontal bar: a track and a fill as wide as value / max. The bar itself carries the numbers
 * for screen readers (role="img"), the caller shows them as text next to it.
 */
export function HorizontalBar({
  value,
  max,
  label,
  fillClass,
  heightClass = "h-5",
}: {
  value: number;
  max: number;
  label: string;
  fillClass: string;
  heightClass?: string;
}) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div role="img" aria-label={label} className={`relative w-full overflow-hidden rounded bg-slate-100 ${heightClass}`}>
      <div className={`h-full rounded ${fillClass}`} style={{ width: `${share * 100}%`, minWidth: value > 0 ? "2px" : 0 }} />
    </div>
  );
}
