// Where a compiled program's runtime error happened, read from its stderr (docs/interfaces.md:
// "Runtime error at line L, column C: …" in English, after the Nepali line).
export interface SourcePosition { line: number; column: number }

const POSITION = /line (\d+), column (\d+)/;

export function runtimeErrorPosition(stderr: string): SourcePosition | null {
  const m = POSITION.exec(stderr);
  if (!m) return null;
  const line = Number(m[1]);
  const column = Number(m[2]);
  return line >= 1 && column >= 1 ? { line, column } : null;
}
