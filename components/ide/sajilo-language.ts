// Registers the Sajilo language (lib/editor: tokens, completion, hover, blocks) and the IDE's
// two editor themes, once per page.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { registerSajilo } from '@/lib/editor/register';
import { SAJILO_LANGUAGE_ID } from '@/lib/editor/language-id';
import type { MonacoApi } from '@/lib/editor/monaco-types';
import { analyse } from '@/lib/compiler';
import type { UiLanguage } from '@/lib/i18n/strings';
import { EDITOR_COLOURS, monacoThemeRules } from '@/components/ide/editor-themes';
import { programSymbolsOf } from '@/components/ide/program-symbols';

export { SAJILO_LANGUAGE_ID };
let registered = false;

/** lib/editor takes the full `monaco-editor` namespace type; we bundle only its editor API. */
export const asMonacoApi = (monaco: typeof Monaco) => monaco as unknown as MonacoApi;

export function setupSajiloLanguage(monaco: typeof Monaco, getUiLanguage: () => UiLanguage) {
  if (registered) return;
  registered = true;
  registerSajilo(asMonacoApi(monaco), { getUiLanguage, analyse, symbolsOf: programSymbolsOf });
  monaco.editor.defineTheme('sajilo-light', {
    base: 'vs',
    inherit: true,
    rules: monacoThemeRules('light'),
    colors: { 'editor.background': EDITOR_COLOURS.background.light },
  });
  monaco.editor.defineTheme('sajilo-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: monacoThemeRules('dark'),
    colors: { 'editor.background': EDITOR_COLOURS.background.dark },
  });
}
