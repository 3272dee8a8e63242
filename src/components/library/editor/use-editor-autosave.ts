"use client";

import { useEffect, useRef, useState } from "react";
import type { QuizDraft } from "../use-quiz-draft";

const PREFIX = "classroom-quiz:draft:";
const SAVE_DELAY_MS = 500;

export interface SavedDraft {
  source: string;
  savedAt: number;
}

export interface EditorAutosave {
  /** A draft kept from an earlier visit that differs from the quiz as saved; null once restored or discarded. */
  offer: SavedDraft | null;
  restore: () => void;
  discard: () => void;
  /** Saving has started (true) or failed (false): no question before leaving while it is under way. */
  saving: (underWay: boolean) => void;
  /** The quiz was saved: forget the draft and stop asking before leaving. */
  saved: () => void;
  /** The text differs from the saved quiz. */
  dirty: boolean;
}

function read(key: string): SavedDraft | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    const value = raw ? (JSON.parse(raw) as Partial<SavedDraft>) : null;
    return value && typeof value.source === "string" && typeof value.savedAt === "number" ? { source: value.source, savedAt: value.savedAt } : null;
  } catch {
    return null;
  }
}

function write(key: string, draft: SavedDraft | null): void {
  try {
    if (draft === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or turned off: the draft just isn't kept.
  }
}

/**
 * Keeps the quiz being edited in this browser (per quiz), offers it back on the next visit, and asks
 * before the page is left with unsaved changes (closing the tab, or a link of the page).
 */
export function useEditorAutosave(key: string, draft: QuizDraft, baseline: string, leaveQuestion: string): EditorAutosave {
  const [offer, setOffer] = useState<SavedDraft | null>(() => {
    if (typeof window === "undefined") return null;
    const kept = read(key);
    return kept && kept.source !== baseline && kept.source.trim() !== "" ? kept : null;
  });
  const [done, setDone] = useState(false);
  const [underWay, setUnderWay] = useState(false);
  const dirty = !done && !underWay && draft.source !== baseline;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    // While an old draft is on offer it is not overwritten.
    if (offer !== null || done) return;
    const timer = window.setTimeout(() => write(key, draft.source === baseline ? null : { source: draft.source, savedAt: Date.now() }), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, draft.source, baseline, offer, done]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      if (!dirtyRef.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.origin !== window.location.origin) return;
      if (!window.confirm(leaveQuestion)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [leaveQuestion]);

  return {
    offer,
    restore: () => {
      if (offer) draft.setSource(offer.source);
      setOffer(null);
    },
    discard: () => {
      write(key, null);
      setOffer(null);
    },
    saving: setUnderWay,
    saved: () => {
      write(key, null);
      setDone(true);
    },
    dirty,
  };
}
