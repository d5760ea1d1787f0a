import { describe, expect, it } from 'vitest';
import { caretContext } from '@/lib/editor';

describe('caretContext', () => {
  it.each([
    ['', 'code'],
    ['देखाउ(', 'code'],
    ['देखाउ("नम', 'string'],
    ['देखाउ("नम")', 'code'],
    ['देखाउ("a\\"b', 'string'],
    ['देखाउ("a\\\\"', 'code'],
    ['राख क = १ # टिप', 'comment'],
    ['देखाउ("#") ', 'code'],
    ['देखाउ("# not a comment', 'string'],
    ['# "', 'comment'],
  ])('%j → %s', (line, expected) => {
    expect(caretContext(line)).toBe(expected);
  });
});
