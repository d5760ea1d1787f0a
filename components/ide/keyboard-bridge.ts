// Connects lib/keyboard's layouts to Monaco. Monaco 0.57 in Chromium edits through
// EditContext, so the hook is editor.onKeyDown: a mapped key press is swallowed and its text
// typed with the editor's own 'type' command (so auto-closing, multi-cursor and undo work).
// Shortcuts with Ctrl, Cmd or Alt, and IME composition, pass through untouched.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { mapKey, toKeyInput } from '@/lib/keyboard';
import type { LayoutChoice } from '@/components/ide/layout-choice';

export interface KeyboardBridge {
  typeText(text: string): void;
  dispose(): void;
}

const WORD_BREAK = /[\s.,;:!?()[\]{}"'=+\-*/%<>|।]/;

/** Undo stops at word boundaries: one Ctrl+Z removes a word of mapped typing, not a line. */
export function needsUndoStop(before: string, text: string): boolean {
  if (!before) return true;
  return WORD_BREAK.test(text[0] ?? '') !== WORD_BREAK.test(before) || WORD_BREAK.test(text[0] ?? '');
}

export function attachKeyboard(editor: Monaco.editor.IStandaloneCodeEditor, getLayout: () => LayoutChoice): KeyboardBridge {
  const typeText = (text: string) => {
    const model = editor.getModel();
    const pos = editor.getPosition();
    if (model && pos) {
      const before = pos.column > 1 ? model.getValueInRange({
        startLineNumber: pos.lineNumber, startColumn: pos.column - 1, endLineNumber: pos.lineNumber, endColumn: pos.column,
      }) : '\n';
      if (needsUndoStop(before, text)) editor.pushUndoStop();
    }
    editor.trigger('keyboard', 'type', { text });
  };

  const sub = editor.onKeyDown((e) => {
    const layout = getLayout();
    if (layout === 'off') return;
    // IME composition, Ctrl/Cmd/Alt shortcuts and keys outside the typing block map to null.
    const text = mapKey(toKeyInput(e.browserEvent), layout);
    if (text == null || text === '') return;
    e.preventDefault();
    e.stopPropagation();
    typeText(text);
  });

  return {
    typeText: (text) => {
      // On touch screens focusing the editor would open the phone's own keyboard over ours.
      if (!isTouchOnly()) editor.focus();
      typeText(text);
    },
    dispose: () => sub.dispose(),
  };
}

export function isTouchOnly(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    && window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(any-pointer: fine)').matches;
}
