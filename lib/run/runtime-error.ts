// The runtime error of a compiled program, as a structure for the API (docs/interfaces.md,
// "Runtime errors of a compiled program").
//
// Why a secret token on stderr rather than parsing the English line: the program controls its
// whole output, so any line it can print it can also fake ("Runtime error at line 1, …" in its
// own stdout or stderr). The server therefore gives each run a fresh random token in the
// environment (SAJILO_ERROR_TOKEN); the runtime copies it and wipes it from the environment
// before the program starts (lib/compiler/runtime/src/errors.c), and only its error path writes
// "\x1eSAJILO-RUNTIME-ERROR <token> <line> <column>\t<ne>\t<en>\n" after the two human lines.
// A record with any other token is the program's own text and stays in its output untouched.
// A separate file descriptor would need a third channel through the sandbox, which runs any
// executable and should not know about one language's runtime; the token gives the same
// guarantee with the two streams the sandbox already has.
import { randomBytes } from 'node:crypto';

export interface RuntimeErrorRecord {
  /** 1-based source position; null when the runtime did not know it. */
  line: number | null;
  column: number | null;
  message: string; // Nepali
  messageEn: string; // English
}

export const ERROR_TOKEN_ENV = 'SAJILO_ERROR_TOKEN';
const MARK = '\x1eSAJILO-RUNTIME-ERROR ';

export function newErrorToken(): string {
  return randomBytes(16).toString('hex');
}

function unescape(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

function parseRecord(body: string): RuntimeErrorRecord | null {
  const m = /^(\d{1,10}) (\d{1,10})\t([^\t]*)\t([^\t]*)$/.exec(body);
  if (!m) return null;
  const line = Number(m[1]);
  const column = Number(m[2]);
  const known = line >= 1 && column >= 1;
  return {
    line: known ? line : null,
    column: known ? column : null,
    message: unescape(m[3]),
    messageEn: unescape(m[4]),
  };
}

/**
 * Takes the runtime's records out of a program's stderr as it arrives (streamed chunks, or the
 * whole text at once): `push` returns the text to show, holding back only what may still turn
 * out to be the start of a record; `end` returns what was held back. The last genuine record
 * is in `record`.
 */
export class RuntimeErrorFilter {
  record: RuntimeErrorRecord | null = null;
  private readonly mark: string;
  private held = '';

  constructor(token: string) {
    this.mark = `${MARK}${token} `;
  }

  push(chunk: string): string {
    let text = this.held + chunk;
    this.held = '';
    let shown = '';
    for (;;) {
      const at = text.indexOf(this.mark);
      if (at < 0) break;
      const nl = text.indexOf('\n', at);
      if (nl < 0) {
        shown += text.slice(0, at);
        this.held = text.slice(at);
        return shown;
      }
      this.record = parseRecord(text.slice(at + this.mark.length, nl)) ?? this.record;
      shown += text.slice(0, at);
      text = text.slice(nl + 1);
    }
    // The tail may be the first characters of a record split across chunks.
    const keep = this.partialMarkLength(text);
    this.held = text.slice(text.length - keep);
    return shown + text.slice(0, text.length - keep);
  }

  /** The end of the stream: what was held back, except a genuine record the output limit cut. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest.startsWith(this.mark) ? '' : rest;
  }

  private partialMarkLength(text: string): number {
    const start = text.lastIndexOf('\x1e');
    if (start < 0) return 0;
    const tail = text.slice(start);
    return tail.length < this.mark.length && this.mark.startsWith(tail) ? tail.length : 0;
  }
}

/** The whole stderr of a finished run: the text without the runtime's records, and the last record. */
export function takeRuntimeError(stderr: string, token: string): { stderr: string; record: RuntimeErrorRecord | null } {
  const f = new RuntimeErrorFilter(token);
  const text = f.push(stderr) + f.end();
  return { stderr: text, record: f.record };
}
