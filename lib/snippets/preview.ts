/** The first non-empty lines of a program, for link previews (OpenGraph, Twitter). */
export function previewOf(source: string, lines = 4, max = 200): string {
  const text = source
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(0, lines)
    .join('\n');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first line of a program that says something (not blank, not the title comment), for lists. */
export function previewLine(source: string, max = 100): string {
  const lines = source
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => !l.startsWith('#')) ?? lines[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
