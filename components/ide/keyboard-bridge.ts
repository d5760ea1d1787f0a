// Connects lib/keyboard to Monaco: phonetic typing (an input method drawn in the editor) and
// the fixed layouts with the code-symbol rule. The hook is editor.onKeyDown: a key the
// engine takes is swallowed and its text typed with the editor's own 'type' command (so
// auto-closing, auto-indent, multi-cursor and undo work). IME composition passes untouched.
//
// Phonetic: the Latin being composed is not in the text. It is drawn where the word goes, in a
// content widget laid over the line at the caret (as an input method's composition window),
// and the candidates in a content widget under the word; nothing in the model changes until a
// candidate is committed, so live checks, undo and completion never see half a word. Neither
// widget touches the line: an injected-text decoration (tried first) made Monaco rebuild the
// line's projection and redraw the line on every letter, about 5 ms a key here (docs/ide.md).
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { mapLayoutKey, PhoneticComposer, toKeyInput, type ComposerKey, type Composition } from '@/lib/keyboard';
import { caretContext, CHARACTERS_MONACO_EXPANDS, DECREASE_INDENT, INCREASE_INDENT } from '@/lib/editor';
import { createCompositionView } from '@/components/input/composition-view';
import type { LayoutChoice } from '@/components/ide/layout-choice';
import { tokenizeToCaret } from '@/components/ide/tokenize-to-caret';
import { applyPendingOutdent } from '@/components/ide/auto-outdent';
import { createNewLinePreview } from '@/components/ide/new-line-preview';
import { suggestListVisible } from '@/components/ide/suggest-keys';
import { EDITOR_COLOURS, lightDark, tokenCss } from '@/components/ide/editor-themes';
import { highlightLines, type HighlightedSpan } from '@/lib/editor/static-highlight';

type MonacoNamespace = typeof Monaco;
type Editor = Monaco.editor.IStandaloneCodeEditor;

export interface KeyboardBridgeOptions {
  getLayout: () => LayoutChoice;
  getLatinDigits: () => boolean;
  /** The program's names for candidates; the same array until they change. */
  getNames: () => readonly string[];
  /** Accessible name of the candidate list. */
  candidatesLabel: string;
  /** Called when Alt+L switches Latin typing inside texts and comments. */
  onLatinInTextChange?: (on: boolean) => void;
}

export interface KeyboardBridge {
  /** Types text at the caret (on-screen keyboard with a fixed layout or off). */
  typeText(text: string): void;
  /** A key of the on-screen keyboard ('a', ' ', 'Enter', 'Backspace'…) through the engine. */
  pressKey(key: ComposerKey): void;
  /** Commits an open composition (layout switch, Run). */
  commit(): void;
  dispose(): void;
}

