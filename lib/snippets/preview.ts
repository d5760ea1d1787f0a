/** The first non-empty lines of a program, for link previews (OpenGraph, Twitter). */
export function previewOf(source: string, lines = 4, max = 200): string {
  const text = source.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim()).slice(0, lines).join('\n');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
