// Inputs for the compiler's fuzz tests and `npm run bench -- fuzz`, all from fixed seeds:
// random token streams, mutated real programs, random Unicode (combining marks, ZWJ/ZWNJ,
// bidi controls, both digit sets), number-literal soup, and generated well-formed programs
// (most of which the front end accepts, so the C compile paths get exercised too).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@/lib/compiler/frontend/ast';
import { BUILTINS, KEYWORDS } from '@/lib/compiler/language';
import { CORPUS } from '../frontend/corpus';

export type Random = () => number;

// mulberry32: small, seeded, good enough to spread mutations.
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const below = (random: Random, n: number): number => Math.floor(random() * n);

export const FRAGMENTS = [
  ...KEYWORDS.map((k) => ` ${k.word} `),
  ...BUILTINS.map((b) => b.name),
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '=',
  '==',
  '<',
  '**',
  '-',
  '+',
  '//',
  '%',
  '"',
  '\\',
  '\\u{',
  '\n',
  '\r\n',
  '\r',
  '#',
  ' ',
  '\t',
  '।',
  '.',
  '१',
  '9',
  '९९९९९९९९९९९९९९९९९९९९',
  'क',
  'ख्',
  'ं',
  'ि',
  '्',
  '\u200d',
  '\u200c',
  '\u093c',
  'e\u0301',
  '😀',
  '\ud800',
  'x',
  '_',
  '&&',
  '!',
  '@',
  '\u0000',
  'मा',
  'देखि',
  'सम्म',
];

// Characters that are easy to get wrong: combining marks, joiners, bidi controls, both digit
// sets, dandas, odd spaces, surrogates, a BOM.
const UNICODE = [
  '\u0301',
  '\u0308',
  '\u093c',
  '\u094d',
  '\u0902',
  '\u0903',
  '\u093f',
  '\u0941', // combining marks
  '\u200c',
  '\u200d', // ZWNJ, ZWJ
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f', // bidi
  '०',
  '१',
  '२',
  '९',
  '0',
  '1',
  '9',
  '.',
  '।',
  '॥',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\ufeff',
  '\ud83d',
  '\ude00',
  'क',
  'ष',
  'ञ',
  'ङ',
  'अ',
  'e',
  '_',
  '"',
  '\\',
  '\n',
  ' ',
  '(',
  ')',
];

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../examples');

/** The fuzz seeds: the front end's corpus and the examples. */
export function seedPrograms(): string[] {
  const examples = existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.saj'))
        .sort()
        .map((f) => readFileSync(path.join(EXAMPLES_DIR, f), 'utf8'))
    : [];
  return [...CORPUS, ...examples];
}

export function mutate(source: string, random: Random): string {
  let text = source;
  const edits = 1 + below(random, 4);
  for (let e = 0; e < edits; e++) {
    const at = below(random, text.length + 1);
    const length = below(random, 12);
    const choice = random();
    if (choice < 0.3) text = text.slice(0, at) + text.slice(at + length);
    else if (choice < 0.6) text = text.slice(0, at) + pick(random, FRAGMENTS) + text.slice(at);
    else if (choice < 0.8) text = text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
    else text = text.slice(0, at) + String.fromCharCode(below(random, 0x1000)) + text.slice(at);
  }
  return text;
}

export function tokenSoup(random: Random): string {
  const parts: string[] = [];
  const count = below(random, 40);
  for (let i = 0; i < count; i++) parts.push(pick(random, FRAGMENTS));
  return parts.join(random() < 0.5 ? ' ' : '');
}

/** Random Unicode sprinkled into a real program, or a string of it on its own. */
export function unicodeNoise(random: Random, seeds: readonly string[]): string {
  let text = random() < 0.7 ? pick(random, seeds) : '';
  const count = 1 + below(random, 12);
  for (let i = 0; i < count; i++) {
    const at = below(random, text.length + 1);
    let run = '';
    for (let k = 1 + below(random, 4); k > 0; k--) run += pick(random, UNICODE);
    text = text.slice(0, at) + run + text.slice(at);
  }
  return text;
}

const DIGITS = ['0123456789', '०१२३४५६७८९'];

/** Digits of `n` written in a random mix of the two digit sets. */
export function mixedDigits(random: Random, n: string): string {
  const mode = below(random, 3); // latin, Devanagari, mixed
  return [...n]
    .map((c) => {
      const d = '0123456789'.indexOf(c);
      if (d < 0) return c;
      const set = mode === 2 ? below(random, 2) : mode;
      return DIGITS[set][d];
    })
    .join('');
}

/** Number literals and operator chains: mixed digit sets, points, dandas, exponents, big values. */
export function numberSoup(random: Random): string {
  const literals = [
    () => mixedDigits(random, String(below(random, 1000))),
    () => mixedDigits(random, `${below(random, 1000)}.${below(random, 1000)}`),
    () => mixedDigits(random, BigInt.asUintN(64, BigInt(below(random, 2 ** 30)) * 8589934597n).toString()),
    () => mixedDigits(random, '9223372036854775807'),
    () => mixedDigits(random, '9223372036854775808'),
    () => `${below(random, 10)}e${below(random, 10)}`,
    () => `.${below(random, 10)}`,
    () => `${below(random, 10)}.`,
    () => `१।${below(random, 10)}`,
    () => '0.0',
    () => '-0.0',
    () => '1e400',
    () => `${'9'.repeat(below(random, 400))}.5`,
  ];
  const operators = [' + ', ' - ', ' * ', ' / ', ' // ', ' % ', ' ** ', ' == ', ' < ', ' र ', ' वा '];
  const terms: string[] = [];
  const count = 1 + below(random, random() < 0.1 ? 1200 : 8);
  for (let i = 0; i < count; i++) terms.push((random() < 0.2 ? '-' : '') + pick(random, literals)());
  let expression = terms[0];
  for (let i = 1; i < terms.length; i++) expression += pick(random, operators) + terms[i];
  return `देखाउ(${expression})\n`;
}

