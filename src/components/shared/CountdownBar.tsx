"use client";

import { useMemo, type CSSProperties } from "react";
import { msLeft, type LocalDeadline } from "@/client/countdown";

/**
 * A bar that empties by the deadline. The browser animates it; React renders it once per deadline.
 * While the game is paused it stands still at what is left.
 */
export function CountdownBar({ deadline, className = "h-2", trackClassName = "bg-white/20", barClassName = "bg-white" }: {
  deadline: LocalDeadline | null;
  className?: string;
  trackClassName?: string;
  barClassName?: string;
}) {
  const style = useMemo<CSSProperties | undefined>(() => {
    if (!deadline) return undefined;
    const left = msLeft(deadline);
    const from = deadline.totalMs > 0 ? Math.min(1, left / deadline.totalMs) : 0;
    if (!deadline.running) return { transform: `scaleX(${from})`, transformOrigin: "left" };
    // The transform is what shows when reduced motion turns the animation off (globals.css): the bar stands still.
    return { "--countdown-from": from, transform: `scaleX(${from})`, animation: `countdown-shrink ${left}ms linear forwards`, transformOrigin: "left" } as CSSProperties;
  }, [deadline]);

  return (
    <div className={`w-full overflow-hidden rounded-full ${trackClassName} ${className}`} aria-hidden>
      {deadline && <div data-testid="countdown-bar" key={`${deadline.endsAt}:${deadline.running}`} className={`h-full w-full rounded-full ${barClassName}`} style={style} />}
    </div>
  );
}
