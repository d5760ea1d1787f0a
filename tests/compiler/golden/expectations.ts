// Reads the expectations a golden program states in its own comments (clox style):
//   # expect: TEXT                       one line of standard output (also `# अपेक्षित:`)
//   # expect runtime error: line L, column C
//   # stdin: TEXT                        one line of standard input
export interface Expectations {
  stdout: string;
  stdin: string;
  runtimeError: { line: number; column: number } | null;
}

const EXPECT = /^\s*#\s*(?:expect|अपेक्षित):(?: (.*))?$/;
const ERROR = /^\s*#\s*expect runtime error: line (\d+), column (\d+)\s*$/;
const STDIN = /^\s*#\s*stdin:(?: (.*))?$/;

export function readExpectations(source: string): Expectations {
  const out: string[] = [];
  const input: string[] = [];
  let runtimeError: Expectations['runtimeError'] = null;
  for (const line of source.split('\n')) {
    const e = ERROR.exec(line);
    if (e) {
      runtimeError = { line: Number(e[1]), column: Number(e[2]) };
      continue;
    }
    const x = EXPECT.exec(line);
    if (x) {
      out.push(x[1] ?? '');
      continue;
    }
    const s = STDIN.exec(line);
    if (s) input.push(s[1] ?? '');
  }
  return {
    stdout: out.map((l) => `${l}\n`).join(''),
    stdin: input.map((l) => `${l}\n`).join(''),
    runtimeError,
  };
}
