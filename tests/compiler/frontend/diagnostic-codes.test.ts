// Every diagnostic in the table, produced by a small program, at its exact line and column.
// A code added to the table without a case here fails the last test.
import { describe, expect, it } from 'vitest';
import { check, type Diagnostic } from '@/lib/compiler';
import { Messages } from '@/lib/compiler/frontend/diagnostics';

interface Case {
  code: string;
  source: string;
  line: number;
  column: number;
  endColumn?: number;
  includes?: string; // a fragment the English message must contain
}

// A function with one parameter more than the limit: the error points at the first one too many.
const PARAMETERS = Array.from({ length: 201 }, (_, i) => `p${i}`);
const TOO_MANY_PARAMETERS = `कार्य f(${PARAMETERS.join(', ')})\nअन्त्य`;
const FIRST_EXTRA_COLUMN = 'कार्य f('.length + 1 + PARAMETERS.slice(0, 200).join(', ').length + 2;

// Codes that no program can produce on its own: E9001 comes from the server's worker pool when
// a job runs out of its budget (tests/run/front-end-pool.test.ts).
const NOT_FROM_A_PROGRAM = new Set(['E9001']);

const CASES: Case[] = [
  { code: 'E1001', source: 'देखाउ(१) $', line: 1, column: 10, endColumn: 11 },
  { code: 'E1002', source: 'देखाउ("नमस्ते)', line: 1, column: 7 },
  { code: 'E1003', source: 'देखाउ("a\\qb")', line: 1, column: 9, endColumn: 11, includes: '\\q' },
  { code: 'E1004', source: 'देखाउ("\\u{110000}")', line: 1, column: 8 },
  { code: 'E1004', source: 'देखाउ("\\u{D800}")', line: 1, column: 8 },
  { code: 'E1004', source: 'देखाउ("\\u{}")', line: 1, column: 8 },
  { code: 'E1005', source: 'राख x = 9223372036854775808\nदेखाउ(x)', line: 1, column: 9 },
  { code: 'E1006', source: 'देखाउ(१)।', line: 1, column: 9 },
  { code: 'E1007', source: 'राख x = १.\nदेखाउ(x)', line: 1, column: 9 },
  { code: 'E1007', source: 'देखाउ(.५)', line: 1, column: 7 },
  { code: 'E1008', source: 'यदि सत्य && असत्य भने\nअन्त्य', line: 1, column: 10, includes: 'र' },
  { code: 'E1009', source: 'राख पाई = ३।१४\nदेखाउ(पाई * २)', line: 1, column: 12 },
  { code: 'E1010', source: 'राख ल = [१]\nल[०] += १', line: 2, column: 6, includes: '"+="' },
  { code: 'E1010', source: 'राख क = १\nक *= २\nदेखाउ(क)', line: 2, column: 3, includes: '"a = a * b"' },
  { code: 'E1101', source: 'राख x =', line: 1, column: 8, includes: 'end of the program' },
  { code: 'E1102', source: 'कार्य f क)\nअन्त्य', line: 1, column: 9, includes: 'Expected "("' },
  { code: 'E1103', source: 'देखाउ(०)\nयदि सत्य भने\n  देखाउ(१)\n', line: 2, column: 1, includes: 'line 2' },
  { code: 'E1104', source: 'देखाउ(1 < 2 < 3)', line: 1, column: 13 },
  { code: 'E1105', source: '१ = २', line: 1, column: 1 },
  { code: 'E1106', source: 'देखाउ(१) देखाउ(२)', line: 1, column: 10 },
  { code: 'E1107', source: 'अन्त्य', line: 1, column: 1 },
  {
    code: 'E1108',
    source: 'राख फलहरू = [1]\nहरेक फल फलहरूमा\n  देखाउ(फल)\nअन्त्य',
    line: 2,
    column: 9,
    includes: '"फलहरू मा"',
  },
  { code: 'E1109', source: 'राखु x = 5\nदेखाउ(x)', line: 1, column: 1, includes: '"राख"' },
  { code: 'E1110', source: 'देखाउ(१\nराख x = २\nदेखाउ(x)', line: 1, column: 6 },
  { code: 'E1111', source: 'राख x = 1\nयदि x = 5 भने\nअन्त्य', line: 2, column: 7 },
  { code: 'E1112', source: `देखाउ(${'('.repeat(300)}१${')'.repeat(300)})`, line: 1, column: 206, includes: '200' },
  { code: 'E1120', source: `देखाउ(${Array(1002).fill('१').join(' + ')})`, line: 1, column: 4009, includes: '1000' },
  {
    code: 'E1112',
    source: `${'यदि सत्य भने\n'.repeat(101)}देखाउ(१)\n${'अन्त्य\n'.repeat(101)}`,
    line: 101,
    column: 1,
    includes: '100',
  },
  { code: 'E2001', source: 'देखाउ(क)', line: 1, column: 7, endColumn: 8 },
  { code: 'E2002', source: 'राख गणना = 1\nदेखाउ(गणन)', line: 2, column: 7, includes: '"गणना"' },
  { code: 'E2003', source: 'राख फल = [1]\nदेखाउ(फलमा)', line: 2, column: 7, includes: '"फल मा"' },
  { code: 'E2004', source: 'राख x = 1\nराख x = 2\nदेखाउ(x)', line: 2, column: 5, includes: 'line 1' },
  { code: 'E2005', source: 'स्थिर x = 1\nx = 2', line: 2, column: 1 },
  { code: 'E2006', source: 'कार्य f()\nअन्त्य\nf = 1', line: 3, column: 1 },
  { code: 'E2007', source: 'लम्बाइ(1, 2)', line: 1, column: 1, includes: 'takes 1 argument(s), but 2' },
  { code: 'E2007', source: 'देखाउ(अधिकतम())', line: 1, column: 7, includes: 'at least 1' },
  { code: 'E2007', source: 'कार्य f(क)\nअन्त्य\nf()', line: 3, column: 1, includes: 'takes 1 argument(s), but 0' },
  { code: 'E2008', source: 'रोक', line: 1, column: 1 },
  { code: 'E2009', source: 'यदि सत्य भने\n  जारी\nअन्त्य', line: 2, column: 3 },
  { code: 'E2010', source: 'फर्काउ', line: 1, column: 1 },
  { code: 'E2011', source: 'कार्य f()\n  कार्य g()\n  अन्त्य\nअन्त्य', line: 2, column: 9 },
  { code: 'E2012', source: 'देखाउ(x)\nराख x = 1', line: 1, column: 7, includes: 'line 2' },
  { code: 'E2014', source: 'देखाउ = 1', line: 1, column: 1 },
  { code: 'E2015', source: 'कार्य f(a, a)\n  देखाउ(a)\nअन्त्य', line: 1, column: 12 },
  { code: 'E2016', source: 'गन्ती = ०\nगन्ती = गन्ती + १\nदेखाउ(गन्ती)', line: 1, column: 1, includes: 'राख गन्ती' },
  { code: 'E2017', source: TOO_MANY_PARAMETERS, line: 1, column: FIRST_EXTRA_COLUMN, includes: 'at most 200' },
  { code: 'W2101', source: 'राख x = 1', line: 1, column: 5 },
  { code: 'W2102', source: 'राख लम्बाइ = 1\nदेखाउ(लम्बाइ)', line: 1, column: 5 },
  { code: 'W2103', source: 'कार्य f()\n  फर्काउ 1\n  देखाउ(2)\nअन्त्य', line: 3, column: 3 },
  { code: 'W2104', source: 'देखाउ("उमेर: " + १५)', line: 1, column: 16 },
  { code: 'W2104', source: 'राख क = १ + "x"\nदेखाउ(क)', line: 1, column: 11 },
  { code: 'W2105', source: 'राख क = ५\nदेखाउ(क // ०, क)', line: 2, column: 12 },
  { code: 'W2106', source: 'जबसम्म १\n  रोक\nअन्त्य', line: 1, column: 8 },
  { code: 'W2106', source: 'राख क = सत्य\nयदि क र "हो" भने\nअन्त्य', line: 2, column: 9 },
];

