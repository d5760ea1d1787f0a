// The language's tables exist once, in the compiler front end (lib/compiler/language.ts and
// frontend/source.ts): the characters of names, the name key, the block keywords. These tests
// hold the editor, the lexer and the parser to the same answers, so a copy that drifts fails.
import { describe, expect, it } from 'vitest';
import {
  BLOCK_BRANCH_KEYWORD,
  BLOCK_CLOSING_KEYWORD,
  BLOCK_OPENING_KEYWORDS,
  BUILTINS,
  KEYWORDS,
  check,
} from '@/lib/compiler';
import { ENGLISH_EQUIVALENTS } from '@/lib/compiler/language';
import { DiagnosticBag } from '@/lib/compiler/frontend/diagnostics';
import { tokenize } from '@/lib/compiler/frontend/lexer';
import { nameKey, nameKeyOfText, normaliseSource } from '@/lib/compiler/frontend/source';
import { DECREASE_INDENT, findBlocks, INCREASE_INDENT, sajiloMonarch, TOKEN, WORD_PATTERN, wordAt } from '@/lib/editor';

const ZWJ = '\u200d';
const ZWNJ = '\u200c';

function firstToken(text: string) {
  return tokenize(normaliseSource(text), new DiagnosticBag())[0];
}

const monarchRules = sajiloMonarch(
  KEYWORDS.map((k) => k.word),
  BUILTINS.map((b) => b.name),
).tokenizer.root;
function monarchRule(token: string): RegExp {
  const rule = monarchRules.find((r) => Array.isArray(r) && r[1] === token) as [RegExp, string];
  return new RegExp(`^(?:${rule[0].source})`, 'u'); // Monarch compiles rules with `unicode: true`
}
const MONARCH_IDENTIFIER = monarchRule(TOKEN.identifier);
const MONARCH_KEYWORD = monarchRule(TOKEN.keyword);

// Whether each place takes `c` as part of the name `क<c>` or `x<c>`.
function nameVerdicts(c: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [label, start] of [
    ['devanagari', 'क'],
    ['latin', 'x'],
  ]) {
    const text = `${start}${c}`;
    const token = firstToken(text);
    out[`lexer ${label}`] = token.kind === 'identifier' && token.text === text.normalize('NFC');
    out[`word at ${label}`] = wordAt(text, 1).word === text;
    out[`word pattern ${label}`] = WORD_PATTERN.exec(text)?.[0] === text;
    out[`monarch ${label}`] = MONARCH_IDENTIFIER.exec(text)?.[0] === text;
  }
  return out;
}

// Whether each place still reads the keyword जबसम्म in `जबसम्म<c> क`.
function keywordVerdicts(c: string): Record<string, boolean> {
  const loop = `जबसम्म${c} क`;
  return {
    lexer: firstToken(loop).kind === 'keyword',
    monarch: MONARCH_KEYWORD.test(loop),
    indentation: INCREASE_INDENT.test(loop),
    blocks: findBlocks(`${loop}\nअन्त्य`).length === 1,
  };
}

function allEqual(verdicts: Record<string, boolean>, expected: boolean): Record<string, boolean> {
  return Object.fromEntries(Object.keys(verdicts).map((k) => [k, expected]));
}

function disagreeing(verdicts: Record<string, boolean>, reference: string): string[] {
  return Object.entries(verdicts)
    .filter(([, v]) => v !== verdicts[reference])
    .map(([k]) => k);
}

