// Compiler diagnostics → Monaco marker data. Takes the MarkerSeverity enum from the caller's
// monaco namespace, so no runtime Monaco import.
import type { editor, MarkerSeverity } from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from './compiler-bridge';
import type { UiLanguage } from './ui-language';

export const SAJILO_MARKER_OWNER = 'sajilo';

export interface SeverityEnum {
  Error: MarkerSeverity;
  Warning: MarkerSeverity;
}

/** The message in the UI language, with the other language on the next line. */
export function diagnosticMessage(diagnostic: Diagnostic, uiLanguage: UiLanguage): string {
  const { message, messageEn } = diagnostic;
  return uiLanguage === 'en' ? `${messageEn}\n${message}` : `${message}\n${messageEn}`;
}

export function toMarker(diagnostic: Diagnostic, uiLanguage: UiLanguage, severity: SeverityEnum): editor.IMarkerData {
  const endLine = Math.max(diagnostic.endLine, diagnostic.line);
  const empty = endLine === diagnostic.line && diagnostic.endColumn <= diagnostic.column;
  return {
    severity: diagnostic.severity === 'warning' ? severity.Warning : severity.Error,
    message: diagnosticMessage(diagnostic, uiLanguage),
    code: diagnostic.code,
    source: 'सजिलो',
    startLineNumber: diagnostic.line,
    startColumn: diagnostic.column,
    endLineNumber: endLine,
    // A squiggle needs width: an empty range is drawn under one character.
    endColumn: empty ? diagnostic.column + 1 : diagnostic.endColumn,
  };
}

export function toMarkers(
  diagnostics: readonly Diagnostic[],
  uiLanguage: UiLanguage,
  severity: SeverityEnum,
): editor.IMarkerData[] {
  return diagnostics.map((d) => toMarker(d, uiLanguage, severity));
}
