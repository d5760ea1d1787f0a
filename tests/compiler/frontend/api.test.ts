// lib/compiler/index.ts as the IDE uses it (docs/interfaces.md).
import { describe, expect, it } from 'vitest';
import { analyse, BUILTINS, check, KEYWORDS, ROMANISED_BUILTINS, ROMANISED_KEYWORDS } from '@/lib/compiler';
import { nameKey } from '@/lib/compiler/frontend/source';

describe('analyse', () => {
  it('lists user symbols with kind, declaration and scope end', () => {
    const source = [
      'राख ग = १',
      'कार्य f(a)',
      '  यदि a भने',
      '    राख भित्र = a',
      '    देखाउ(भित्र)',
      '  अन्त्य',
      '  फर्काउ ग',
      'अन्त्य',
      'स्थिर प = f(१)',
      'देखाउ(प)',
    ].join('\n');
    const { symbols, diagnostics } = analyse(source);
    expect(diagnostics).toEqual([]);
    const byName = Object.fromEntries(symbols.map((s) => [s.name, s]));
    expect(byName['ग']).toEqual({ name: 'ग', kind: 'variable', line: 1, column: 5, scopeEnd: { line: 10, column: 9 } });
    expect(byName['f']).toMatchObject({
      kind: 'function',
      line: 2,
      column: 7,
      scopeEnd: { line: 10, column: 9 },
      parameters: ['a'],
    });
    expect(byName['ग'].parameters).toBeUndefined();
    expect(byName['a']).toMatchObject({ kind: 'parameter', line: 2, column: 9, scopeEnd: { line: 8, column: 7 } });
    expect(byName['भित्र']).toMatchObject({ kind: 'variable', line: 4, scopeEnd: { line: 6, column: 9 } });
    expect(byName['प']).toMatchObject({ kind: 'constant', line: 9 });
  });

  it('still lists symbols when the program has errors', () => {
    const { symbols, diagnostics } = analyse('राख नाम = "क"\nदेखाउ(नाम +)\nराख उमेर = १');
    expect(diagnostics.map((d) => d.code)).toEqual(['E1101']);
    expect(symbols.map((s) => s.name)).toEqual(['नाम', 'उमेर']);
  });

  it('check returns the same diagnostics, never throwing on odd input', () => {
    for (const source of ['', '\n\n', '\ufeff', '"', '(((((', 'अन्त्य'.repeat(50), '\u0000\uffff\ud800']) {
      expect(() => check(source)).not.toThrow();
      expect(check(source)).toEqual(analyse(source).diagnostics);
    }
  });
});

describe('language tables', () => {
  it('has the 24 keywords of the design with romanised forms and meanings', () => {
    expect(KEYWORDS).toHaveLength(24);
    for (const k of KEYWORDS) {
      expect(k.roman).toMatch(/^[a-z]+$/);
      expect(k.meaningNe.length * k.meaningEn.length).toBeGreaterThan(0);
      expect(ROMANISED_KEYWORDS[k.roman]).toBe(k.word);
    }
    expect(ROMANISED_KEYWORDS.yadi).toBe('यदि');
  });

  it('has every builtin of the design with signature, docs and arity', () => {
    expect(BUILTINS).toHaveLength(27);
    const names = new Set(BUILTINS.map((b) => nameKey(b.name)));
    expect(names.size).toBe(BUILTINS.length);
    for (const b of BUILTINS) {
      expect(b.signature.startsWith(`${b.name}(`)).toBe(true);
      expect(b.maxArgs === null || b.maxArgs >= b.minArgs).toBe(true);
      expect(ROMANISED_BUILTINS[b.roman]).toBe(b.name);
    }
    expect(ROMANISED_BUILTINS.dekhau).toBe('देखाउ');
    expect(ROMANISED_BUILTINS.padha).toBe('पढ');
    expect(ROMANISED_BUILTINS.lambai).toBe('लम्बाइ');
  });

  it('reserves keywords: they cannot be names', () => {
    expect(check('राख यदि = १').map((d) => d.code)).toEqual(['E1102']);
  });
});

describe('browser safety', () => {
  it('imports nothing but its own modules (no Node built-ins, no packages)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../../lib/compiler');
    const files = [
      ...readdirSync(path.join(root, 'frontend'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(root, 'frontend', f)),
      path.join(root, 'index.ts'),
      path.join(root, 'language.ts'),
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
      const outside = specifiers.filter((s) => !s.startsWith('./') && s !== '../language');
      expect(outside, file).toEqual([]);
      expect(text, file).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
    }
  });
});

describe('quick fixes', () => {
  it('puts a word for an operator with the spaces it needs', () => {
    const [d] = check('देखाउ(!सत्य)');
    expect([d.code, d.replacement]).toEqual(['E1008', ' होइन ']);
    expect(check('देखाउ(सत्य && असत्य)')[0].replacement).toBe('र');
  });

  it('suggests राख for an assignment that creates a name', () => {
    const [d] = check('उमेर = १५\nदेखाउ(उमेर)');
    expect([d.code, d.replacement, d.column, d.endColumn]).toEqual(['E2016', 'राख उमेर', 1, 5]);
  });
});
