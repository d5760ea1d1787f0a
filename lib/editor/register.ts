// registerSajilo(monaco): the one call that teaches a Monaco instance the Sajilo language.
import type { editor, IDisposable } from 'monaco-editor/editor/editor.api';
import { BUILTINS, KEYWORDS } from './compiler-bridge';
import type { Analyse, SymbolInfo } from './compiler-bridge';
import { sajiloLanguageConfiguration } from './language-configuration';
import { SAJILO_EXTENSIONS, SAJILO_LANGUAGE_ID } from './language-id';
import { sajiloMonarch } from './monarch';
import type { MonacoApi } from './monaco-types';
import {
  blockHighlightProvider,
  completionProvider,
  foldingRangeProvider,
  hoverProvider,
  quickFixProvider,
  signatureHelpProvider,
} from './providers';
import type { UiLanguage } from './ui-language';

export interface SajiloRegistrationOptions {
  /** Read on every request, so switching the UI language needs no re-registration. */
  getUiLanguage?: () => UiLanguage;
  /** The front end's analyse(), for names in scope in completion. */
  analyse?: Analyse;
  /** A model's declarations kept from its last analysis (tracked-symbols.ts), which completion
   *  then reads instead of calling `analyse` on every key; undefined: not known yet. */
  symbolsOf?: (model: editor.ITextModel) => readonly SymbolInfo[] | undefined;
}

export function registerSajilo(monaco: MonacoApi, options: SajiloRegistrationOptions = {}): IDisposable {
  const getUiLanguage = options.getUiLanguage ?? (() => 'ne' as const);
  const id = SAJILO_LANGUAGE_ID;
  if (!monaco.languages.getLanguages().some((language) => language.id === id)) {
    monaco.languages.register({ id, extensions: [...SAJILO_EXTENSIONS], aliases: ['Sajilo', 'सजिलो'] });
  }
  const disposables: IDisposable[] = [
    monaco.languages.setMonarchTokensProvider(
      id,
      sajiloMonarch(
        KEYWORDS.map((k) => k.word),
        BUILTINS.map((b) => b.name),
      ),
    ),
    monaco.languages.setLanguageConfiguration(id, sajiloLanguageConfiguration(monaco.languages)),
    monaco.languages.registerCompletionItemProvider(
      id,
      completionProvider(monaco, getUiLanguage, options.analyse, options.symbolsOf),
    ),
    monaco.languages.registerHoverProvider(id, hoverProvider(getUiLanguage, options.analyse)),
    monaco.languages.registerFoldingRangeProvider(id, foldingRangeProvider(monaco)),
    monaco.languages.registerDocumentHighlightProvider(id, blockHighlightProvider(monaco)),
    monaco.languages.registerSignatureHelpProvider(id, signatureHelpProvider(getUiLanguage)),
    monaco.languages.registerCodeActionProvider(id, quickFixProvider(getUiLanguage), {
      providedCodeActionKinds: ['quickfix'],
    }),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
