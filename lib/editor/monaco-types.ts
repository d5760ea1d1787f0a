// The monaco namespace as callers pass it in. Type-only: nothing here loads Monaco.
import type * as Monaco from 'monaco-editor';

export type MonacoApi = typeof Monaco;
