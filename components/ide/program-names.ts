// The names a program declares (variables, functions, parameters), for phonetic candidates.
// Analysed once the typing pauses, not on every key: a key press reads the last list, and
// the list stays the same array until the names change (the engine indexes it once).
import type * as Monaco from 'monaco-editor/editor/editor.api';

const REFRESH_AFTER_MS = 400;

export interface NameList {
  get: () => readonly string[];
  dispose(): void;
}

export function createNameList(
  editor: Monaco.editor.IStandaloneCodeEditor,
  analyse: (source: string) => { symbols: readonly { name: string }[] },
): NameList {
  let names: readonly string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    timer = null;
    const model = editor.getModel();
    if (!model) return;
    const next = [...new Set(analyse(model.getValue()).symbols.map((s) => s.name))].sort();
    if (next.length !== names.length || next.some((n, i) => n !== names[i])) names = next;
  };
  refresh();
  const sub = editor.onDidChangeModelContent(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, REFRESH_AFTER_MS);
  });
  return {
    get: () => names,
    dispose: () => {
      sub.dispose();
      if (timer) clearTimeout(timer);
    },
  };
}
