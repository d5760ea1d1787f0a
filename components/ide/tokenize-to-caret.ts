// Monaco gives a new line the previous line's indentation, skipping the language's indentation
// rules, whenever the caret's line is "not cheap to tokenize": its background tokenizer, which
// runs only when the page is idle, has not yet reached the lines above. A typist on a loaded
// machine gets ahead of it, and a block's body came out unindented. Tokenizing up to the caret
// before Enter (what Monaco's indentation rules would read anyway) makes Enter's result the same
// at any typing speed.
import type * as Monaco from 'monaco-editor/editor/editor.api';

/** Monaco's model has this at run time; its public typings leave it out. */
interface ForceTokenization {
  tokenization?: { forceTokenization?(lineNumber: number): void };
}

export function tokenizeToCaret(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const model = editor.getModel() as (Monaco.editor.ITextModel & ForceTokenization) | null;
  const lastLine = Math.max(0, ...(editor.getSelections() ?? []).map((s) => s.getEndPosition().lineNumber));
  if (model && lastLine > 0) model.tokenization?.forceTokenization?.(lastLine);
}
