import { describe, expect, it } from 'vitest';
import { DECREASE_INDENT, INCREASE_INDENT } from '@/lib/editor';

describe('indent after a block opener', () => {
  it.each([
    'यदि क > ० भने',
    '    नत्र यदि क < ० भने',
    'नत्र',
    'नत्र # बाँकी अवस्था',
    'जबसम्म क < १०',
    'हरेक i = १ देखि १० सम्म',
    'हरेक फल फलहरू मा',
    'दोहोर्याउ ३ पटक',
    'दोहोर्\u200Dयाउ ३ पटक',
    'कार्य जोडफल(क, ख)',
    'यदि क > ० भने # टिप्पणी',
  ])('%s', (line) => {
    expect(INCREASE_INDENT.test(line)).toBe(true);
  });
});

describe('no indent', () => {
  it.each([
    'यदि क > ० भने; देखाउ(क); अन्त्य',
    'यदि क > ०',
    'देखाउ("यदि")',
    'राख यदिको = १',
    'नत्रभने = १',
    '# यदि क भने',
    'कार्यहरू = [१]',
  ])('%s', (line) => {
    expect(INCREASE_INDENT.test(line)).toBe(false);
  });
});

describe('outdent', () => {
  it.each(['अन्त्य', '    अन्त्य', '    नत्र', '    नत्र यदि क भने', '    अंत्य'])('%s', (line) => {
    expect(DECREASE_INDENT.test(line)).toBe(true);
  });

  it.each(['    अन्त्यमा = १', '    देखाउ(अन्त्य)', '    नत्रको = २'])('not %s', (line) => {
    expect(DECREASE_INDENT.test(line)).toBe(false);
  });
});
