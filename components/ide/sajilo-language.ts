// Registers the Sajilo language (lib/editor: tokens, completion, hover, blocks) and the IDE's
// two editor themes, once per page.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { registerSajilo } from '@/lib/editor/register';
import { SAJILO_LANGUAGE_ID } from '@/lib/editor/language-id';
import type { MonacoApi } from '@/lib/editor/monaco-types';
import { analyse } from '@/lib/compiler';
import type { UiLanguage } from '@/lib/i18n/strings';

export { SAJILO_LANGUAGE_ID };
let registered = false;

/** lib/editor takes the full `monaco-editor` namespace type; we bundle only its editor API. */
export const asMonacoApi = (monaco: typeof Monaco) => monaco as unknown as MonacoApi;

export function setupSajiloLanguage(monaco: typeof Monaco, getUiLanguage: () => UiLanguage) {
  if (registered) return;
  registered = true;
  registerSajilo(asMonacoApi(monaco), { getUiLanguage, analyse });
  monaco.editor.defineTheme('sajilo-light', {
    base: 'vs', inherit: true,
    rules: [
      { token: 'keyword', foreground: 'b3261e', fontStyle: 'bold' },
      { token: 'predefined', foreground: '6a3fb0' },
      { token: 'number', foreground: '0b6e4f' },
      { token: 'string', foreground: '8a5a00' },
      { token: 'string.escape', foreground: 'a0522d' },
      { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
      { token: 'identifier', foreground: '1d1f24' },
      { token: 'invalid', foreground: 'cd3131', fontStyle: 'underline' },
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
      { token: 'string.escape', foreground: 'e0a070' },
      { token: 'comment', foreground: '9aa0aa', fontStyle: 'italic' },
      { token: 'identifier', foreground: 'e8e6e1' },
      { token: 'invalid', foreground: 'ff6b6b', fontStyle: 'underline' },
    ],
    colors: { 'editor.background': '#1e2128' },
  });
}
