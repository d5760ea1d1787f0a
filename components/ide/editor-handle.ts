import type { ApiDiagnostic } from '@/lib/validations/run';
// What the IDE can ask of the editor, whatever editor is behind it.
export interface MarkerInput {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface EditorHandle {
  focus(): void;
  /** Moves the caret to a 1-based line and column (UTF-16 units) and scrolls it into view. */
  reveal(line: number, column: number): void;
  /** The server's compile diagnostics, shown like the live ones. */
  setCompileMarkers(diagnostics: ApiDiagnostic[]): void;
  /** Markers from the last run (compile and runtime errors); cleared when the text changes. */
  setRunMarkers(markers: MarkerInput[]): void;
  /** Types text at the caret as if typed (on-screen keyboard). */
  typeText(text: string): void;
  deleteLeft(): void;
  /** A key of the on-screen keyboard through the input engine (phonetic composition). */
  pressKey(key: string): void;
  /** Commits a word being composed phonetically (before Run or a layout switch). */
  commitComposition(): void;
}
