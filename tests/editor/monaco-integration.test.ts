// @vitest-environment jsdom
// registerSajilo against the real monaco-editor: providers answer through Monaco's own
// models and positions, markers land on the model, Enter indents inside a real editor.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, check } from '@/lib/compiler';
import { attachLiveDiagnostics, registerSajilo, SAJILO_LANGUAGE_ID, SAJILO_MARKER_OWNER } from '@/lib/editor';
import type { MonacoApi } from '@/lib/editor';
import type { languages } from 'monaco-editor/editor/editor.api';
import { loadMonaco } from './support/monaco';

let monaco: MonacoApi;
const captured: {
  completion?: languages.CompletionItemProvider;
  hover?: languages.HoverProvider;
  folding?: languages.FoldingRangeProvider;
  highlight?: languages.DocumentHighlightProvider;
  codeActions?: languages.CodeActionProvider;
  signatureHelp?: languages.SignatureHelpProvider;
} = {};
let uiLanguage: 'ne' | 'en' = 'ne';

beforeAll(async () => {
  monaco = await loadMonaco();
  // Delegate to the real registry while keeping the providers for direct calls.
  const spyLanguages = Object.create(monaco.languages) as MonacoApi['languages'];
  spyLanguages.registerCompletionItemProvider = (id, p) => {
    captured.completion = p;
    return monaco.languages.registerCompletionItemProvider(id, p);
  };
  spyLanguages.registerHoverProvider = (id, p) => {
    captured.hover = p;
    return monaco.languages.registerHoverProvider(id, p);
  };
  spyLanguages.registerFoldingRangeProvider = (id, p) => {
    captured.folding = p;
    return monaco.languages.registerFoldingRangeProvider(id, p);
  };
  spyLanguages.registerDocumentHighlightProvider = (id, p) => {
    captured.highlight = p;
    return monaco.languages.registerDocumentHighlightProvider(id, p);
  };
  spyLanguages.registerCodeActionProvider = (id, p, m) => {
    captured.codeActions = p;
    return monaco.languages.registerCodeActionProvider(id, p, m);
  };
  spyLanguages.registerSignatureHelpProvider = (id, p) => {
    captured.signatureHelp = p;
    return monaco.languages.registerSignatureHelpProvider(id, p);
  };
  registerSajilo({ ...monaco, languages: spyLanguages } as MonacoApi, { analyse, getUiLanguage: () => uiLanguage });
});

const token = () => new monaco.CancellationTokenSource().token;
const model = (text: string) => monaco.editor.createModel(text, SAJILO_LANGUAGE_ID);

describe('registration', () => {
  it('registers the language for .saj files', () => {
    const language = monaco.languages.getLanguages().find((l) => l.id === SAJILO_LANGUAGE_ID);
    expect(language?.extensions).toContain('.saj');
  });
});

describe('completion provider', () => {
  it('turns yadi into यदि with a range over the typed word', async () => {
    const m = model('    yadi');
    const list = await captured.completion!.provideCompletionItems(
      m,
      new monaco.Position(1, 9),
      { triggerKind: 0 },
      token(),
    );
    const item = list!.suggestions.find((s) => s.label === 'यदि')!;
    expect(item.kind).toBe(monaco.languages.CompletionItemKind.Keyword);
    expect(item.range).toEqual({
      insert: { startLineNumber: 1, startColumn: 5, endLineNumber: 1, endColumn: 9 },
      replace: { startLineNumber: 1, startColumn: 5, endLineNumber: 1, endColumn: 9 },
    });
    expect(list!.incomplete).toBe(true);
    const snippet = list!.suggestions.find((s) => s.kind === monaco.languages.CompletionItemKind.Snippet)!;
    expect(snippet.insertTextRules).toBe(monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet);
    m.dispose();
  });

  it('offers names in scope from the front end', async () => {
    const m = model('राख फलहरू = [१]\nफ');
    const list = await captured.completion!.provideCompletionItems(
      m,
      new monaco.Position(2, 2),
      { triggerKind: 0 },
      token(),
    );
    const item = list!.suggestions.find((s) => s.label === 'फलहरू')!;
    expect(item.kind).toBe(monaco.languages.CompletionItemKind.Variable);
    m.dispose();
  });
});

describe('hover provider', () => {
  it('answers in the current UI language', async () => {
    const m = model('देखाउ(१)');
    uiLanguage = 'en';
    const hover = await captured.hover!.provideHover(m, new monaco.Position(1, 2), token());
    uiLanguage = 'ne';
    expect(hover!.range).toMatchObject({ startColumn: 1, endColumn: 6 });
    expect(hover!.contents[1].value).toMatch(/^Prints/);
    m.dispose();
  });
});

