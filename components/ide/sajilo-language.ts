// Registers the Sajilo language (lib/editor) and the IDE's two editor themes, once.
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const SAJILO_LANGUAGE_ID = 'sajilo';
let registered = false;

export function setupSajiloLanguage(monaco: typeof Monaco) {
  if (registered) return;
  registered = true;
  if (!monaco.languages.getLanguages().some((l) => l.id === SAJILO_LANGUAGE_ID)) {
    monaco.languages.register({ id: SAJILO_LANGUAGE_ID, extensions: ['.saj'] });
  }
  monaco.editor.defineTheme('sajilo-light', {
    base: 'vs', inherit: true,
    rules: [
      { token: 'keyword', foreground: 'b3261e', fontStyle: 'bold' },
      { token: 'predefined', foreground: '6a3fb0' },
      { token: 'number', foreground: '0b6e4f' },
      { token: 'string', foreground: '8a5a00' },
      { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
    ],
    colors: { 'editor.background': '#ffffff' },
  });
  monaco.editor.defineTheme('sajilo-dark', {
    base: 'vs-dark', inherit: true,
    rules: [
      { token: 'keyword', foreground: 'ff8a80', fontStyle: 'bold' },
      { token: 'predefined', foreground: 'c4a7ff' },
      { token: 'number', foreground: '7fd6a8' },
      { token: 'string', foreground: 'f0c060' },
      { token: 'comment', foreground: '9aa0aa', fontStyle: 'italic' },
    ],
    colors: { 'editor.background': '#1e2128' },
  });
}
