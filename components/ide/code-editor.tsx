'use client';
// The Monaco editor, client-only (loaded with next/dynamic, ssr: false). Owns everything that
// talks to Monaco: the Sajilo language (lib/editor), the keyboard layouts (lib/keyboard),
// markers from runs, Ctrl+Enter, and the handle the rest of the IDE uses.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import { monaco } from '@/components/ide/monaco-setup';
import { attachKeyboard, isTouchOnly, type KeyboardBridge } from '@/components/ide/keyboard-bridge';
import { attachSuggestKeys } from '@/components/ide/suggest-keys';
import { attachAutoOutdent } from '@/components/ide/auto-outdent';
import { asMonacoApi, setupSajiloLanguage, SAJILO_LANGUAGE_ID } from '@/components/ide/sajilo-language';
import { attachLiveDiagnostics, type LiveDiagnostics } from '@/lib/editor/live-diagnostics';
import { SAJILO_MARKER_OWNER, toMarkers } from '@/lib/editor/markers';
import { createBrowserWorkerChecker } from '@/lib/editor/check-in-worker';
import { createNameList } from '@/components/ide/program-names';
import { trackProgramSymbols } from '@/components/ide/program-symbols';
import { reportChangesAfterFrame, type DeferredChanges } from '@/components/ide/deferred-changes';
import type { UiLanguage } from '@/lib/i18n/strings';
import type { LayoutChoice } from '@/components/ide/layout-choice';
import type { EditorHandle, MarkerInput } from '@/components/ide/editor-handle';

type IStandaloneCodeEditor = monaco.editor.IStandaloneCodeEditor;

export interface CodeEditorProps {
  /** The text the editor starts with (a new text means a new editor: the IDE changes its key). */
  value: string;
  /** The text after edits, reported after the frame that shows them (see deferred-changes.ts). */
  onChange: (value: string) => void;
  layout: LayoutChoice;
  latinDigits: boolean;
  onCycleLayout: () => void;
  onLatinInTextChange?: (on: boolean) => void;
  /** Accessible name of the phonetic candidate list. */
  candidatesLabel: string;
  onRun: () => void;
  /** Ctrl/Cmd+S in the editor (Monaco handles the key, so the browser's own save dialog never opens). */
  onSave?: () => void;
  theme: 'light' | 'dark';
  uiLanguage: UiLanguage;
  ariaLabel: string;
  onReady: (handle: EditorHandle | null) => void;
}

const RUN_MARKER_OWNER = 'sajilo-run';

