// Human-readable diagnostics for the terminal, in the style of chibicc's error_tok:
// file:line:col, the source line, and carets under the range; Nepali first, then English.
import type { Diagnostic } from '../frontend/ast';

// Combining marks and joiners take no column in a terminal; everything else takes one.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (!/[\p{Mn}\p{Me}\u200c\u200d]/u.test(ch)) w++;
  return w;
}

/** Source text from UTF-16 column `from` to `to` (1-based, end exclusive) of a line. */
function slice(line: string, from: number, to: number): string {
  return line.slice(Math.max(0, from - 1), Math.max(0, to - 1));
}

export function formatDiagnostic(file: string, source: string, d: Diagnostic): string {
  const lines = source.split(/\r?\n/);
  const text = lines[d.line - 1] ?? '';
  const label = d.severity === 'error' ? 'त्रुटि/error' : 'चेतावनी/warning';
  const gutter = `${d.line} | `;
  const endCol = d.endLine === d.line ? Math.max(d.endColumn, d.column + 1) : text.length + 1;
  const pad = ' '.repeat(gutter.length - 2) + '| ' + ' '.repeat(displayWidth(slice(text, 1, d.column)));
  const carets = '^'.repeat(Math.max(1, displayWidth(slice(text, d.column, endCol))));
  return [
    `${file}:${d.line}:${d.column}: ${label} ${d.code}: ${d.message}`,
    `    ${d.messageEn}`,
    `${gutter}${text}`,
    `${pad}${carets}`,
  ].join('\n');
}

export function formatDiagnostics(file: string, source: string, ds: Diagnostic[]): string {
  return ds.map((d) => formatDiagnostic(file, source, d)).join('\n\n');
}
