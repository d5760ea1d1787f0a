import { describe, expect, it } from 'vitest';
import { BUILTINS, KEYWORDS } from '@/lib/compiler';
import { hoverAt } from '@/lib/editor';

const builtin = (name: string) => BUILTINS.find((b) => b.name === name)!;
const keyword = (word: string) => KEYWORDS.find((k) => k.word === word)!;

describe('hover', () => {
  it('documents a builtin with its signature, Nepali first by default', () => {
    const hover = hoverAt('    देखाउ("नमस्ते")', 6, 'ne')!;
    expect(hover).toMatchObject({ startColumn: 5, endColumn: 10 });
    expect(hover.contents[0]).toContain(builtin('देखाउ').signature);
    expect(hover.contents[1]).toBe(builtin('देखाउ').docNe);
    expect(hover.contents[2]).toContain(builtin('देखाउ').docEn);
  });

  it('puts English first when the UI is in English', () => {
    const hover = hoverAt('लम्बाइ(x)', 1, 'en')!;
    expect(hover.contents[1]).toBe(builtin('लम्बाइ').docEn);
    expect(hover.contents[2]).toContain(builtin('लम्बाइ').docNe);
  });

  it('documents a keyword with its romanised form and meaning', () => {
    const hover = hoverAt('जबसम्म क < ३', 3, 'en')!;
    expect(hover.contents[0]).toContain('जबसम्म');
    expect(hover.contents[0]).toContain(keyword('जबसम्म').roman);
    expect(hover.contents[1]).toBe(keyword('जबसम्म').meaningEn);
  });

  it('recognises the other spelling of a builtin', () => {
    expect(hoverAt('सङ्ख्या(x)', 2, 'ne')!.contents[0]).toContain('संख्या');
  });

  it('has nothing for user names, numbers or blank space', () => {
    expect(hoverAt('राख फल = १', 6, 'ne')).toBeNull();
    expect(hoverAt('राख फल = १', 10, 'ne')).toBeNull();
    expect(hoverAt('   ', 2, 'ne')).toBeNull();
  });
});

describe('hover on user names', () => {
  const source = 'राख फल = १\nकार्य दोब्बर(क)\n    फर्काउ क * २\nअन्त्य\nदेखाउ(दोब्बर(फल))';

  it('says what the name is and where it was declared, in the UI language', async () => {
    const { analyse } = await import('@/lib/compiler');
    const { symbolHoverAt, symbolsInScope } = await import('@/lib/editor');
    const visible = symbolsInScope(analyse(source).symbols, 5, 15);
    const ne = symbolHoverAt('देखाउ(दोब्बर(फल))', 15, visible, 'ne')!;
    expect(ne).toMatchObject({ startColumn: 14, endColumn: 16 });
    expect(ne.contents[0]).toBe('**फल** — चल, पङ्क्ति १ मा घोषणा');
    const en = symbolHoverAt('देखाउ(दोब्बर(फल))', 8, symbolsInScope(analyse(source).symbols, 5, 8), 'en')!;
    expect(en.contents[0]).toBe('**दोब्बर** — function, declared on line 2');
  });

  it('knows nothing of names out of scope', async () => {
    const { analyse } = await import('@/lib/compiler');
    const { symbolHoverAt, symbolsInScope } = await import('@/lib/editor');
    const visible = symbolsInScope(analyse(source + '\nदेखाउ(क)').symbols, 6, 8);
    expect(symbolHoverAt('देखाउ(क)', 8, visible, 'ne')).toBeNull();
  });
});
