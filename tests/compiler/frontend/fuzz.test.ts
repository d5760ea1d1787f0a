// Random and mutated source: the front end must never throw, every diagnostic must point
// inside the text, and a program handed out must be fully resolved.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFrontEnd } from '@/lib/compiler/frontend';
import type { Diagnostic, Program } from '@/lib/compiler/frontend/ast';
import { KEYWORDS, BUILTINS } from '@/lib/compiler/language';
import { CORPUS } from './corpus';

// mulberry32: small, seeded, good enough to spread mutations.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  ...KEYWORDS.map((k) => ` ${k.word} `), ...BUILTINS.map((b) => b.name),
  '(', ')', '[', ']', '{', '}', ',', ':', ';', '=', '==', '<', '**', '-', '+', '//', '%', '"', '\\', '\\u{',
  '\n', '\r\n', '\r', '#', ' ', '\t', '।', '.', '१', '9', '९९९९९९९९९९९९९९९९९९९९', 'क', 'ख्', 'ं', 'ि', '्',
  '\u200d', '\u200c', '\u093c', 'e\u0301', '😀', '\ud800', 'x', '_', '&&', '!', '@', '\u0000', 'मा', 'देखि', 'सम्म',
];

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../../examples');

function seeds(): string[] {
  const examples = existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.saj')).map((f) => readFileSync(path.join(EXAMPLES_DIR, f), 'utf8'))
    : [];
  return [...CORPUS, ...examples];
}

function mutate(source: string, random: () => number): string {
  let text = source;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (text.length + 1));
    const length = Math.floor(random() * 12);
    const pick = random();
    if (pick < 0.3) text = text.slice(0, at) + text.slice(at + length);
    else if (pick < 0.6) text = text.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + text.slice(at);
    else if (pick < 0.8) text = text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
    else text = text.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x1000)) + text.slice(at);
  }
  return text;
}

function randomSource(random: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(random() * 40);
  for (let i = 0; i < count; i++) parts.push(FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]);
  return parts.join(random() < 0.5 ? ' ' : '');
}

// The first thing wrong with a diagnostic's position or text, or null.
function positionProblem(lines: string[], d: Diagnostic): string | null {
  if (!/^[EW][12]\d{3}$/.test(d.code)) return 'code';
  if (d.line < 1 || d.line > lines.length) return 'line';
  if (d.endLine < d.line || d.endLine > lines.length) return 'end line';
  if (d.column < 1 || d.column > lines[d.line - 1].length + 1) return 'column';
  if (d.endColumn < 1 || d.endColumn > lines[d.endLine - 1].length + 1) return 'end column';
  if (d.endLine === d.line && d.endColumn < d.column) return 'end before start';
  if (d.message.length === 0 || /\{\d\}/.test(d.message + d.messageEn)) return 'message';
  return null;
}

// Checked without expect() per item: thousands of cases must stay fast.
function checkPositions(source: string, diagnostics: Diagnostic[]): void {
  const lines = source.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const problem = positionProblem(lines, d);
    if (problem) expect.fail(`${problem}: ${JSON.stringify(source)} → ${JSON.stringify(d)}`);
  }
}

// A program handed to the back end has no unresolved name and no unresolved call.
function checkResolved(program: Program): void {
  JSON.stringify(program.body, (_, value) => {
    const unresolved = value && ((value.kind === 'Name' && value.binding.kind === 'unresolved')
      || (value.kind === 'Call' && value.target.kind === 'unresolved') || value.kind === 'Error');
    if (unresolved) expect.fail(`unresolved node in a clean program: ${JSON.stringify(value)}`);
    return typeof value === 'bigint' ? 0 : value;
  });
}

function run(source: string): void {
  const { program, diagnostics } = compileFrontEnd(source);
  checkPositions(source, diagnostics);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  if ((program === null) !== hasErrors) expect.fail(`program/errors mismatch: ${JSON.stringify(source)}`);
  if (program) checkResolved(program);
}

describe('front end under random input', () => {
  it('accepts every seed program without errors', () => {
    for (const source of seeds()) {
      const errors = compileFrontEnd(source).diagnostics.filter((d) => d.severity === 'error');
      expect(errors, source).toEqual([]);
    }
  });

  it('survives 3,000 mutations of real programs', () => {
    const random = prng(20261128);
    const sources = seeds();
    for (let i = 0; i < 3000; i++) run(mutate(sources[i % sources.length], random));
  });

  it('survives 2,000 random token soups', () => {
    const random = prng(7);
    for (let i = 0; i < 2000; i++) run(randomSource(random));
  });
});
