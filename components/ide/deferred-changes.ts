// Tells the IDE about edits after the frame that shows them instead of inside the key's task.
// Reporting each edit at once re-rendered the whole IDE (and read the whole text back) between
// a key press and the frame that draws it, the largest cost of a key in a long program. Edits
// made before the report arrives are reported together. Whoever needs the text at once (Run,
// Save, a click outside the editor, leaving the page) calls flush().
import type * as Monaco from 'monaco-editor/editor/editor.api';

export interface DeferredChanges {
  /** Whether an edit waits to be reported. */
  readonly pending: boolean;
  /** Reports a pending change now. */
  flush(): void;
  dispose(): void;
}

export function reportChangesAfterFrame(
  editor: Monaco.editor.IStandaloneCodeEditor,
  onChange: (value: string) => void,
): DeferredChanges {
  let pending = false;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
    if (!pending) return;
    pending = false;
    onChange(editor.getValue());
  };
  const subscription = editor.onDidChangeModelContent(() => {
    if (pending) return;
    pending = true;
    // The task after the next frame: that frame has drawn the edit by then.
    frame = requestAnimationFrame(() => {
      frame = null;
      timer = setTimeout(flush, 0);
    });
  });
  return {
    get pending() {
      return pending;
    },
    flush,
    dispose: () => {
      subscription.dispose();
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
