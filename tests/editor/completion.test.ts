import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/compiler';
import { completionsAt } from '@/lib/editor';
import type { CompletionRequest } from '@/lib/editor';

/** Completion at the `|` in `text` (removed from the source). */
function completeAt(text: string, options: Partial<CompletionRequest> = {}) {
  const offset = text.indexOf('|');
  const source = text.slice(0, offset) + text.slice(offset + 1);
  const before = source.slice(0, offset).split('\n');
  return completionsAt({
    source,
    line: before.length,
    column: before[before.length - 1].length + 1,
    uiLanguage: 'ne',
    analyse,
    ...options,
  });
}

const labels = (result: ReturnType<typeof completeAt>) => result.items.map((item) => item.label);

describe('romanised prefixes', () => {
  it.each([
    ['yadi', 'यदि'],
    ['dekhau', 'देखाउ'],
    ['harek', 'हरेक'],
    ['jabasamma', 'जबसम्म'],
    ['dohoryau', 'दोहोर्याउ'],
    ['lambai', 'लम्बाइ'],
    ['antya', 'अन्त्य'],
  ])('%s offers %s', (typed, expected) => {
    const result = completeAt(`${typed}|`);
    expect(labels(result)).toContain(expected);
    const item = result.items.find((i) => i.label === expected)!;
    // Monaco filters the typed word against filterText, so it must begin with what was typed.
    expect(item.filterText.toLowerCase().startsWith(typed)).toBe(true);
    expect(result.incomplete).toBe(true);
  });

  it('a partial romanised word already matches', () => {
    expect(labels(completeAt('dek|'))).toEqual(expect.arrayContaining(['देखाउ', 'देखि']));
  });

  it('long and short vowels are interchangeable', () => {
    expect(labels(completeAt('dekhaau|'))).toContain('देखाउ');
    expect(labels(completeAt('kaarya|'))).toContain('कार्य');
  });

  it('offers nothing unrelated', () => {
    const result = completeAt('yadi|');
    expect(labels(result)).not.toContain('देखाउ');
    expect(completeAt('xyzq|').items).toEqual([]);
  });
});

describe('Devanagari prefixes', () => {
  it('matches words that start with the prefix', () => {
    const result = completeAt('दे|');
    expect(labels(result)).toEqual(expect.arrayContaining(['देखाउ', 'देखि']));
    expect(labels(result)).not.toContain('यदि');
    expect(result.incomplete).toBe(true); // asked again each key, so a word typed in full drops its own entry
  });

  it('matches across the anusvara / class-nasal spellings', () => {
    expect(labels(completeAt('सङ्ख|'))).toContain('संख्या');
  });
});

describe('names in scope', () => {
  const program = ['राख फल = १', 'कार्य जोडफल(क, ख)', '    राख भित्री = क', '    |', 'अन्त्य'].join('\n');

  it('offers variables, parameters and functions visible at the cursor', () => {
    const result = completeAt(program);
    expect(labels(result)).toEqual(expect.arrayContaining(['फल', 'जोडफल', 'क', 'ख', 'भित्री']));
    expect(result.items.find((i) => i.label === 'क')!.kind).toBe('parameter');
    expect(result.items.find((i) => i.label === 'जोडफल')!.kind).toBe('function');
  });

  it('drops names whose block has ended', () => {
    const after = program.replace('    |', '    देखाउ(क)') + '\n|';
    const result = completeAt(after);
    expect(labels(result)).toContain('फल');
    expect(labels(result)).not.toContain('भित्री');
    expect(labels(result)).not.toContain('क');
  });

  it('an inner declaration shadows an outer one of the same name', () => {
    const result = completeAt('राख क = १\nयदि सत्य भने\n    राख क = २\n    |\nअन्त्य');
    const named = result.items.filter((i) => i.label === 'क');
    expect(named).toHaveLength(1);
  });

  it('does not offer a name at its own declaration', () => {
    expect(labels(completeAt('राख फलफूल| = १'))).not.toContain('फलफूल');
  });

  it('offers a function before its definition', () => {
    const result = completeAt('जोड|\nकार्य जोडफल()\nअन्त्य');
    expect(labels(result)).toContain('जोडफल');
  });

  it('finds a user name by its romanised spelling', () => {
    expect(labels(completeAt('राख फल = १\nphal|'))).toContain('फल');
  });

  it('works without an analyser (keywords and builtins only)', () => {
    const result = completeAt('राख फल = १\nफ|', { analyse: undefined });
    expect(labels(result)).toContain('फर्काउ');
    expect(labels(result)).not.toContain('फल');
  });

  it('user names sort before keywords and builtins', () => {
    const items = completeAt(program).items;
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(['variable', 'parameter', 'function', 'constant']).toContain(sorted[0].kind);
  });
});

