'use client';
// The IDE: editor, keyboard layouts, stdin, Run (button and Ctrl+Enter), output, drafts.
// Contract: docs/interfaces.md ("The IDE component"), data-testid hooks listed there.
import dynamic from 'next/dynamic';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type MutableRefObject,
  type ReactNode,
} from 'react';
import { usePreferences } from '@/components/preferences';
import { OutputPanel, type LiveOutput } from '@/components/ide/output-panel';
import { LayoutSwitch } from '@/components/ide/layout-switch';
import { OnScreenKeyboard } from '@/components/ide/on-screen-keyboard';
import { requestRun } from '@/components/ide/run-client';
import { DEFAULT_DRAFT_KEY, loadDraft, useDraftAutosave } from '@/components/ide/use-draft';
import {
  DEFAULT_LAYOUT,
  LAYOUT_STORAGE_KEY,
  isLayoutChoice,
  nextLayout,
  type LayoutChoice,
} from '@/components/ide/layout-choice';
import type { EditorHandle } from '@/components/ide/editor-handle';
import type { RunResponse } from '@/lib/validations/run';
import type { StringKey } from '@/lib/i18n/strings';
import { NepaliTextArea } from '@/components/input/nepali-text-field';
import { TypingHint } from '@/components/ide/typing-hint';
import { StaticCode } from '@/components/ide/static-code';

// Monaco's chunks are fetched from the HTML's head on: the layout preloads them
// (components/ide/editor-preload.tsx), so next/dynamic's import finds them there. Until the editor is ready, StaticCode shows the program highlighted.
const CodeEditor = dynamic(() => import('@/components/ide/code-editor'), {
  ssr: false,
  loading: () => <EditorLoading />,
});

/*
 * The hint on how to leave the editor sits over its last lines: on a phone-sized editor it
 * covered the line being typed. So it shows when the focus enters the editor and when Tab is
 * pressed (a keyboard user trying to leave gets spaces instead), and hides from the first other
 * key typed. A data attribute on the element, not React state: no render on a key press.
 */
function showLeaveHintOnEntry(e: React.FocusEvent<HTMLDivElement>) {
  if (!e.currentTarget.contains(e.relatedTarget)) delete e.currentTarget.dataset.typing;
}

function toggleLeaveHintByKey(e: React.KeyboardEvent<HTMLDivElement>) {
  if (e.key === 'Tab') delete e.currentTarget.dataset.typing;
  // Shortcuts (Ctrl+M, which the hint names, Ctrl+Enter) and a modifier alone change nothing.
  else if (!e.ctrlKey && !e.metaKey && !['Shift', 'Control', 'Alt', 'Meta', 'AltGraph'].includes(e.key))
    e.currentTarget.dataset.typing = '';
}

function EditorLoading() {
  const { t } = usePreferences();
  return (
    <p className="visually-hidden" role="status">
      {t('ide.editorLoading')}
    </p>
  );
}

export const SAMPLE_SOURCE = `# पहिलो प्रोग्राम
देखाउ("नमस्ते, संसार!")
`;

export interface IdeState {
  source: string;
  stdin: string;
  latinDigits: boolean;
}

/** What a page around the IDE may do to it (components/share/program-ide.tsx: reset, fork). */
export interface IdeControl {
  /** Puts this program in the editor (and the draft), as if typed. */
  replace(state: IdeState): void;
  /** Drops this page's local draft and stops saving it (its edits went elsewhere, e.g. a fork). */
  forgetDraft(): void;
}

export interface IdeProps {
  initialSource?: string;
  initialStdin?: string;
  initialLatinDigits?: boolean;
  draftKey?: string;
  /** The toolbar's heading: a text, or an element (an editable title). */
  title?: ReactNode;
  toolbarExtras?: (state: IdeState) => ReactNode;
  /** A notice under the toolbar about the program as it now is (unsaved, differs from the shared version…). */
  banner?: (state: IdeState) => ReactNode;
  /** Ctrl/Cmd+S anywhere in the IDE; the browser's save dialog is kept away while the IDE is open. */
  onSave?: (state: IdeState) => void;
  control?: MutableRefObject<IdeControl | null>;
}

