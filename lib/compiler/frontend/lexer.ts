// The lexer: normalised source text → tokens. It never throws and never stops: a bad
// character or escape is reported and skipped, and lexing goes on.

import type { Position, SourceRange } from './ast';
import { DiagnosticBag, Messages } from './diagnostics';
import { DIGIT_CLASS, type NormalisedSource, NAME_PATTERN, nameKey, originalColumn } from './source';
import { markProgress } from './progress';
import { KEYWORD_BY_KEY, PUNCTUATION, type Punctuation, type Token, type TokenKind } from './tokens';

const IDENTIFIER = new RegExp(NAME_PATTERN, 'uy');
const NUMBER = new RegExp(`[${DIGIT_CLASS}]+(?:\\.[${DIGIT_CLASS}]+)?`, 'y');
const WHITESPACE = /[ \t\f\v\ufeff\u200c\u200d\p{Zs}]+/uy;
const DEVANAGARI_ZERO = 0x0966;
const COMPOUND: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);
const TWO_CHARACTER: ReadonlySet<string> = new Set(PUNCTUATION.filter((p) => p.length === 2));
const SINGLE_CHARACTER: ReadonlySet<string> = new Set(PUNCTUATION.filter((p) => p.length === 1));
const PUNCTUATION_START: ReadonlySet<string> = new Set([...PUNCTUATION.map((p) => p[0]), '&', '|', '!']);
const INT64_MAX = 9223372036854775807n;

// Operators from other languages that learners type, and what Sajilo writes instead.
const FOREIGN_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['&&', 'र'],
  ['||', 'वा'],
  ['!', 'होइन'],
  ['&', 'र'],
  ['|', 'वा'],
]);

export function latinDigits(text: string): string {
  let latin = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    latin +=
      code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9
        ? String.fromCharCode(code - DEVANAGARI_ZERO + 48)
        : text[i];
  }
  return latin;
}

export function tokenize(source: NormalisedSource, diagnostics: DiagnosticBag): Token[] {
  return new Lexer(source, diagnostics).run();
}

class Lexer {
  private readonly text: string;
  private readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0; // offset of the current line's first character

  constructor(
    private readonly source: NormalisedSource,
    private readonly diagnostics: DiagnosticBag,
  ) {
    this.text = source.text;
  }

  run(): Token[] {
    while (this.pos < this.text.length) this.scanToken();
    this.push('eof', this.pos, this.pos, null);
    return this.tokens;
  }

  private scanToken(): void {
    const start = this.pos;
    const c = this.text[start];
    if (c === '\n' || c === '\r') return this.scanNewline();
    if (c === '#') return this.skipComment();
    if (c === '"') return this.scanText();
    if (c === ' ' || c === '\t') return this.skipSpaces();
    if (this.matchAt(WHITESPACE)) return;
    if (this.matchAt(NUMBER)) return this.finishNumber(start);
    if (this.scanWord()) return this.finishWord(start);
    if (this.scanPunctuation()) return;
    this.scanBadCharacter();
  }