describe('replace ranges', () => {
  it('covers a Latin word typed so far', () => {
    const { word } = completeAt('    yadi|');
    expect(word).toMatchObject({ startColumn: 5, endColumn: 9, prefix: 'yadi' });
  });

  it('covers a whole Devanagari word with the cursor inside it', () => {
    const { word } = completeAt('क = दे|खाउ(१)');
    expect(word).toMatchObject({ startColumn: 5, endColumn: 10, prefix: 'दे', word: 'देखाउ' });
  });

  it('is empty at a word boundary', () => {
    const { word } = completeAt('देखाउ(|)');
    expect(word).toMatchObject({ startColumn: 7, endColumn: 7, prefix: '' });
  });
});

describe('snippets', () => {
  it('yadi offers the if blocks with tab stops', () => {
    const snippets = completeAt('yadi|').items.filter((i) => i.kind === 'snippet');
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    for (const snippet of snippets) {
      expect(snippet.isSnippet).toBe(true);
      expect(snippet.insertText).toMatch(/^यदि \$\{1:[^}]+\} भने\n/);
      expect(snippet.insertText).toMatch(/\nअन्त्य$/);
    }
  });

  it('harek offers the range and the मा forms', () => {
    const bodies = completeAt('harek|')
      .items.filter((i) => i.kind === 'snippet')
      .map((i) => i.insertText);
    expect(bodies.some((b) => /देखि .* सम्म/.test(b))).toBe(true);
    expect(bodies.some((b) => / मा\n/.test(b))).toBe(true);
  });

  it.each(['jabasamma', 'karya', 'dohoryau'])('%s offers a block', (typed) => {
    const snippet = completeAt(`${typed}|`).items.find((i) => i.kind === 'snippet')!;
    expect(snippet.insertText).toContain('$0');
    expect(snippet.insertText.endsWith('अन्त्य')).toBe(true);
  });
});

describe('UI language', () => {
  it('describes items in the chosen language', () => {
    const ne = completeAt('dekhau|').items.find((i) => i.label === 'देखाउ')!;
    const en = completeAt('dekhau|', { uiLanguage: 'en' }).items.find((i) => i.label === 'देखाउ')!;
    expect(ne.documentation).toMatch(/[\u0900-\u097F]/);
    expect(en.documentation).toMatch(/^[\x20-\x7E\u0900-\u097F…]*[A-Za-z]/);
    expect(en.documentation).not.toBe(ne.documentation);
  });
});

describe('snippet bodies', () => {
  it('are valid Sajilo once their placeholders are filled', async () => {
    const { check } = await import('@/lib/compiler');
    const { SNIPPETS } = await import('@/lib/editor');
    for (const snippet of SNIPPETS) {
      const filled = snippet.body
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d/g, '')
        .replace('शर्त', 'सत्य')
        .replace('सूची', '[१]')
        .replace(/\t\n/g, '\tदेखाउ(१)\n');
      const errors = check(filled).filter((d) => d.severity === 'error');
      expect(errors, `${snippet.label}\n${filled}`).toEqual([]);
    }
  });
});

describe('a word already typed in full', () => {
  it.each(['भने|', 'देखाउ|', 'राख|', 'राख क = ख\nख|'])('offers nothing that inserts the same word (%s)', (text) => {
    const word = text.split('\n').pop()!.replace('|', '');
    expect(
      completeAt(text)
        .items.filter((i) => !i.isSnippet)
        .map((i) => i.insertText),
    ).not.toContain(word);
  });

  it('still offers longer words and snippets', () => {
    const source = 'राख ख = १\n|';
    expect(labels(completeAt(source.replace('|', 'ख|')))).toContain('खाली');
    expect(completeAt('यदि|').items.some((i) => i.isSnippet)).toBe(true);
  });
});