export function Ide({
  initialSource,
  initialStdin,
  initialLatinDigits,
  draftKey = DEFAULT_DRAFT_KEY,
  title,
  toolbarExtras,
  banner,
  onSave,
  control,
}: IdeProps) {
  const { t, theme, lang } = usePreferences();
  const [source, setSource] = useState(initialSource ?? SAMPLE_SOURCE);
  const [stdin, setStdin] = useState(initialStdin ?? '');
  const [latinDigits, setLatinDigits] = useState(initialLatinDigits ?? false);
  const [restored, setRestored] = useState(false);
  const [layout, setLayoutState] = useState<LayoutChoice>(DEFAULT_LAYOUT);
  const [showKeyboard, setShowKeyboard] = useState(false);
  const [latinInText, setLatinInText] = useState(false);
  const [running, setRunning] = useState(false);
  const [response, setResponse] = useState<RunResponse | null>(null);
  const [error, setError] = useState<{ messageKey: StringKey; vars?: Record<string, string | number> } | null>(null);
  // Output so far of the run under way (streamed), and what a stopped run had printed.
  const [live, setLive] = useState<LiveOutput | null>(null);
  const [stopped, setStopped] = useState<LiveOutput | null>(null);
  const liveRef = useRef<LiveOutput>({ stdout: '', stderr: '' });
  const liveFrame = useRef<number | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [editorShown, setEditorShown] = useState(false);
  const editor = useRef<EditorHandle | null>(null);
  const abort = useRef<AbortController | null>(null);
  const outputRef = useRef<HTMLDivElement | null>(null);
  const runButton = useRef<HTMLButtonElement | null>(null);
  const stopButton = useRef<HTMLButtonElement | null>(null);
  // Focus on the slot's button that goes away moves to the one that takes its place.
  const slotHadFocus = useRef(false);
  const noteSlotFocus = () => {
    slotHadFocus.current =
      document.activeElement === runButton.current || document.activeElement === stopButton.current;
  };
  useEffect(() => {
    if (slotHadFocus.current) (running ? stopButton.current : runButton.current)?.focus();
    slotHadFocus.current = false;
  }, [running]);
  const langRef = useRef(lang);
  langRef.current = lang;

  // Restore the draft and the remembered layout after hydration.
  useEffect(() => {
    const d = loadDraft(draftKey);
    if (d) {
      setSource(d.source);
      setStdin(d.stdin);
      setLatinDigits(d.latinDigits);
      setEditorKey((k) => k + 1);
    }
    try {
      const l = window.localStorage.getItem(LAYOUT_STORAGE_KEY);
      if (isLayoutChoice(l)) setLayoutState(l);
    } catch {
      /* not remembered */
    }
    setRestored(true);
  }, [draftKey]);
  const draftForgotten = useRef(false);
  useDraftAutosave(
    draftKey,
    { source, stdin, latinDigits },
    restored,
    () => draftForgotten.current,
    () => editor.current?.commitComposition(),
  );

  const setLayout = useCallback((l: LayoutChoice) => {
    setLayoutState(l);
    try {
      window.localStorage.setItem(LAYOUT_STORAGE_KEY, l);
    } catch {
      /* not remembered */
    }
  }, []);
  const cycleLayout = useCallback(
    () =>
      setLayoutState((l) => {
        const n = nextLayout(l);
        try {
          window.localStorage.setItem(LAYOUT_STORAGE_KEY, n);
        } catch {
          /* not remembered */
        }
        return n;
      }),
    [],
  );

  const state = useRef({ source, stdin, latinDigits });
  state.current = { source, stdin, latinDigits };

  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);
  const save = useCallback(() => {
    editor.current?.commitComposition();
    onSaveRef.current?.(state.current);
  }, []);
  // Ctrl/Cmd+S outside the editor (the editor's own command handles it inside and marks the
  // event handled): never the browser's "save page" dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  useImperativeHandle(
    control,
    () => ({
      replace(next) {
        setSource(next.source);
        setStdin(next.stdin);
        setLatinDigits(next.latinDigits);
        setEditorKey((k) => k + 1);
      },
      forgetDraft() {
        draftForgotten.current = true;
        try {
          window.localStorage.removeItem(`sajilo:${draftKey}`);
        } catch {
          /* nothing kept */
        }
      },
    }),
    [draftKey],
  );

  const clearLive = () => {
    if (liveFrame.current !== null) cancelAnimationFrame(liveFrame.current);
    liveFrame.current = null;
    setLive(null);
  };

  const run = useCallback(async () => {
    // One run at a time: while one is under way, Run is hidden and Ctrl+Enter does nothing. A
    // run's request ends early only by Stop or by leaving the page, never by another run.
    if (abort.current) return;
    editor.current?.commitComposition();
    const controller = new AbortController();
    abort.current = controller;
    noteSlotFocus();
    setRunning(true);
    setError(null);
    setStopped(null);
    editor.current?.setRunMarkers([]);
    clearLive();
    liveRef.current = { stdout: '', stderr: '' };
    const { source: src, stdin: input, latinDigits: latin } = state.current;
    const outcome = await requestRun({ source: src, stdin: input, latinDigits: latin }, controller.signal, {
      onOutput: (stream, chunk) => {
        if (abort.current !== controller) return;
        liveRef.current = { ...liveRef.current, [stream]: liveRef.current[stream] + chunk };
        // At most one render per frame, however small the chunks.
        liveFrame.current ??= requestAnimationFrame(() => {
          liveFrame.current = null;
          setLive(liveRef.current);
        });
      },
    });
    if (outcome.kind === 'aborted' || abort.current !== controller) return;
    abort.current = null;
    clearLive();
    noteSlotFocus();
    setRunning(false);
    if (outcome.kind === 'error') {
      setResponse(null);
      setError({ messageKey: outcome.messageKey, vars: outcome.vars });
      return;
    }
    const res = outcome.response;
    setResponse(res);
    // On a phone the output is below the editor: bring it into view.
    if (window.matchMedia?.('(max-width: 760px)').matches) {
      requestAnimationFrame(() => outputRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    }
    if (!res.compile.ok) {
      editor.current?.setCompileMarkers(res.compile.diagnostics);
    } else if (res.run?.verdict === 'runtime_error' && res.run.runtimeError?.line && res.run.runtimeError.column) {
      const { line, column, message, messageEn } = res.run.runtimeError;
      editor.current?.setRunMarkers([
        { line, column, severity: 'error', message: langRef.current === 'ne' ? message : messageEn },
      ]);
    }
  }, []);

  /** Stop: abort the request; the server kills the program when its client goes away. */
  const stop = useCallback(() => {
    const controller = abort.current;
    if (!controller) return;
    abort.current = null;
    controller.abort();
    clearLive();
    noteSlotFocus();
    setRunning(false);
    setResponse(null);
    setError(null);
    setStopped(liveRef.current);
  }, []);

  // Ctrl+Enter anywhere in the IDE (the editor has its own binding).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    } else if (e.altKey && e.code === 'KeyK') {
      e.preventDefault();
      cycleLayout();
    }
  };

  return (
    <div className="ide" onKeyDown={onKeyDown}>
      <div className="ide-toolbar" role="group" aria-label={t('ide.toolbar')}>
        <h1 className="ide-title">{title ?? t('ide.title')}</h1>
        {/* Run and Stop share one slot, as wide as the wider of the two, so the toolbar never
            shifts: the one not in use is hidden (not focusable, not read out). */}
        <span className="run-slot">
          <button
            ref={runButton}
            type="button"
            className="button button-primary"
            data-testid="run-button"
            onClick={() => void run()}
            disabled={running}
            hidden={running}
            aria-keyshortcuts="Control+Enter"
            title={t('ide.runHint')}
          >
            ▶ {t('ide.run')}
          </button>
          <button
            ref={stopButton}
            type="button"
            className="button"
            data-testid="stop-button"
            onClick={stop}
            hidden={!running}
            title={t('ide.stopHint')}
            aria-label={t('ide.stopHint')}
          >
            ■ {t('ide.stop')}
          </button>
        </span>
        <LayoutSwitch value={layout} onChange={setLayout} />
        <button
          type="button"
          className="button"
          aria-pressed={showKeyboard}
          aria-controls={showKeyboard ? 'on-screen-keyboard' : undefined}
          data-testid="keyboard-toggle"
          onClick={() => setShowKeyboard((s) => !s)}
          title={t(showKeyboard ? 'keyboard.hide' : 'keyboard.show')}
          aria-label={t(showKeyboard ? 'keyboard.hide' : 'keyboard.show')}
        >
          ⌨
        </button>
        <label className="ide-option">
          <input
            type="checkbox"
            checked={latinDigits}
            onChange={(e) => setLatinDigits(e.target.checked)}
            data-testid="latin-digits"
          />{' '}
          {t('ide.latinDigits')}
        </label>
        <span className="spacer" />
        {toolbarExtras?.({ source, stdin, latinDigits })}
      </div>
      {banner?.({ source, stdin, latinDigits })}
      <TypingHint layout={layout} latinInText={latinInText} />
      <div className="ide-body">
        <div className="ide-editor-column">
          <div className="ide-editor" onFocus={showLeaveHintOnEntry} onKeyDownCapture={toggleLeaveHintByKey}>
            {!editorShown && <StaticCode source={source} />}
            {/* Shown while the editor has the focus and is not being typed in (CSS and the two
                handlers above): Monaco keeps Tab for indenting. */}
            <p className="editor-focus-hint" id="editor-focus-hint" data-testid="editor-focus-hint">
              {t('ide.leaveEditorHint')}
            </p>
            <CodeEditor
              key={editorKey}
              value={source}
              onChange={setSource}
              layout={layout}
              latinDigits={latinDigits}
              onCycleLayout={cycleLayout}
              onLatinInTextChange={setLatinInText}
              candidatesLabel={t('keyboard.candidates')}
              onRun={() => void run()}
              onSave={save}
              theme={theme}
              uiLanguage={lang}
              ariaLabel={t('ide.editorLabel')}
              onReady={(h) => {
                editor.current = h;
                setEditorShown(h !== null);
              }}
            />
          </div>
          {showKeyboard && (
            <OnScreenKeyboard
              id="on-screen-keyboard"
              layout={layout}
              onType={(text) => editor.current?.typeText(text)}
              onKey={(key: string) => editor.current?.pressKey(key)}
              onBackspace={() => editor.current?.deleteLeft()}
            />
          )}
        </div>
        <div className="ide-side">
          <div className="ide-stdin">
            <label htmlFor="ide-stdin">{t('ide.stdin')}</label>
            <NepaliTextArea
              id="ide-stdin"
              data-testid="stdin"
              layout={layout}
              latinDigits={latinDigits}
              value={stdin}
              onChange={(e) => setStdin(e.target.value)}
              placeholder={t('ide.stdinPlaceholder')}
              spellCheck={false}
            />
          </div>
          <div ref={outputRef}>
            <OutputPanel
              running={running}
              live={live}
              stopped={stopped}
              response={response}
              error={error}
              latinDigits={latinDigits}
              onReveal={(l, c) => editor.current?.reveal(l, c)}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
