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

/** Saves `draft` under `key` 300 ms after the last change (and when the page is hidden, after
 *  `beforeHideSave()`: the editor puts a word being composed and its last edits in the draft),
 *  unless `forgotten()` says the page gave its draft up. */
export function useDraftAutosave(
  key: string,
  draft: Draft,
  enabled: boolean,
  forgotten: () => boolean = () => false,
  beforeHideSave: () => void = () => {},
) {
  const latest = useRef(draft);
  latest.current = draft;
  const isForgotten = useRef(forgotten);
  isForgotten.current = forgotten;
  const beforeHide = useRef(beforeHideSave);
  beforeHide.current = beforeHideSave;
  const save = useRef(() => {});
  save.current = () => {
    if (!enabled || isForgotten.current()) return;
    try {
      window.localStorage.setItem(`sajilo:${key}`, JSON.stringify(latest.current));
    } catch {
      /* full or private */
    }
  };
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setTimeout(() => save.current(), 300);
    return () => window.clearTimeout(timer);
  }, [key, draft.source, draft.stdin, draft.latinDigits, enabled]);
  // One listener for the page's life, reading the latest draft: `beforeHideSave` updates the
  // draft synchronously (a render), and a listener removed and added again by that render would
  // not be called for this event. (Listeners of the window run in the order they were added,
  // capturing or not, so a listener of the editor's could not be relied on to run first.)
  useEffect(() => {
    const onPageHide = () => {
      beforeHide.current();
      save.current();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);
}