describe('folding and block highlights', () => {
  const program = 'जबसम्म सत्य\n    देखाउ(१)\n    रोक\nअन्त्य';

  it('folds the block body', async () => {
    const m = model(program);
    const ranges = await captured.folding!.provideFoldingRanges(m, {}, token());
    expect(ranges).toEqual([{ start: 1, end: 3, kind: monaco.languages.FoldingRangeKind.Region }]);
    m.dispose();
  });

  it('highlights the opener from its अन्त्य', async () => {
    const m = model(program);
    const highlights = await captured.highlight!.provideDocumentHighlights(m, new monaco.Position(4, 3), token());
    expect(highlights!.map((h) => h.range.startLineNumber)).toEqual([1, 4]);
    m.dispose();
  });
});

describe('live diagnostics', () => {
  it('puts the front end diagnostics on the model as markers', () => {
    const m = model('राख क = १\nदेखाउ(ख)');
    const live = attachLiveDiagnostics(monaco, m, { check });
    const markers = monaco.editor.getModelMarkers({ resource: m.uri, owner: SAJILO_MARKER_OWNER });
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]).toMatchObject({ startLineNumber: 2, startColumn: 7, severity: monaco.MarkerSeverity.Error });
    live.dispose();
    m.dispose();
  });
});

interface ModelInternals {
  tokenization: { forceTokenization(lineNumber: number): void };
}

describe('typing in a real editor', () => {
  function editorWith(text: string) {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const m = model(text);
    const editor = monaco.editor.create(container, {
      model: m,
      autoIndent: 'full',
      insertSpaces: true,
      tabSize: 4,
      minimap: { enabled: false },
    });
    const end = m.getFullModelRange().getEndPosition();
    editor.setPosition(end);
    return { editor, m };
  }

  // Source 'keyboard' matters: Monaco runs auto-closing and auto-indent only for it.
  it('Enter after a block opener indents the next line', () => {
    const { editor, m } = editorWith('यदि क > ० भने');
    editor.trigger('keyboard', 'type', { text: '\n' });
    expect(m.getLineContent(2)).toBe('    ');
    editor.dispose();
    m.dispose();
  });

  it('typing अन्त्य inside a block outdents it', () => {
    const { editor, m } = editorWith('जबसम्म सत्य\n    रोक\n    ');
    for (const char of 'अन्त्य') {
      // Type-time re-indent only runs on lines already tokenized ("cheap to tokenize"); a
      // browser tokenizes visible lines while rendering, jsdom renders nothing. Internal API.
      (m as unknown as ModelInternals).tokenization.forceTokenization(m.getLineCount());
      editor.trigger('keyboard', 'type', { text: char });
    }
    expect(m.getLineContent(3)).toBe('अन्त्य');
    editor.dispose();
    m.dispose();
  });

  it('( closes itself', () => {
    const { editor, m } = editorWith('देखाउ');
    editor.trigger('keyboard', 'type', { text: '(' });
    expect(m.getLineContent(1)).toBe('देखाउ()');
    editor.dispose();
    m.dispose();
  });
});

describe('hover provider on user names', () => {
  it('uses the front end to describe a parameter', async () => {
    const m = model('कार्य दोब्बर(क)\n    फर्काउ क * २\nअन्त्य');
    const hover = await captured.hover!.provideHover(m, new monaco.Position(2, 12), token());
    expect(hover!.contents[0].value).toContain('प्यारामिटर');
    m.dispose();
  });
});

describe('quick fix provider', () => {
  it('offers a preferred quick fix that edits the marker range', async () => {
    const m = model('राख क = ३।१४');
    const live = attachLiveDiagnostics(monaco, m, { check });
    const markers = monaco.editor.getModelMarkers({ resource: m.uri, owner: SAJILO_MARKER_OWNER });
    const result = await captured.codeActions!.provideCodeActions(
      m,
      new monaco.Range(1, 10, 1, 11),
      { markers, trigger: 1, only: undefined },
      token(),
    );
    const [action] = result!.actions;
    expect(action).toMatchObject({ title: '"." लेख्नुहोस्', kind: 'quickfix', isPreferred: true });
    const [edit] = action.edit!.edits as languages.IWorkspaceTextEdit[];
    m.applyEdits([{ range: edit.textEdit.range, text: edit.textEdit.text }]);
    expect(m.getValue()).toBe('राख क = ३.१४');
    live.dispose();
    m.dispose();
  });
});

describe('signature help provider', () => {
  it('is triggered by ( and , and marks the current argument', async () => {
    expect(captured.signatureHelp!.signatureHelpTriggerCharacters).toEqual(['(', ',']);
    const m = model('थप(सूची, ');
    const result = await captured.signatureHelp!.provideSignatureHelp(m, new monaco.Position(1, 10), token(), {
      triggerKind: 2,
      isRetrigger: false,
      triggerCharacter: ',',
    });
    expect(result!.value.signatures[0].label).toBe('थप(सूची, x)');
    expect(result!.value.activeParameter).toBe(1);
    m.dispose();
  });
});
