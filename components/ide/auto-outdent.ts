// Typing अन्त्य, नत्र or `नत्र यदि` moves the line to its block's level at once, whichever
// way the word arrived (a layout key, a phonetic commit, an operating-system IME).
// The rule is lib/editor/outdent.ts; this only watches the edits and applies it.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { closingLineIndentation, insertionMadeClosingLine } from '@/lib/editor';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/** Per editor, the outdent decided by the last edit and not yet applied. */
const pendingOutdents = new WeakMap<Editor, () => void>();

/** Applies at once the outdent the last edit queued, for a caller that types more right after
 *  the word (the phonetic commit's Space): otherwise the line has changed by the time the
 *  queued outdent runs, and it is dropped. */
export function applyPendingOutdent(editor: Editor): void {
  pendingOutdents.get(editor)?.();
}

export function attachAutoOutdent(editor: Editor): Monaco.IDisposable {
  return editor.onDidChangeModelContent((e) => {
    if (e.isUndoing || e.isRedoing || e.isFlush || e.changes.length !== 1) return;
    const [change] = e.changes;
    if (change.rangeLength !== 0 || change.text === '') return;
    const model = editor.getModel();
    if (!model) return;
    const line = change.range.startLineNumber;
    const lineText = model.getLineContent(line);
    if (!insertionMadeClosingLine(lineText, change.text, change.range.startColumn + change.text.length)) return;
    // The text up to this line only: the lines below cannot change what it closes.
    const upToLine = model.getValueInRange({
      startLineNumber: 1,
      startColumn: 1,
      endLineNumber: line,
      endColumn: model.getLineMaxColumn(line),
    });
    const wanted = closingLineIndentation(upToLine, line);
    const current = /^[ \t]*/.exec(lineText)![0];
    if (wanted === null || wanted === current) return;
    // Not inside the change event: Monaco finishes its own edit first.
    const outdent = () => {
      if (pendingOutdents.get(editor) !== outdent) return;
      pendingOutdents.delete(editor);
      if (model.getLineContent(line) !== lineText) return;
      editor.executeEdits('sajilo.outdent', [
        {
          range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: current.length + 1 },
          text: wanted,
        },
      ]);
    };
    pendingOutdents.set(editor, outdent);
    queueMicrotask(outdent);
  });
}
