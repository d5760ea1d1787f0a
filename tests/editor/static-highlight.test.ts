// @vitest-environment jsdom
// The highlighting drawn before Monaco loads (lib/editor/static-highlight.ts) must colour every
// character as Monaco's own tokenizer does with the same Monarch rules and the IDE's theme:
// checked on every example program and every code block of the language guide.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSajilo, SAJILO_LANGUAGE_ID } from '@/lib/editor';
import type { MonacoApi } from '@/lib/editor';
import { highlightLines } from '@/lib/editor/static-highlight';
import { colourOf } from '@/components/ide/editor-themes';
import { loadMonaco } from './support/monaco';

let monaco: MonacoApi;

beforeAll(async () => {
  monaco = await loadMonaco();
  registerSajilo(monaco);
});

/** Per UTF-16 unit of each line, the theme rule that colours it ('' for the default colour). */
const colour = (token: string) => colourOf(token.replace(/\.saj$/, ''))?.token ?? '';

function monacoColours(source: string): string[][] {
  const lines = source.split('\n');
  return monaco.editor.tokenize(source, SAJILO_LANGUAGE_ID).map((tokens, i) => {
    const out: string[] = [];
    tokens.forEach((t, k) => {
      const end = k + 1 < tokens.length ? tokens[k + 1].offset : lines[i].length;
      for (let c = t.offset; c < end; c++) out.push(colour(t.type));
    });
    return out;
  });
}

function staticColours(source: string): string[][] {
  return highlightLines(source).map((spans) =>
    spans.flatMap((s) => Array.from({ length: s.text.length }, () => colour(s.token))),
  );
}

const root = path.resolve(__dirname, '../..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.saj'))
  .map((f) => [f, readFileSync(path.join(root, 'examples', f), 'utf8')] as const);
const guideBlocks = [
  ...readFileSync(path.join(root, 'docs', 'language.md'), 'utf8').matchAll(/```saj(?:ilo)?\n([\s\S]*?)```/g),
].map((m, i) => [`guide block ${i + 1}`, m[1]] as const);

describe('static highlighting matches Monaco', () => {
  it('has programs to compare', () => {
    expect(examples.length).toBeGreaterThan(5);
    expect(guideBlocks.length).toBeGreaterThan(5);
  });

  it.each<readonly [string, string]>([
    ...examples,
    ...guideBlocks,
    ['broken text', '"खुला\nराख क = "\\q" # x\n@@ ३.१४'],
  ])('%s', (_name, source) => {
    expect(staticColours(source)).toEqual(monacoColours(source));
  });

  it('keeps the text exactly, line by line', () => {
    for (const [, source] of examples) {
      expect(highlightLines(source).map((spans) => spans.map((s) => s.text).join(''))).toEqual(source.split('\n'));
    }
  });
});
