'use client';
// Drafts: the source, stdin and options auto-save to localStorage as they change, and come
// back on reload (or after a crash).
import { useEffect, useRef } from 'react';

export interface Draft {
  source: string;
  stdin: string;
  latinDigits: boolean;
}
export const DEFAULT_DRAFT_KEY = 'draft:main';

export function loadDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(`sajilo:${key}`);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.source !== 'string') return null;
    return { source: d.source, stdin: typeof d.stdin === 'string' ? d.stdin : '', latinDigits: d.latinDigits === true };
  } catch {
    return null;
  }
}

/** Saves `draft` under `key` 300 ms after the last change (and when the page is hidden),
 *  unless `forgotten()` says the page gave its draft up. */
export function useDraftAutosave(key: string, draft: Draft, enabled: boolean, forgotten: () => boolean = () => false) {
  const latest = useRef(draft);
  latest.current = draft;
  const isForgotten = useRef(forgotten);
  isForgotten.current = forgotten;
  useEffect(() => {
    if (!enabled) return;
    const save = () => {
      if (isForgotten.current()) return;
      try {
        window.localStorage.setItem(`sajilo:${key}`, JSON.stringify(latest.current));
      } catch {
        /* full or private */
      }
    };
    const timer = window.setTimeout(save, 300);
    window.addEventListener('pagehide', save);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [key, draft.source, draft.stdin, draft.latinDigits, enabled]);
}
