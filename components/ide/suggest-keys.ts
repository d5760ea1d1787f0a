// How the completion list treats Enter and Tab. Enter inserts a new line unless the person
// moved the selection in the list (then it accepts that entry); Tab accepts. Monaco's own
// Enter binding is switched off with the editor option acceptSuggestionOnEnter: 'off'.
// The new line is typed by a command on keydown, not left to the browser: Monaco reads a
// browser Enter from its hidden textarea, and right after a programmatic edit (a layout key,
// a phonetic word, an outdent) that textarea can lag behind, and Monaco then inserts the line
// break without auto-indent.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { tokenizeToCaret } from './tokenize-to-caret';

type MonacoNamespace = typeof Monaco;

const LIST_NAVIGATION = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown']);

export function suggestListVisible(editor: Monaco.editor.IStandaloneCodeEditor): boolean {
  return editor.getDomNode()?.querySelector('.suggest-widget.visible') != null;
}

export function attachSuggestKeys(
  editor: Monaco.editor.IStandaloneCodeEditor,
  monaco: MonacoNamespace,
): Monaco.IDisposable {
  const moved = editor.createContextKey<boolean>('sajiloSuggestSelectionMoved', false);
  // Runs before Monaco's keybindings see the key: navigation in an open list arms Enter,
  // any other key (typing goes on) disarms it.
  const keys = editor.onKeyDown((e) => {
    const key = e.browserEvent.key;
    if (LIST_NAVIGATION.has(key)) {
      if (suggestListVisible(editor)) moved.set(true);
    } else if (key !== 'Enter' && key !== 'Tab') {
      moved.set(false);
    }
  });
  editor.addCommand(
    monaco.KeyCode.Enter,
    () => {
      moved.set(false);
      editor.trigger('keyboard', 'acceptSelectedSuggestion', {});
    },
    'suggestWidgetVisible && sajiloSuggestSelectionMoved',
  );
  editor.addCommand(
    monaco.KeyCode.Enter,
    () => {
      moved.set(false);
      tokenizeToCaret(editor);
      editor.trigger('keyboard', 'type', { text: '\n' });
    },
    'editorTextFocus && !suggestWidgetVisible || editorTextFocus && !sajiloSuggestSelectionMoved',
  );
  return {
    dispose: () => {
      keys.dispose();
      moved.reset();
    },
  };
}
