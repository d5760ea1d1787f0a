/** A title for a program: the first comment line, else nothing (the server stores ""). */
export function titleFromSource(source: string): string {
  for (const line of source.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const m = t.match(/^#+\s*(.+)$/);
    return m ? m[1].slice(0, 120) : '';
  }
  return '';
}
