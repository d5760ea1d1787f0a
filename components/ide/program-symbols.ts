// The declarations of each editor's program for completion (lib/editor/tracked-symbols.ts):
// from the live check's answers (analysed in its Web Worker once the typing pauses), moved
// along with the edits made since. Completion is registered once per page and asks by model.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { TrackedSymbols, type SymbolInfo } from '@/lib/editor';

const byModel = new WeakMap<Monaco.editor.ITextModel, TrackedSymbols>();

/** What completion reads: undefined until the model's first analysis (completion then analyses itself). */
export function programSymbolsOf(model: Monaco.editor.ITextModel): readonly SymbolInfo[] | undefined {
  return byModel.get(model)?.get();
}

export interface ProgramSymbols extends Monaco.IDisposable {
  /** The text is being sent for analysis (the live check): its answer belongs to this version. */
  analysing(): void;
  /** The declarations of that analysis; dropped when the text changed meanwhile (the ones kept
   *  have followed those edits, the new ones have not). */
  update(symbols: SymbolInfo[]): void;
}

export function trackProgramSymbols(model: Monaco.editor.ITextModel): ProgramSymbols {
  const tracked = new TrackedSymbols();
  byModel.set(model, tracked);
  const subscription = model.onDidChangeContent((e) => {
    if (e.isFlush) tracked.clear();
    else
      tracked.edited(
        e.changes.map((c) => ({
          startLine: c.range.startLineNumber,
          startColumn: c.range.startColumn,
          endLine: c.range.endLineNumber,
          endColumn: c.range.endColumn,
          text: c.text,
        })),
      );
  });
  let analysedVersion = -1;
  return {
    analysing: () => {
      analysedVersion = model.getVersionId();
    },
    update: (symbols) => {
      if (model.getVersionId() === analysedVersion) tracked.set(symbols);
    },
    dispose: () => {
      subscription.dispose();
      if (byModel.get(model) === tracked) byModel.delete(model);
    },
  };
}