// ── generated well-formed programs ──

const NAMES = ['क', 'ख', 'ग', 'संख्या_१', 'total', 'नाम'];

function literal(random: Random): string {
  switch (below(random, 8)) {
    case 0:
      return mixedDigits(random, String(below(random, 100)));
    case 1:
      return mixedDigits(random, `${below(random, 100)}.${below(random, 100)}`);
    case 2:
      return `"${pick(random, ['', 'नमस्ते', 'a\\"b', 'क्ष', '\\u{1F600}', 'x\\ny'])}"`;
    case 3:
      return pick(random, ['सत्य', 'असत्य', 'खाली']);
    case 4:
      return `[${Array.from({ length: below(random, 4) }, () => mixedDigits(random, String(below(random, 10)))).join(', ')}]`;
    case 5:
      return `{"क": ${below(random, 9)}, "ख": ${below(random, 9)}}`;
    case 6:
      return mixedDigits(random, String(BigInt(below(random, 2 ** 31)) * BigInt(below(random, 2 ** 31))));
    default:
      return mixedDigits(random, String(below(random, 10)));
  }
}

function expression(random: Random, names: string[], depth: number): string {
  const leaf = () => (names.length && random() < 0.5 ? pick(random, names) : literal(random));
  if (depth <= 0 || random() < 0.3) return leaf();
  const sub = () => expression(random, names, depth - 1);
  switch (below(random, 7)) {
    case 0:
    case 1:
      return `(${sub()} ${pick(random, ['+', '-', '*', '/', '//', '%', '**'])} ${sub()})`;
    case 2:
      return `(${sub()} ${pick(random, ['==', '!=', '<', '<=', '>', '>='])} ${sub()})`;
    case 3:
      return `(${sub()} ${pick(random, ['र', 'वा'])} ${sub()})`;
    case 4:
      return `${pick(random, ['लम्बाइ', 'पाठ', 'प्रकार', 'निरपेक्ष', 'गोलो', 'दशमलव', 'पूर्णांक', 'संख्या', 'उल्टो', 'क्रमबद्ध', 'वर्गमूल'])}(${sub()})`;
    case 5:
      return `(-${sub()})`;
    default:
      return `${sub()}[${below(random, 3)}]`;
  }
}

/** A small program from the grammar: declarations, prints, branches, bounded loops, a function. */
export function generatedProgram(random: Random): string {
  const lines: string[] = [];
  const names: string[] = [];
  const statements = 1 + below(random, 8);
  if (random() < 0.3) {
    lines.push('कार्य दोब्बर(x)', '    फर्काउ x + x', 'अन्त्य');
  }
  for (let i = 0; i < statements; i++) {
    const fresh = NAMES.find((n) => !names.includes(n));
    const choice = below(random, 6);
    if (choice === 0 && fresh) {
      lines.push(`राख ${fresh} = ${expression(random, names, 3)}`);
      names.push(fresh);
    } else if (choice === 1) {
      lines.push(
        `यदि ${expression(random, names, 2)} भने`,
        `    देखाउ(${expression(random, names, 2)})`,
        'नत्र',
        `    लेख(${expression(random, names, 1)})`,
        'अन्त्य',
      );
    } else if (choice === 2) {
      lines.push(
        `हरेक i = ${below(random, 3)} देखि ${below(random, 6)} सम्म`,
        `    देखाउ(i, ${expression(random, [...names, 'i'], 2)})`,
        'अन्त्य',
      );
    } else if (choice === 3 && lines[0]?.startsWith('कार्य')) {
      lines.push(`देखाउ(दोब्बर(${expression(random, names, 2)}))`);
    } else if (choice === 4 && names.length) {
      lines.push(`${pick(random, names)} = ${expression(random, names, 2)}`);
    } else {
      lines.push(`देखाउ(${expression(random, names, 3)})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const CATEGORIES = ['tokens', 'mutated', 'unicode', 'numbers', 'generated'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The i-th fuzz input of a run (categories in turn), from one seeded generator. */
export function fuzzInput(random: Random, i: number, seeds: readonly string[]): { category: Category; source: string } {
  const category = CATEGORIES[i % CATEGORIES.length];
  switch (category) {
    case 'tokens':
      return { category, source: tokenSoup(random) };
    case 'mutated':
      return { category, source: mutate(seeds[below(random, seeds.length)], random) };
    case 'unicode':
      return { category, source: unicodeNoise(random, seeds) };
    case 'numbers':
      return { category, source: numberSoup(random) };
    default:
      return { category, source: generatedProgram(random) };
  }
}

/** The first thing wrong with a diagnostic's code, position or text, or null. */
export function diagnosticProblem(lines: string[], d: Diagnostic): string | null {
  if (!/^[EW][12]\d{3}$/.test(d.code)) return 'code';
  if (d.line < 1 || d.line > lines.length) return 'line';
  if (d.endLine < d.line || d.endLine > lines.length) return 'end line';
  if (d.column < 1 || d.column > lines[d.line - 1].length + 1) return 'column';
  if (d.endColumn < 1 || d.endColumn > lines[d.endLine - 1].length + 1) return 'end column';
  if (d.endLine === d.line && d.endColumn < d.column) return 'end before start';
  if (d.message.length === 0 || /\{\d\}/.test(d.message + d.messageEn)) return 'message';
  return null;
}
