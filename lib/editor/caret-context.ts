// Whether the caret is in code, inside a text literal or in a comment, from the line before
// it: Sajilo's texts and comments end on their line, so one line decides (the same rules as
// the Monarch tokens: `"` opens and closes a text, `\` escapes inside it, `#` starts a comment).
// Monaco-free; phonetic typing and the fixed layouts' code-symbol rule read it on every key.

export type CaretContext = 'code' | 'string' | 'comment';

export function caretContext(lineBeforeCaret: string): CaretContext {
  let inText = false;
  for (let i = 0; i < lineBeforeCaret.length; i++) {
    const char = lineBeforeCaret[i];
    if (inText) {
      if (char === '\\') i++;
      else if (char === '"') inText = false;
    } else if (char === '"') inText = true;
    else if (char === '#') return 'comment';
  }
  return inText ? 'string' : 'code';
}