describe('the characters of names', () => {
  it.each([
    ['ZWJ', ZWJ, true],
    ['ZWNJ', ZWNJ, true],
    ['Devanagari digit', '९', true],
    ['nukta', '\u093c', true],
    ['vowel sign aa', 'ा', true],
    ['vowel sign i (Mc)', 'ि', true],
    ['virama', '्', true],
    ['anusvara', 'ं', true],
    ['candrabindu', 'ँ', true],
    ['visarga', 'ः', true],
    ['avagraha', 'ऽ', true],
    ['Latin digit', '7', true],
    ['underscore', '_', true],
    ['combining acute', '\u0301', true],
    ['Arabic-Indic digit', '\u0663', true],
    ['Gurmukhi nukta', '\u0a3c', true],
    ['danda', '।', false],
    ['double danda', '॥', false],
    ['abbreviation sign', '॰', false],
    ['enclosing circle (Me)', '\u20dd', false],
    ['space', ' ', false],
    ['no-break space', '\u00a0', false],
    ['zero-width space', '\u200b', false],
    ['hyphen', '-', false],
    ['Roman numeral (Nl)', 'Ⅳ', false],
  ])('%s: every place agrees it continues a name: %s', (_, c, continues) => {
    expect(nameVerdicts(c)).toEqual(allEqual(nameVerdicts(c), continues));
    // A joiner continues a keyword without changing it: names are compared without joiners.
    const keywordSurvives = !continues || c === ZWJ || c === ZWNJ;
    expect(keywordVerdicts(c)).toEqual(allEqual(keywordVerdicts(c), keywordSurvives));
  });

  it("the lexer's ASCII and Devanagari fast path agrees with the shared class on every character", () => {
    const disagreements: string[] = [];
    const ranges = [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x0900, 0x097f],
      [0x200b, 0x200f],
    ];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const c = String.fromCodePoint(code);
        if (c === '#' || c === '"') continue; // a comment or a text: another token anyway
        const odd = [...disagreeing(nameVerdicts(c), 'lexer devanagari'), ...disagreeing(keywordVerdicts(c), 'lexer')];
        if (odd.length > 0) disagreements.push(`U+${code.toString(16)}: ${odd.join(', ')} ≠ lexer`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('the name key', () => {
  it("is the front end's for the editor too, NFC included", () => {
    const decomposed = 'न\u093cाम'; // न + nukta: NFC composes it to ऩ
    expect(nameKeyOfText(decomposed)).toBe(nameKey('ऩाम'));
    expect(nameKeyOfText(`सङ्${ZWJ}ख्या`)).toBe(nameKey('संख्या'));
    expect(check(`राख ऩाम = १\nदेखाउ(${decomposed})`)).toEqual([]);
  });
});

// A header per block opener: adding an opener to language.ts without one here fails below.
const HEADERS: Record<string, string> = {
  यदि: 'यदि सत्य भने',
  जबसम्म: 'जबसम्म असत्य',
  हरेक: 'हरेक क [१] मा',
  दोहोर्याउ: 'दोहोर्याउ २ पटक',
  कार्य: 'कार्य फ()',
};

describe('block keywords', () => {
  it('every opener of language.ts has a header here, and only those', () => {
    expect(Object.keys(HEADERS).sort()).toEqual([...BLOCK_OPENING_KEYWORDS].sort());
  });

  it.each(Object.entries(HEADERS))('%s opens a block for the parser, folding and auto-indent', (_, header) => {
    expect(check(`${header}\n${BLOCK_CLOSING_KEYWORD}`).filter((d) => d.severity === 'error')).toEqual([]);
    expect(check(`${header}\n`).map((d) => d.code)).toContain('E1103'); // never closed
    expect(INCREASE_INDENT.test(header)).toBe(true);
    expect(findBlocks(`${header}\n${BLOCK_CLOSING_KEYWORD}`)).toHaveLength(1);
  });

  it('no other keyword at the start of a line indents the next one, opens or closes a fold', () => {
    const others = KEYWORDS.map((k) => k.word).filter((w) => !BLOCK_OPENING_KEYWORDS.includes(w));
    for (const word of others) {
      const line = `${word} क`;
      expect(INCREASE_INDENT.test(line), word).toBe(false);
      expect(DECREASE_INDENT.test(line), word).toBe(word === BLOCK_BRANCH_KEYWORD || word === BLOCK_CLOSING_KEYWORD);
      expect(findBlocks(`${line}\n${BLOCK_CLOSING_KEYWORD}`), word).toEqual([]);
    }
  });

  it('the branch and the closer are what the parser reads inside a block', () => {
    const blocks = findBlocks(`यदि सत्य भने\n${BLOCK_BRANCH_KEYWORD}\n${BLOCK_CLOSING_KEYWORD}`);
    expect(blocks[0].branches.map((b) => b.word)).toEqual([BLOCK_BRANCH_KEYWORD]);
    expect(check(`यदि सत्य भने\n${BLOCK_BRANCH_KEYWORD}\n${BLOCK_CLOSING_KEYWORD}`)).toEqual([]);
  });
});

describe('the words other languages carry over', () => {
  it('each names a keyword or a builtin of language.ts', () => {
    const words = new Set([...KEYWORDS.map((k) => k.word), ...BUILTINS.map((b) => b.name)]);
    expect(Object.values(ENGLISH_EQUIVALENTS).filter((w) => !words.has(w))).toEqual([]);
  });
});
