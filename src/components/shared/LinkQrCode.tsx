"use client";

import { useMemo } from "react";
import { create } from "qrcode";

const QUIET_ZONE = 2;

/**
 * A QR code of a link (a live game's join link, a homework's link) drawn as one SVG path from the
 * module matrix (no HTML strings involved). `label` is what a screen reader says (from the catalogs);
 * the link itself is kept in `data-url` so tests can read what it encodes.
 */
export function LinkQrCode({ url, label, className = "", testId }: { url: string; label: string; className?: string; testId: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(url, { errorCorrectionLevel: "M" });
    let d = "";
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.data[row * modules.size + col]) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { size: modules.size + QUIET_ZONE * 2, path: d };
  }, [url]);

  return (
    <div data-testid={testId} data-url={url} className={`rounded-xl bg-white ${className}`}>
      <svg viewBox={`0 0 ${size} ${size}`} className="size-full" shapeRendering="crispEdges" role="img" aria-label={label}>
        <path d={path} fill="#000" />
      </svg>
    </div>
  );
}
