// The monaco namespace as callers pass it in. Type-only: nothing here loads Monaco.
// The editor API entry is enough (the full 'monaco-editor' namespace is a superset of it).
import type * as MonacoEditorApi from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof MonacoEditorApi;