export default function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<IStandaloneCodeEditor | null>(null);
  const bridgeRef = useRef<KeyboardBridge | null>(null);
  const disposables = useRef<{ dispose(): void }[]>([]);
  const live = useRef<LiveDiagnostics | null>(null);
  const changes = useRef<DeferredChanges | null>(null);
  // Monaco's commands are registered once; they call the latest props through this ref.
  const latest = useRef(props);
  latest.current = props;

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    const model = editor.getModel();
    const names = createNameList();
    bridgeRef.current = attachKeyboard(editor, monaco, {
      getLayout: () => latest.current.layout,
      getLatinDigits: () => latest.current.latinDigits,
      getNames: names.get,
      candidatesLabel: props.candidatesLabel,
      onLatinInTextChange: (on) => latest.current.onLatinInTextChange?.(on),
    });
    disposables.current.push(attachSuggestKeys(editor, monaco), attachAutoOutdent(editor));
    // Reported after the frame; at once (and rendered at once, so the IDE's state has it) when
    // something outside the editor needs the text: leaving the editor (after the bridge above
    // committed the word being composed there), Run, Save, leaving the page (the draft's
    // pagehide listener calls commitComposition below: use-draft.ts says why not one here).
    // The report is rendered in its own task, never left to React's scheduler: between the
    // report and a render scheduled for later, the page could be hidden (or Save pressed) with
    // the IDE's state still lacking the edit, and the draft saved without it.
    changes.current = reportChangesAfterFrame(editor, (v) => flushSync(() => latest.current.onChange(v)));
    // Only with an edit pending: flushSync renders at once, which React refuses inside its own
    // rendering (a blur while the editor is being removed, say).
    const flushNow = () => {
      if (changes.current?.pending) changes.current.flush();
    };
    disposables.current.push(changes.current, editor.onDidBlurEditorText(flushNow));
    const getUiLanguage = () => latest.current.uiLanguage;
    // Live squiggles from the compiler front end, in a Web Worker, debounced (no server trip).
    if (model) {
      const symbols = trackProgramSymbols(model);
      const checker = createBrowserWorkerChecker(undefined, names.update, symbols.update);
      live.current = attachLiveDiagnostics(asMonacoApi(monaco), model as never, {
        check: (source: string) => {
          symbols.analysing();
          return checker.check(source);
        },
        getUiLanguage,
      });
      disposables.current.push(live.current, checker, symbols);
    }

    editor.addAction({
      id: 'sajilo.run',
      label: 'Run program / प्रोग्राम चलाउनुहोस्',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => {
        bridgeRef.current?.commit();
        latest.current.onRun();
      },
    });
    editor.addAction({
      id: 'sajilo.save',
      label: 'Save program / प्रोग्राम सेभ गर्नुहोस्',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => {
        bridgeRef.current?.commit();
        latest.current.onSave?.();
      },
    });
    editor.addAction({
      id: 'sajilo.cycleLayout',
      label: 'Switch keyboard layout / किबोर्ड बदल्नुहोस्',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyCode.KeyK],
      run: () => {
        bridgeRef.current?.commit();
        latest.current.onCycleLayout();
      },
    });
    // The caret position as an attribute of the editor's wrapper: tests read it, nothing else.
    editor.onDidChangeCursorPosition((e) => {
      const wrapper = editor.getContainerDomNode().closest('[data-testid="editor"]') as HTMLElement | null;
      if (wrapper) wrapper.dataset.cursor = `${e.position.lineNumber}:${e.position.column}`;
    });
    // A runtime error's line is highlighted as a whole (a marker alone underlines a few
    // characters), with a mark in the gutter, like a compile error's squiggle stands out.
    const runLines = editor.createDecorationsCollection();
    // Run markers belong to one version of the text: drop them when it changes.
    editor.onDidChangeModelContent(() => {
      if (model) monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
      runLines.clear();
    });

    const handle: EditorHandle = {
      focus: () => editor.focus(),
      reveal(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.focus();
      },
      setCompileMarkers(diagnostics) {
        // The server's diagnostics replace the live ones (same owner) until the next edit.
        if (model)
          monaco.editor.setModelMarkers(
            model,
            SAJILO_MARKER_OWNER,
            toMarkers(diagnostics as never, getUiLanguage(), monaco.MarkerSeverity) as never,
          );
      },
      setRunMarkers(markers: MarkerInput[]) {
        if (!model) return;
        monaco.editor.setModelMarkers(
          model,
          RUN_MARKER_OWNER,
          markers.map((m) => ({
            startLineNumber: m.line,
            startColumn: m.column,
            endLineNumber: m.endLine ?? m.line,
            endColumn: m.endColumn ?? model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
            severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
            message: m.message,
          })),
        );
        runLines.set(
          markers
            .filter((m) => m.severity === 'error')
            .map((m) => ({
              range: new monaco.Range(m.line, 1, m.line, 1),
              options: {
                isWholeLine: true,
                className: 'runtime-error-line',
                linesDecorationsClassName: 'runtime-error-gutter',
                stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
              },
            })),
        );
      },
      typeText(text) {
        bridgeRef.current?.typeText(text);
      },
      pressKey(key) {
        bridgeRef.current?.pressKey({ key });
      },
      commitComposition() {
        bridgeRef.current?.commit();
        flushNow();
      },
      deleteLeft() {
        if (!isTouchOnly()) editor.focus();
        editor.trigger('keyboard', 'deleteLeft', null);
      },
    };
    props.onReady(handle);
    // The webfont may arrive after Monaco measured its glyphs: measure again so the caret fits.
    document.fonts?.ready.then(() => monaco.editor.remeasureFonts());
    if (!isTouchOnly()) editor.focus();
  };

  // Phonetic typing has its own candidate list: Monaco's would open over it on every word.
  useEffect(() => {
    bridgeRef.current?.commit();
    editorRef.current?.updateOptions({ quickSuggestions: props.layout !== 'phonetic' });
  }, [props.layout]);

  // The squiggles' messages follow the interface language.
  useEffect(() => {
    live.current?.checker.checkNow();
  }, [props.uiLanguage]);

  useEffect(
    () => () => {
      bridgeRef.current?.dispose();
      disposables.current.forEach((d) => d.dispose());
      latest.current.onReady(null);
    },
    [],
  );

  // The same object until these change: a new one makes Monaco re-apply every option.
  const options = useMemo(
    () => editorOptions(props.ariaLabel, props.layout !== 'phonetic'),
    [props.ariaLabel, props.layout],
  );

  return (
    <Editor
      height="100%"
      language={SAJILO_LANGUAGE_ID}
      defaultValue={props.value}
      theme={props.theme === 'dark' ? 'sajilo-dark' : 'sajilo-light'}
      beforeMount={(m) => setupSajiloLanguage(m as typeof monaco, () => latest.current.uiLanguage)}
      onMount={handleMount}
      loading={null}
      wrapperProps={{ 'data-testid': 'editor' }}
      options={options}
    />
  );
}

function editorOptions(
  ariaLabel: string,
  quickSuggestions: boolean,
): monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    ariaLabel,
    fontFamily: "'Noto Sans Devanagari', ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
    fontSize: 16,
    lineHeight: 28,
    minimap: { enabled: false },
    automaticLayout: true,
    scrollBeyondLastLine: false,
    tabSize: 4,
    insertSpaces: true,
    wordWrap: 'on',
    renderWhitespace: 'none',
    fixedOverflowWidgets: true,
    // Devanagari and the joiners (ZWJ/ZWNJ) are ordinary text here, not suspicious characters.
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    padding: { top: 8 },
    glyphMargin: false,
    // Input through Monaco's textarea, not EditContext: with EditContext, Chromium dropped
    // characters typed in quick succession (tests/e2e: "fast typing keeps every character").
    editContext: false,
    // On every edit and caret move Monaco rewrites its hidden textarea with the caret's "page"
    // of lines, for screen readers. Its default page (500 lines, cut to 1,000 characters around
    // the caret) cost a layout of 1,000 Devanagari characters per edit, twice per phonetic
    // commit (docs/ide.md, "Where a key's time goes"). A page of ten lines still gives a screen
    // reader the lines around the caret, and is rewritten as the caret moves on.
    accessibilityPageSize: 10,
    // Enter is a new line; it accepts a completion only after the selection moved
    // (components/ide/suggest-keys.ts). Tab accepts.
    acceptSuggestionOnEnter: 'off',
    quickSuggestions,
    tabCompletion: 'off',
    // Only the language's own entries: words of the document would re-offer the word typed.
    wordBasedSuggestions: 'off',
  };
}
