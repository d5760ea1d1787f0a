// Adapters from the Monaco-free modules to Monaco's provider interfaces.
import type { editor, IRange, languages, Position } from 'monaco-editor/editor/editor.api';
import { findBlocks, foldingRanges, matchingKeywords } from './blocks';
import type { Analyse, SymbolInfo } from './compiler-bridge';
import { completionsAt } from './completion';
import { symbolsInScope } from './scope';
import type { CompletionKind, SajiloCompletion } from './completion';
import { hoverAt, symbolHoverAt } from './hover';
import { quickFixesFor } from './quick-fixes';
import { signatureHelpAt } from './signature-help';
import { pick } from './ui-language';
import type { MonacoApi } from './monaco-types';
import type { UiLanguage } from './ui-language';

function lineRange(line: number, startColumn: number, endColumn: number): IRange {
  return { startLineNumber: line, startColumn, endLineNumber: line, endColumn };
}

function completionKind(monaco: MonacoApi, kind: CompletionKind): languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  const table: Record<CompletionKind, languages.CompletionItemKind> = {
    keyword: kinds.Keyword,
    builtin: kinds.Function,
    function: kinds.Function,
    variable: kinds.Variable,
    parameter: kinds.Variable,
    constant: kinds.Constant,
    snippet: kinds.Snippet,
  };
  return table[kind];
}

export function completionProvider(
  monaco: MonacoApi,
  getUiLanguage: () => UiLanguage,
  analyse?: Analyse,
  symbolsOf?: (model: editor.ITextModel) => readonly SymbolInfo[] | undefined,
): languages.CompletionItemProvider {
  return {
    provideCompletionItems(model: editor.ITextModel, position: Position) {
      // Declarations tracked from the last analysis when the host keeps them: no whole-text
      // analysis (nor a copy of the text) per key.
      const symbols = symbolsOf?.(model);
      const result = completionsAt({
        source: symbols ? '' : model.getValue(),
        lineText: model.getLineContent(position.lineNumber),
        line: position.lineNumber,
        column: position.column,
        uiLanguage: getUiLanguage(),
        analyse,
        symbols,
      });
      const { word } = result;
      const range = {
        insert: lineRange(position.lineNumber, word.startColumn, position.column),
        replace: lineRange(position.lineNumber, word.startColumn, word.endColumn),
      };
      const toSuggestion = (item: SajiloCompletion): languages.CompletionItem => ({
        label: item.label,
        kind: completionKind(monaco, item.kind),
        detail: item.detail,
        documentation: item.documentation,
        insertText: item.insertText,
        insertTextRules: item.isSnippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
        filterText: item.filterText,
        sortText: item.sortText,
        range,
      });
      return { suggestions: result.items.map(toSuggestion), incomplete: result.incomplete };
    },
  };
}

export function hoverProvider(getUiLanguage: () => UiLanguage, analyse?: Analyse): languages.HoverProvider {
  return {
    provideHover(model: editor.ITextModel, position: Position) {
      const { lineNumber, column } = position;
      const lineText = model.getLineContent(lineNumber);
      const ui = getUiLanguage();
      let hover = hoverAt(lineText, column, ui);
      if (!hover && analyse) {
        const visible = symbolsInScope(analyse(model.getValue()).symbols, lineNumber, column);
        hover = symbolHoverAt(lineText, column, visible, ui);
      }
      if (!hover) return null;
      return {
        range: lineRange(lineNumber, hover.startColumn, hover.endColumn),
        contents: hover.contents.map((value) => ({ value })),
      };
    },
  };
}

export function foldingRangeProvider(monaco: MonacoApi): languages.FoldingRangeProvider {
  return {
    provideFoldingRanges(model: editor.ITextModel) {
      return foldingRanges(findBlocks(model.getValue())).map((range) => ({
        ...range,
        kind: monaco.languages.FoldingRangeKind.Region,
      }));
    },
  };
}

export function blockHighlightProvider(monaco: MonacoApi): languages.DocumentHighlightProvider {
  return {
    provideDocumentHighlights(model: editor.ITextModel, position: Position) {
      const sites = matchingKeywords(findBlocks(model.getValue()), position.lineNumber, position.column);
      return (sites ?? []).map((site) => ({
        range: lineRange(site.line, site.column, site.endColumn),
        kind: monaco.languages.DocumentHighlightKind.Text,
      }));
    },
  };
}

export function quickFixProvider(getUiLanguage: () => UiLanguage): languages.CodeActionProvider {
  return {
    provideCodeActions(model: editor.ITextModel, _range, context: languages.CodeActionContext) {
      const ui = getUiLanguage();
      const actions = context.markers.flatMap((marker) =>
        quickFixesFor(marker).map((fix): languages.CodeAction => ({
          title: pick(ui, fix.titleNe, fix.titleEn),
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: true,
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: marker, text: fix.replacement },
              },
            ],
          },
        })),
      );
      return { actions, dispose: () => {} };
    },
  };
}

export function signatureHelpProvider(getUiLanguage: () => UiLanguage): languages.SignatureHelpProvider {
  return {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    provideSignatureHelp(model: editor.ITextModel, position: Position) {
      const help = signatureHelpAt(model.getLineContent(position.lineNumber), position.column, getUiLanguage());
      if (!help) return null;
      return {
        value: {
          signatures: [
            {
              label: help.label,
              documentation: help.documentation,
              parameters: help.parameters.map((label) => ({ label })),
            },
          ],
          activeSignature: 0,
          activeParameter: help.activeParameter,
        },
        dispose: () => {},
      };
    },
  };
}
