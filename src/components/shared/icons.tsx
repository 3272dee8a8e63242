/** Plain SVG icons, so key states never depend on an emoji font being installed. */
const common = { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 3, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export function CheckIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M4.5 12.5l5 5L19.5 7" />
    </svg>
  );
}

export function CrossIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

export function ClockIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}

export function LockIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} className={className} aria-hidden>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}

export function FlameIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden>
      <path
        fill="#fb923c"
        d="M12 2c.6 3.2 2.4 5 4.2 6.9C18 10.8 19.5 12.9 19.5 15.6 19.5 19.7 16.2 22 12 22s-7.5-2.3-7.5-6.4c0-2.6 1.3-4.6 3-6.1-.1 1.8.5 3.3 1.9 4.1C9 10.3 10 6.3 12 2z"
      />
      <path fill="#fde047" d="M12 12.5c1.9 1.7 3.2 3.1 3.2 4.9 0 2-1.4 3.1-3.2 3.1s-3.2-1.1-3.2-3.1c0-1.8 1.3-3.2 3.2-4.9z" />
    </svg>
  );
}

export function PauseIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="currentColor" className={className} aria-hidden>
      <rect x="5.5" y="4" width="4.5" height="16" rx="1" />
      <rect x="14" y="4" width="4.5" height="16" rx="1" />
    </svg>
  );
}

export function PlayIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="currentColor" className={className} aria-hidden>
      <path d="M7 4.5v15a1 1 0 0 0 1.5.9l12-7.5a1 1 0 0 0 0-1.7l-12-7.5A1 1 0 0 0 7 4.5z" />
    </svg>
  );
}

export function SpeakerIcon({ className = "size-6" }: { className?: string }) {
  return (
    <svg {...common} strokeWidth={2.5} className={className} aria-hidden>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
    </svg>
  );
}
