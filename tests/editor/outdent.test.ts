import { describe, expect, it } from 'vitest';
import { closingLineIndentation, insertionMadeClosingLine } from '@/lib/editor';

describe('closingLineIndentation', () => {
  it.each([
    ['यदि क भने\n    देखाउ(१)\n    अन्त्य', 3, ''],
    ['यदि क भने\n    देखाउ(१)\n        नत्र', 3, ''],
    ['यदि क भने\n    देखाउ(१)\n    नत्र यदि ख भने', 3, ''],
    ['कार्य फ()\n    जबसम्म सत्य\n        रोक\n        अन्त्य', 4, '    '],
    ['कार्य फ()\n    जबसम्म सत्य\n        रोक\n    अन्त्य\n    अन्त्य', 5, ''],
    ['\tयदि क भने\n\t\tक\n\t\tअन्त्य', 3, '\t'],
  ])('%j line %i goes to %j', (source, line, expected) => {
    expect(closingLineIndentation(source, line)).toBe(expected);
  });

  it.each([
    ['देखाउ(१)\n    अन्त्य', 2], // no open block
    ['यदि क भने\n    अन्त्यमा', 2], // a longer name, not the keyword
    ['यदि क भने\n    देखाउ("अन्त्य")', 2],
  ])('%j line %i stays', (source, line) => {
    expect(closingLineIndentation(source, line)).toBeNull();
  });

  it('gives the same with or without the lines below the line (the editor passes the text up to it)', () => {
    const source = 'कार्य फ()\n    जबसम्म सत्य\n        रोक\n        अन्त्य\n    देखाउ("(")\nअन्त्य\nअन्त्य';
    const upTo = (line: number) => source.split('\n').slice(0, line).join('\n');
    expect(closingLineIndentation(upTo(4), 4)).toBe('    ');
    expect(closingLineIndentation(source, 4)).toBe('    ');
    expect(closingLineIndentation(upTo(6), 6)).toBe('');
    expect(closingLineIndentation(source, 6)).toBe('');
  });
});

describe('insertionMadeClosingLine', () => {
  it('is true for the keystroke or word that completes the keyword', () => {
    expect(insertionMadeClosingLine('    अन्त्य', 'य', 11)).toBe(true);
    expect(insertionMadeClosingLine('    नत्र', 'नत्र', 9)).toBe(true);
  });
  it('is false for later typing on a line that already closed a block', () => {
    expect(insertionMadeClosingLine('    नत्र यदि', 'ि', 13)).toBe(false);
    expect(insertionMadeClosingLine('    अन्त्', '्', 10)).toBe(false);
    expect(insertionMadeClosingLine('    अन्त्य', 'x\n', 11)).toBe(false);
  });
});
