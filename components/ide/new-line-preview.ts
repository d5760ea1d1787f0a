// Enter drawn before Monaco types it. Monaco's new line (its edit, view events and a render
// that moves every row below the caret) takes 18–25 ms here, longer than a frame; the preview
// takes one light frame: the rows below the caret move down by one line (a CSS translate on
// each, no layout), Monaco's caret is hidden and a caret is drawn where Monaco will put its
// own, at the new line's indentation. Monaco's edit comes in the task after that frame, which
// first puts everything back (clear), so Monaco's render of the edit is the very next frame and
// no frame shows both or neither (docs/ide.md, "Enter drawn first").
//
// Only where the result is certain without Monaco: one caret at the end of its line, the new
// line inside the view, no horizontal scroll. The line numbers in the margin stay where they
// are: row k keeps the number k, which is right after the new line too (wrapped lines below
// are numbered one row off for that frame).
import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoNamespace = typeof Monaco;
type Editor = Monaco.editor.IStandaloneCodeEditor;

/** Monaco places rows relative to a multiple of this past half a million pixels (its
 *  "bigNumbersDelta"); a program that long is typed without the preview. */
const MONACO_BIG_NUMBERS_STEP = 500_000;

export interface NewLinePreview {
  /** Draws Enter typed at (lineNumber, column), the end of its line, with the new line
   *  indented by `indentColumns` spaces. False (nothing drawn) where it cannot be exact. */
  show(lineNumber: number, column: number, indentColumns: number): boolean;
  /** Puts the rows and Monaco's caret back; the next frame is Monaco's own. */
  clear(): void;
  dispose(): void;
}

export function createNewLinePreview(editor: Editor, monaco: MonacoNamespace): NewLinePreview {
  const host = document.createElement('div');
  host.className = 'new-line-preview';
  const caret = document.createElement('div');
  caret.className = 'new-line-caret';
  caret.hidden = true;
  host.append(caret);
  // Placed by us (a null position): top and left are set on the caret below.
  const widget: Monaco.editor.IOverlayWidget = {
    getId: () => 'sajilo.new-line-preview',
    getDomNode: () => host,
    getPosition: () => null,
  };
  editor.addOverlayWidget(widget);

  let moved: HTMLElement[] = [];
  let cursors: HTMLElement | null = null;

  function show(lineNumber: number, column: number, indentColumns: number): boolean {
    const dom = editor.getDomNode();
    if (!dom) return false;
    const layout = editor.getLayoutInfo();
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const scrollTop = editor.getScrollTop();
    const viewHeight = layout.height - layout.horizontalScrollbarHeight;
    // The caret's row, in the same coordinates as the rows' `top` (content, padding included).
    const rowTop = editor.getTopForPosition(lineNumber, column);
    if (
      editor.getScrollLeft() !== 0 || // Monaco would scroll back to the new line's start
      rowTop < scrollTop ||
      rowTop + 2 * lineHeight > scrollTop + viewHeight || // Monaco would scroll to the new line
      scrollTop + viewHeight >= MONACO_BIG_NUMBERS_STEP
    ) {
      return false;
    }
    for (const row of dom.querySelectorAll<HTMLElement>(
      '.lines-content > .view-lines > div, .lines-content > .view-overlays > div',
    )) {
      if (parseFloat(row.style.top) > rowTop) {
        row.style.translate = `0 ${lineHeight}px`;
        moved.push(row);
      }
    }
    cursors ??= dom.querySelector<HTMLElement>('.cursors-layer');
    if (cursors) cursors.style.visibility = 'hidden';
    const { spaceWidth } = editor.getOption(monaco.editor.EditorOption.fontInfo);
    // Monaco draws its caret from 1 px before the character's x (app/globals.css).
    caret.style.left = `${layout.contentLeft + indentColumns * spaceWidth - 1}px`;
    caret.style.top = `${rowTop - scrollTop + lineHeight}px`;
    caret.style.height = `${lineHeight}px`;
    caret.hidden = false;
    return true;
  }

  function clear() {
    if (caret.hidden) return;
    for (const row of moved) row.style.translate = '';
    moved = [];
    if (cursors) cursors.style.visibility = '';
    caret.hidden = true;
  }

  return {
    show,
    clear,
    dispose() {
      clear();
      editor.removeOverlayWidget(widget);
    },
  };
}