// The source with the diagnostic's range replaced by its quick fix.
function applyFix(source: string, d: Diagnostic): string {
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const offset = (line: number, column: number) => lineStarts[line - 1] + column - 1;
  return source.slice(0, offset(d.line, d.column)) + d.replacement + source.slice(offset(d.endLine, d.endColumn));
}

describe('diagnostic codes', () => {
  it.each(CASES.map((c) => [c.code, c] as const))('%s is reported where it happens', (_, c) => {
    const diagnostics = check(c.source);
    const found = diagnostics.filter((d) => d.code === c.code);
    expect(found, JSON.stringify(diagnostics)).toHaveLength(1);
    const [d] = found;
    expect({ line: d.line, column: d.column }).toEqual({ line: c.line, column: c.column });
    if (c.endColumn !== undefined) expect(d.endColumn).toBe(c.endColumn);
    if (c.includes) expect(d.messageEn).toContain(c.includes);
    expect(d.message).not.toMatch(/\{\d\}/);
    expect(d.messageEn).not.toMatch(/\{\d\}/);
  });

  it('reports each case with no other error (no cascades)', () => {
    for (const c of CASES) {
      const others = check(c.source).filter((d) => d.code !== c.code && d.severity === 'error');
      expect(others, c.source).toEqual([]);
    }
  });

  it('offers quick fixes that remove the error they are attached to', () => {
    let fixes = 0;
    for (const c of CASES) {
      for (const d of check(c.source).filter((x) => x.replacement !== undefined)) {
        const fixed = applyFix(c.source, d);
        expect(
          check(fixed).filter((x) => x.severity === 'error'),
          `${c.source} → ${fixed}`,
        ).toEqual([]);
        fixes++;
      }
    }
    expect(fixes).toBeGreaterThanOrEqual(8);
  });

  it('has a case for every code in the table, and codes are unique', () => {
    const tableCodes = Object.values(Messages).map((m) => m.code);
    expect(new Set(tableCodes).size).toBe(tableCodes.length);
    const tested = new Set(CASES.map((c) => c.code));
    expect(tableCodes.filter((code) => !tested.has(code) && !NOT_FROM_A_PROGRAM.has(code))).toEqual([]);
  });

  it('numbers the Nepali message with Devanagari digits', () => {
    const [d] = check('राख x = 1\nराख x = 2\nदेखाउ(x)');
    expect(d.message).toContain('पङ्क्ति १');
    expect(d.messageEn).toContain('line 1');
  });
});