  // Advances over a regular-expression match at the current position, if any.
  private matchAt(pattern: RegExp): boolean {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) return false;
    this.pos += match[0].length;
    return true;
  }

  private skipSpaces(): void {
    let c = this.text[this.pos];
    while (c === ' ' || c === '\t') c = this.text[++this.pos];
  }

  // An identifier or keyword. ASCII and Devanagari, nearly every word, are classified by code;
  // other scripts go through the Unicode-property expression.
  private scanWord(): boolean {
    const first = this.text.charCodeAt(this.pos);
    if (!isWordStart(first)) return this.matchAt(IDENTIFIER);
    let end = this.pos + 1;
    for (let code = this.text.charCodeAt(end); isWordPart(code); code = this.text.charCodeAt(++end));
    if (end < this.text.length && this.text.charCodeAt(end) >= 0x80) {
      IDENTIFIER.lastIndex = this.pos; // a character of another script: let the expression decide
      return this.matchAt(IDENTIFIER);
    }
    this.pos = end;
    return true;
  }

  private scanNewline(): void {
    const start = this.pos;
    this.pos += this.text.startsWith('\r\n', start) ? 2 : 1;
    const previous = this.tokens[this.tokens.length - 1];
    // Zero-width at the end of the line, so "found a new line" points inside the text.
    if (previous && previous.kind !== 'newline') this.push('newline', start, start, null);
    this.line++;
    this.lineStart = this.pos;
  }

  private skipComment(): void {
    while (this.pos < this.text.length && !this.atLineEnd()) this.pos++;
  }

  private atLineEnd(): boolean {
    const c = this.text[this.pos];
    return c === '\n' || c === '\r';
  }

  private finishNumber(start: number): void {
    this.acceptDandaAsPoint();
    const written = this.text.slice(start, this.pos).replace('।', '.');
    // Digits are normalised once, here: a literal may mix both sets (`1२3`, `१.5`).
    const latin = latinDigits(written);
    if (this.text[this.pos] === '.' && !isDigit(this.text.charCodeAt(this.pos + 1))) {
      this.pos++;
      this.diagnostics.report(Messages.digitsAfterPoint, this.range(start, this.pos), { ne: written, en: latin });
    }
    if (latin.includes('.')) {
      this.push('decimal', start, start + written.length, Number(latin));
      return;
    }
    const value = BigInt(latin);
    if (value > INT64_MAX) this.diagnostics.report(Messages.integerTooLarge, this.range(start, this.pos), written);
    this.push('integer', start, start + written.length, value > INT64_MAX ? 0n : value);
  }

  // The Nepali keyboard types "।" on the full-stop key: `३।१४` is reported, then read as `३.१४`.
  private acceptDandaAsPoint(): void {
    if (this.text[this.pos] !== '।' || !isDigit(this.text.charCodeAt(this.pos + 1))) return;
    this.diagnostics.report(Messages.dandaAsDecimalPoint, this.range(this.pos, this.pos + 1)).replacement = '.';
    this.pos++;
    while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private finishWord(start: number): void {
    const key = nameKey(this.text.slice(start, this.pos));
    const keyword = KEYWORD_BY_KEY.get(key);
    const token = this.push(keyword ? 'keyword' : 'identifier', start, this.pos, null);
    token.key = keyword ?? key;
  }

  private scanPunctuation(): boolean {
    const c = this.text[this.pos];
    if (!PUNCTUATION_START.has(c)) return false;
    if ((c === '&' || c === '|' || c === '!') && this.scanForeignOperator()) return true;
    if (this.text[this.pos + 1] === '=' && COMPOUND.has(c)) return this.scanCompoundAssignment(c);
    const two = this.text.slice(this.pos, this.pos + 2);
    const op = TWO_CHARACTER.has(two) ? two : SINGLE_CHARACTER.has(c) ? c : null;
    if (!op) return false;
    this.push(op as Punctuation, this.pos, this.pos + op.length, null);
    this.pos += op.length;
    return true;
  }

  // `क += १`: reported, then read as `=` so the statement still parses as an assignment.
  private scanCompoundAssignment(operator: string): boolean {
    const range = this.range(this.pos, this.pos + 2);
    this.diagnostics.report(Messages.compoundAssignment, range, `${operator}=`, operator);
    this.push('=', this.pos, this.pos + 2, null);
    this.pos += 2;
    return true;
  }

  // A word to put where `length` characters of punctuation are, with spaces so it stays a word.
  private spaced(word: string, length: number): string {
    const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
    const before = isSpace(this.text[this.pos - 1]) ? '' : ' ';
    const after = isSpace(this.text[this.pos + length]) ? '' : ' ';
    return `${before}${word}${after}`;
  }

  private scanForeignOperator(): boolean {
    for (const [written, replacement] of FOREIGN_OPERATORS) {
      if (this.text.startsWith(written, this.pos) && !this.text.startsWith('!=', this.pos)) {
        const range = this.range(this.pos, this.pos + written.length);
        this.diagnostics.report(Messages.foreignOperator, range, written, replacement).replacement = this.spaced(
          replacement,
          written.length,
        );
        // Read it as the Sajilo word, so the parser goes on without a second error.
        const token = this.push('keyword', this.pos, this.pos + written.length, null);
        token.key = replacement;
        this.pos += written.length;
        return true;
      }
    }
    return false;
  }

  private scanBadCharacter(): void {
    const code = this.text.codePointAt(this.pos) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const range = this.range(this.pos, this.pos + width);
    const c = String.fromCodePoint(code);
    if (c === '।' || c === '॥') this.diagnostics.report(Messages.dandaNotAllowed, range).replacement = '';
    else if (c === '.' && isDigit(this.text.charCodeAt(this.pos + 1))) {
      this.diagnostics.report(Messages.digitsAfterPoint, range, { ne: '०', en: '0' });
    } else this.diagnostics.report(Messages.unexpectedCharacter, range, printable(code));
    this.pos += width;
  }

  // "…" on one line; escapes \n \t \\ \" \u{X…}.
  private scanText(): void {
    const start = this.pos++;
    let value = '';
    while (this.pos < this.text.length && !this.atLineEnd() && this.text[this.pos] !== '"') {
      if (this.text[this.pos] === '\\') value += this.scanEscape();
      else value += this.text[this.pos++];
    }
    if (this.text[this.pos] === '"') this.pos++;
    else this.diagnostics.report(Messages.unterminatedText, this.range(start, this.pos));
    this.push('text', start, this.pos, value);
  }

  private scanEscape(): string {
    const start = this.pos;
    const c = this.text[this.pos + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"' };
    if (c !== undefined && c in simple) {
      this.pos += 2;
      return simple[c];
    }
    if (c === 'u') return this.scanUnicodeEscape(start);
    const bad =
      c === undefined || c === '\n' || c === '\r' ? '' : String.fromCodePoint(this.text.codePointAt(this.pos + 1)!);
    this.pos += 1 + bad.length;
    this.diagnostics.report(Messages.invalidEscape, this.range(start, this.pos), bad);
    return '';
  }

  private scanUnicodeEscape(start: number): string {
    const match = /^u\{([0-9a-fA-F]{1,6})\}/.exec(this.text.slice(this.pos + 1, this.pos + 11));
    const code = match ? parseInt(match[1], 16) : -1;
    const isScalar = code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    this.pos += match ? 1 + match[0].length : 2;
    if (isScalar) return String.fromCodePoint(code);
    this.diagnostics.report(Messages.invalidUnicodeEscape, this.range(start, this.pos));
    return '';
  }

  private push(kind: TokenKind, start: number, end: number, value: Token['value']): Token {
    const text = this.text.slice(start, end);
    const token: Token = { kind, text, key: text, value, range: this.range(start, end) };
    markProgress(token.range.start);
    this.tokens.push(token);
    return token;
  }

  private range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  // Offsets handed in are always on the current line (tokens never span lines).
  private position(offset: number): Position {
    const column = offset - this.lineStart + 1;
    return { line: this.line, column: originalColumn(this.source, this.line, column) };
  }
}

// Devanagari letters (L*): independent vowels and consonants, avagraha, ॐ, nukta forms, ॱ…ॿ.
function isDevanagariLetter(code: number): boolean {
  return (
    (code >= 0x0904 && code <= 0x0939) ||
    code === 0x093d ||
    code === 0x0950 ||
    (code >= 0x0958 && code <= 0x0961) ||
    (code >= 0x0971 && code <= 0x097f)
  );
}

function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || isDevanagariLetter(code);
}

// Letters, marks and digits of ASCII and Devanagari, `_`, ZWJ and ZWNJ; not the dandas (।॥)
// nor the abbreviation sign (॰), which are punctuation.
function isWordPart(code: number): boolean {
  if (code < 0x80) return isWordStart(code) || (code >= 48 && code <= 57);
  if (code >= 0x0900 && code <= 0x097f) return code !== 0x0964 && code !== 0x0965 && code !== 0x0970;
  return code === 0x200c || code === 0x200d;
}

function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9);
}

function printable(code: number): string {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code < 0x370)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return String.fromCodePoint(code);
}
