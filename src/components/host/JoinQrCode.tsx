"use client";

import { useMemo } from "react";
import { create } from "qrcode";

const QUIET_ZONE = 2;

/** A QR code drawn as one SVG path from the module matrix (no HTML strings involved). */
export function JoinQrCode({ url, className = "", testId = "host-qr-code", label = `QR code to join: ${url}` }: {
  url: string;
  className?: string;
  testId?: string;
  label?: string;
}) {
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
