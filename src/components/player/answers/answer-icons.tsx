/** Icons used only by the answer components (plain SVG, like components/shared/icons). */
const common = { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 3, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export function ArrowUpIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M12 19V5M5.5 11.5 12 5l6.5 6.5" />
    </svg>
  );
}

export function ArrowDownIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M12 5v14M5.5 12.5 12 19l6.5-6.5" />
    </svg>
  );
}

/** Six dots: "grab here". */
export function GripIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="currentColor" className={className} aria-hidden>
      {[6, 12, 18].map((y) => (
        <g key={y}>
          <circle cx="9" cy={y} r="1.8" />
          <circle cx="15" cy={y} r="1.8" />
        </g>
      ))}
    </svg>
  );
}

export function MinusIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M5 12h14" />
    </svg>
  );
}

export function PlusIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M5 12h14M12 5v14" />
    </svg>
  );
}
