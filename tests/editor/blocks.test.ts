import { describe, expect, it } from 'vitest';
import { findBlocks, foldingRanges, matchingKeywords } from '@/lib/editor';

const PROGRAM = [
  'कार्य जाँच(क)', // 1
  '    यदि क > ० भने', // 2
  '        देखाउ("धनात्मक")', // 3
  '    नत्र यदि क < ० भने', // 4
  '        देखाउ("ऋणात्मक")', // 5
  '    नत्र', // 6
  '        देखाउ("शून्य")', // 7
  '    अन्त्य', // 8
  'अन्त्य', // 9
  'हरेक i = १ देखि ३ सम्म', // 10
  '    जाँच(i) # अन्त्य यहाँ होइन', // 11
  'अन्त्य', // 12
].join('\n');

describe('block structure', () => {
  it('pairs each opener with its branches and its अन्त्य', () => {
    const blocks = findBlocks(PROGRAM);
    expect(blocks.map((b) => [b.opener.word, b.opener.line, b.branches.map((x) => x.line), b.closer?.line])).toEqual([
      ['कार्य', 1, [], 9],
      ['यदि', 2, [4, 6], 8],
      ['हरेक', 10, [], 12],
    ]);
  });

  it('records keyword columns for highlighting', () => {
    const [, ifBlock] = findBlocks(PROGRAM);
    expect(ifBlock.opener).toMatchObject({ line: 2, column: 5, endColumn: 8 });
    expect(ifBlock.closer).toMatchObject({ line: 8, column: 5, endColumn: 11 });
  });

  it('ignores keywords in texts, comments and the middle of statements', () => {
    const blocks = findBlocks('देखाउ("यदि अन्त्य")\n# जबसम्म\nराख क = "हरेक"\n');
    expect(blocks).toEqual([]);
  });

  it('understands statements joined with ;', () => {
    const [block] = findBlocks('यदि सत्य भने; देखाउ(१); अन्त्य');
    expect(block.closer).toMatchObject({ line: 1, column: 25 });
  });

  it('does not treat a bracketed continuation line as a statement', () => {
    const blocks = findBlocks('राख क = [\n  जबसम्म\n]\n');
    expect(blocks).toEqual([]);
  });

  it('leaves an unclosed block open', () => {
    const [block] = findBlocks('जबसम्म सत्य\n    देखाउ(१)\n');
    expect(block.closer).toBeNull();
  });

  it('accepts the ZWJ spelling of दोहोर्याउ and अंत्य for अन्त्य', () => {
    const [block] = findBlocks('दोहोर्\u200Dयाउ ३ पटक\n    देखाउ(१)\nअंत्य');
    expect(block.closer?.line).toBe(3);
  });
});

describe('folding', () => {
  it('folds each branch up to the line before the next keyword', () => {
    expect(foldingRanges(findBlocks(PROGRAM))).toEqual([
      { start: 1, end: 8 },
      { start: 2, end: 3 },
      { start: 4, end: 5 },
      { start: 6, end: 7 },
      { start: 10, end: 11 },
    ]);
  });

  it('does not fold unclosed blocks or one-line blocks', () => {
    expect(foldingRanges(findBlocks('जबसम्म सत्य\n    देखाउ(१)\n'))).toEqual([]);
    expect(foldingRanges(findBlocks('यदि सत्य भने; अन्त्य'))).toEqual([]);
  });
});

describe('matching keywords', () => {
  it('from अन्त्य finds its opener and branches', () => {
    const sites = matchingKeywords(findBlocks(PROGRAM), 8, 7)!;
    expect(sites.map((s) => [s.word, s.line])).toEqual([
      ['यदि', 2],
      ['नत्र', 4],
      ['नत्र', 6],
      ['अन्त्य', 8],
    ]);
  });

  it('from an opener finds its own अन्त्य, not an inner one', () => {
    const sites = matchingKeywords(findBlocks(PROGRAM), 1, 1)!;
    expect(sites.map((s) => s.line)).toEqual([1, 9]);
  });

  it('finds nothing away from block keywords', () => {
    expect(matchingKeywords(findBlocks(PROGRAM), 3, 12)).toBeNull();
  });
});