const WORD_BREAK = /[\s.,;:!?()[\]{}"'=+\-*/%<>|।]/;

/** Undo stops at word boundaries: one Ctrl+Z removes a word of mapped typing, not a line. */
export function needsUndoStop(before: string, text: string): boolean {
  if (!before) return true;
  return WORD_BREAK.test(text[0] ?? '') !== WORD_BREAK.test(before) || WORD_BREAK.test(text[0] ?? '');
}

export function attachKeyboard(
  editor: Editor,
  monaco: MonacoNamespace,
  options: KeyboardBridgeOptions,
): KeyboardBridge {
  const composer = new PhoneticComposer({ names: options.getNames, latinDigits: options.getLatinDigits });
  /** Where the word being composed starts (the caret when its first letter was typed). */
  let anchor: Monaco.IPosition | null = null;
  const preedit = createPreeditWidget(editor, monaco, () => anchor);
  const newLine = createNewLinePreview(editor, monaco);
  const view = createCompositionView((index) => finish(composer.choose(index)), options.candidatesLabel);
  const widget: Monaco.editor.IContentWidget = {
    getId: () => 'sajilo.composition',
    getDomNode: () => view.element,
    // Placed (so shown) only while a word is composed.
    getPosition: () =>
      composer.composition && anchor
        ? {
            position: anchor,
            preference: [
              monaco.editor.ContentWidgetPositionPreference.BELOW,
              monaco.editor.ContentWidgetPositionPreference.ABOVE,
            ],
          }
        : null,
    allowEditorOverflow: true,
  };
  editor.addContentWidget(widget);

  const typeText = (text: string) => {
    const model = editor.getModel();
    const pos = editor.getPosition();
    if (model && pos) {
      const before =
        pos.column > 1
          ? model.getValueInRange({
              startLineNumber: pos.lineNumber,
              startColumn: pos.column - 1,
              endLineNumber: pos.lineNumber,
              endColumn: pos.column,
            })
          : '\n';
      if (needsUndoStop(before, text)) editor.pushUndoStop();
    }
    if (text.includes('\n')) tokenizeToCaret(editor);
    editor.trigger('keyboard', 'type', { text });
  };

  const contextAtCaret = () => {
    const model = editor.getModel();
    const pos = editor.getPosition();
    if (!model || !pos) return 'code' as const;
    return caretContext(model.getLineContent(pos.lineNumber).slice(0, pos.column - 1));
  };

  /** An empty selection, one caret, nothing after it on its line. */
  const caretAtLineEnd = () => {
    const model = editor.getModel();
    const selections = editor.getSelections();
    if (!model || selections?.length !== 1 || !selections[0].isEmpty()) return false;
    const { positionLineNumber, positionColumn } = selections[0];
    return positionColumn === model.getLineMaxColumn(positionLineNumber);
  };

  const caretAtAnchor = () => {
    const pos = editor.getPosition();
    return !anchor || (!!pos && pos.lineNumber === anchor.lineNumber && pos.column === anchor.column);
  };

  /** Inserts a committed word where it was composed; an outdent it makes is applied at once. */
  function insertWord(insert: string) {
    if (!insert) return;
    if (caretAtAnchor()) {
      typeText(insert);
    } else if (anchor) {
      // The caret moved away (a click): the word still goes where it was typed.
      editor.executeEdits('sajilo.phonetic', [
        {
          range: {
            startLineNumber: anchor.lineNumber,
            startColumn: anchor.column,
            endLineNumber: anchor.lineNumber,
            endColumn: anchor.column,
          },
          text: insert,
        },
      ]);
    }
    applyPendingOutdent(editor);
  }

  /** Inserts committed text where the word was composed, then shows the new state. */
  function finish(insert: string) {
    insertWord(insert);
    render(composer.composition);
  }

  let wrapper: HTMLElement | null | undefined;
  function render(
    composition: Composition | null,
    committed: HighlightedSpan[] | null = null,
    { endsLine = false } = {},
  ) {
    if (!composition && committed === null) anchor = null;
    else anchor ??= editor.getPosition();
    if (committed) preedit.showCommitted(committed, endsLine);
    else preedit.show(composition?.latin ?? null);
    view.update(composition);
    editor.layoutContentWidget(widget);
    wrapper ??= editor.getContainerDomNode().closest('[data-testid="editor"]') as HTMLElement | null;
    if (wrapper) wrapper.dataset.composing = composition ? composition.latin : '';
  }

  // A word committed by Space or a symbol is drawn at once in the preedit box, where Monaco
  // will draw it, and typed into the model after that frame: Monaco's edit and the frame that
  // draws it take about 20 ms (p95 35 ms) here, the box's change one light frame (p50 8 ms),
  // the way an input method shows its commit (docs/ide.md, "The commit drawn before Monaco's
  // edit"). Anything else that happens first (a key, a click, leaving the editor, Run, the
  // on-screen keyboard, leaving the page) types it before doing its own work, so nothing ever
  // sees the text without it.
  let pendingCommit: { word: string; key: string } | null = null;
  let fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => applyPendingCommit();

  /** The word and its key as Monaco will colour them: the line up to the word, highlighted by
   *  the editor's own rules without Monaco (texts and comments end on their line). */
  function highlightCommit(text: string): HighlightedSpan[] {
    const model = editor.getModel();
    const before = model && anchor ? model.getLineContent(anchor.lineNumber).slice(0, anchor.column - 1) : '';
    const spans: HighlightedSpan[] = [];
    let at = 0;
    for (const span of highlightLines(before + text)[0] ?? []) {
      const end = at + span.text.length;
      if (end > before.length)
        spans.push({ text: span.text.slice(Math.max(0, before.length - at)), token: span.token });
      at = end;
    }
    return spans;
  }

  function showCommit(word: string, key: string) {
    pendingCommit = { word, key };
    render(null, highlightCommit(word + key));
    applyAfterFrame();
  }

  /** Enter at the end of the line, after the word it commits (if any), drawn the same way:
   *  the word in the box, the new line by new-line-preview.ts. Only where the new line's
   *  indentation is certain: Monaco's rule for it is the language's onEnterRules (one level in
   *  after a line that opens a block, else the line's own indentation); a line that closes or
   *  branches a block (अन्त्य, नत्र) is re-indented by Monaco and the outdent rule, so Monaco
   *  types that Enter at once, as before. */
  function showNewLine(word: string): boolean {
    const model = editor.getModel();
    const pos = editor.getPosition();
    if (!model || !pos || !caretAtLineEnd()) return false;
    const line = model.getLineContent(pos.lineNumber) + word;
    const indentation = /^[ \t]*/.exec(line)![0];
    if (indentation.includes('\t') || DECREASE_INDENT.test(line)) return false;
    const { tabSize } = model.getOptions();
    const indentColumns = indentation.length + (INCREASE_INDENT.test(line) ? tabSize : 0);
    if (!newLine.show(pos.lineNumber, pos.column, indentColumns)) return false;
    pendingCommit = { word, key: '\n' };
    if (word) render(null, highlightCommit(word), { endsLine: true });
    applyAfterFrame();
    return true;
  }

  function applyAfterFrame() {
    // A message posted from an animation frame is handled after that frame is drawn; the
    // timer covers a tab without frames (hidden).
    requestAnimationFrame(() => afterFrame.port2.postMessage(null));
    clearTimeout(fallbackTimer);
    fallbackTimer = setTimeout(applyPendingCommit, 100);
  }

  function applyPendingCommit() {
    if (!pendingCommit) return;
    const { word, key } = pendingCommit;
    pendingCommit = null;
    clearTimeout(fallbackTimer);
    newLine.clear();
    if (caretAtAnchor()) {
      insertWord(word);
      if (key) typeText(key);
    } else {
      insertWord(word + key); // where it was typed, not at a caret a click has moved
    }
    render(composer.composition);
  }

  /** One key press through the engine; true when the engine took it. */
  function handleKey(event: ComposerKey & { code?: string }): boolean {
    const layout = options.getLayout();
    if (layout === 'phonetic') {
      if (!composer.composition) anchor = null;
      const latinInText = composer.latinInText;
      const wasComposing = composer.composition !== null;
      const result = composer.key(event, contextAtCaret());
      if (composer.latinInText !== latinInText) options.onLatinInTextChange?.(composer.latinInText);
      // A committing key (Space, Enter, a symbol) types itself here too: left to the browser,
      // it reaches Monaco's textarea before Monaco has synced it with the word just inserted,
      // and Monaco then applies it without auto-indent (Enter after भने lost its indentation).
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const typesItself =
        !result.handled && result.insert !== '' && plain && (event.key === 'Enter' || [...event.key].length === 1);
      if (typesItself && caretAtAnchor()) {
        if (event.key !== 'Enter') {
          showCommit(result.insert, event.key);
          return true;
        }
        if (showNewLine(result.insert)) return true;
      }
      // A character typed on its own (a Space, digit or operator between words) is drawn the
      // same way when Monaco's edit would only append it to the line, which is where code is
      // typed: mid-line, the box would cover the character after it until the edit.
      const alone = !wasComposing && !result.composition && (result.handled ? result.insert : plain ? event.key : '');
      if (alone && [...alone].length === 1 && !CHARACTERS_MONACO_EXPANDS.has(alone) && caretAtLineEnd()) {
        showCommit(alone, '');
        return true;
      }
      // So is Enter on its own, where Monaco would only type a new line (no completion list
      // that Enter could accept from: components/ide/suggest-keys.ts).
      const enterAlone =
        event.key === 'Enter' && plain && !event.shiftKey && !event.isComposing && !wasComposing && !result.handled;
      if (enterAlone && result.insert === '' && !suggestListVisible(editor) && showNewLine('')) return true;
      if (!anchor && result.composition) anchor = editor.getPosition();
      // The word first, and its outdent (अन्त्य), so a new line takes the line's final indentation.
      finish(result.insert);
      if (typesItself) {
        typeText(event.key === 'Enter' ? '\n' : event.key);
        return true;
      }
      return result.handled;
    }
    if (layout === 'off' || !event.code) return false;
    const text = mapLayoutKey(
      toKeyInput({
        code: event.code,
        key: event.key,
        keyCode: event.keyCode,
        shiftKey: !!event.shiftKey,
        ctrlKey: !!event.ctrlKey,
        metaKey: !!event.metaKey,
        altKey: !!event.altKey,
        isComposing: event.isComposing,
        getModifierState: (event as KeyboardEvent).getModifierState?.bind(event),
      }),
      layout,
      contextAtCaret(),
      { latinDigits: options.getLatinDigits() },
    );
    if (text == null || text === '') return false;
    typeText(text);
    return true;
  }

  const commit = () => {
    applyPendingCommit();
    if (composer.composition) finish(composer.commit());
  };

  const subscriptions = [
    editor.onKeyDown((e) => {
      // Before any key, Monaco's own included (Ctrl+Z, arrows, Ctrl+Enter).
      applyPendingCommit();
      if (handleKey(e.browserEvent)) {
        e.preventDefault();
        e.stopPropagation();
      }
    }),
    // A click elsewhere or leaving the editor keeps the word as it would be committed.
    editor.onMouseDown(commit),
    editor.onDidBlurEditorText(commit),
  ];

  return {
    typeText: (text) => {
      // On touch screens focusing the editor would open the phone's own keyboard over ours.
      if (!isTouchOnly()) editor.focus();
      commit();
      typeText(text);
    },
    pressKey: (key) => {
      if (!isTouchOnly()) editor.focus();
      applyPendingCommit();
      if (handleKey(key)) return;
      // Not taken by the engine: the key does what it does on a real keyboard.
      if (key.key === 'Backspace') editor.trigger('keyboard', 'deleteLeft', null);
      else if (key.key === 'Enter') typeText('\n');
      else if (key.key.length === 1 || [...key.key].length === 1) typeText(key.key);
    },
    commit,
    dispose: () => {
      applyPendingCommit();
      afterFrame.port1.close();
      newLine.dispose();
      subscriptions.forEach((s) => s.dispose());
      editor.removeContentWidget(widget);
      preedit.dispose();
    },
  };
}

/** The Latin being composed, drawn over the line from the word's start in the editor's font.
 *  Its position changes only when a word starts; each letter changes just its text, which the
 *  browser lays out alone (an absolutely placed box), with no work for Monaco. */
function createPreeditWidget(editor: Editor, monaco: MonacoNamespace, getAnchor: () => Monaco.IPosition | null) {
  const element = document.createElement('div');
  element.className = 'composition-preedit-box';
  const text = document.createElement('span');
  text.className = 'composition-preedit';
  element.append(text);
  const applyFont = () => {
    const font = editor.getOption(monaco.editor.EditorOption.fontInfo);
    element.style.fontFamily = font.fontFamily;
    element.style.fontSize = `${font.fontSize}px`;
    element.style.fontWeight = font.fontWeight;
    element.style.lineHeight = element.style.height = `${font.lineHeight}px`;
    element.style.letterSpacing = `${font.letterSpacing}px`;
  };
  applyFont();
  let placedAt: Monaco.IPosition | null = null;
  // Near the editor's right edge the Latin would run past it and be cut off. The box is moved
  // left to end at the edge by CSS alone (app/globals.css: translateX(clamp(...)) against its
  // own width), from two numbers set only when the word starts, the view scrolls or the editor
  // is resized: the room right of the word's start and how far left of it the view begins.
  // No key reads a layout, and the Latin's width is the browser's, not an estimate.
  let anchorLeft: number | null = null;
  let room = '';
  let backRoom = '';
  const fitToEdge = () => {
    if (anchorLeft === null) return;
    const viewLeft = editor.getScrollLeft();
    const nextRoom = `${viewLeft + editor.getLayoutInfo().contentWidth - anchorLeft}px`;
    const nextBackRoom = `${viewLeft - anchorLeft}px`;
    if (nextRoom !== room) element.style.setProperty('--preedit-room', (room = nextRoom));
    if (nextBackRoom !== backRoom) element.style.setProperty('--preedit-back-room', (backRoom = nextBackRoom));
  };
  const widget: Monaco.editor.IContentWidget = {
    getId: () => 'sajilo.composition-preedit',
    getDomNode: () => element,
    getPosition: () => {
      const anchor = getAnchor();
      return anchor && { position: anchor, preference: [monaco.editor.ContentWidgetPositionPreference.EXACT] };
    },
    // The size Monaco would otherwise measure with a forced layout: EXACT placement uses only
    // the anchor's coordinates, so any size does.
    beforeRender: () => ({ width: 0, height: editor.getOption(monaco.editor.EditorOption.lineHeight) }),
    // The word's start in the content's coordinates (Monaco calls this on every view render).
    afterRender: (_placement, coordinate) => {
      anchorLeft = coordinate?.left ?? null;
      fitToEdge();
    },
  };
  editor.addContentWidget(widget);
  const subscriptions = [
    editor.onDidChangeConfiguration((e) => {
      if (e.hasChanged(monaco.editor.EditorOption.fontInfo)) applyFont();
    }),
    editor.onDidScrollChange((e) => {
      if (e.scrollLeftChanged) fitToEdge();
    }),
    editor.onDidLayoutChange(fitToEdge),
  ];
  /** Places the box at the anchor (hides it without one), when the anchor has moved. */
  const place = () => {
    const anchor = getAnchor();
    if (anchor?.lineNumber !== placedAt?.lineNumber || anchor?.column !== placedAt?.column) {
      placedAt = anchor;
      editor.layoutContentWidget(widget);
    }
  };
  return {
    /** The word as it will be typed, coloured as Monaco will draw it (editor-themes.ts). */
    showCommitted(spans: HighlightedSpan[], endsLine: boolean) {
      // The box's own caret after the text, where Monaco's will be (unless Enter ends the word:
      // then on the new line); Monaco's, at the start, is covered meanwhile (app/globals.css).
      element.classList.add('is-committed');
      element.classList.toggle('ends-line', endsLine);
      text.replaceChildren(
        ...spans.map((span) => {
          const part = document.createElement('span');
          part.textContent = span.text;
          Object.assign(
            part.style,
            tokenCss(span.token) ?? {
              color: lightDark(EDITOR_COLOURS.foreground.light, EDITOR_COLOURS.foreground.dark),
            },
          );
          return part;
        }),
      );
      // A character typed on its own: the box was not placed.
      place();
    },
    show(latin: string | null) {
      // Hidden, the box keeps its text: Monaco hides it in the render that draws the committed
      // word, so no frame shows neither.
      if (latin !== null) {
        if (element.classList.contains('is-committed')) {
          element.classList.remove('is-committed');
          text.textContent = '';
        }
        if (text.textContent !== latin) text.textContent = latin;
      }
      place();
    },
    dispose() {
      subscriptions.forEach((s) => s.dispose());
      editor.removeContentWidget(widget);
    },
  };
}

export function isTouchOnly(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(pointer: coarse)').matches &&
    !window.matchMedia('(any-pointer: fine)').matches
  );
}
