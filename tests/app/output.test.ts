import { describe, expect, test } from 'vitest';
import { runtimeErrorPosition } from '@/components/ide/runtime-error';
import { visibleText } from '@/components/ide/output-panel';
import { needsUndoStop } from '@/components/ide/keyboard-bridge';
import { nextLayout, LAYOUT_CHOICES } from '@/components/ide/layout-choice';

describe('runtime error position from stderr (docs/interfaces.md format)', () => {
  test('reads line and column from the English line', () => {
    const stderr = 'रनटाइम त्रुटि (पङ्क्ति ३, स्तम्भ ५): शून्यले भाग गर्न मिल्दैन\nRuntime error at line 3, column 5: division by zero\n';
    expect(runtimeErrorPosition(stderr)).toEqual({ line: 3, column: 5 });
  });
  test('no position, no link', () => {
    expect(runtimeErrorPosition('Segmentation fault')).toBeNull();
    expect(runtimeErrorPosition('')).toBeNull();
    expect(runtimeErrorPosition('at line 0, column 0')).toBeNull();
  });
});

describe('program output is shown as text', () => {
  test('terminal escapes and other control characters become visible symbols', () => {
    expect(visibleText('\u001b[31mred\u001b[0m')).toBe('␛[31mred␛[0m');
    expect(visibleText('a\u0000b\u0007')).toBe('a␀b␇');
    expect(visibleText('\u007f')).toBe('␡');
  });
  test('newlines, tabs and Devanagari are kept', () => {
    expect(visibleText('क\tख\nग')).toBe('क\tख\nग');
  });
});

describe('undo stops for mapped typing', () => {
  test('a stop when a word starts and at every separator, none inside a word', () => {
    expect(needsUndoStop('', 'क')).toBe(true);
    expect(needsUndoStop(' ', 'क')).toBe(true);
    expect(needsUndoStop('क', 'ा')).toBe(false);
    expect(needsUndoStop('क', ' ')).toBe(true);
    expect(needsUndoStop('क', '(')).toBe(true);
    expect(needsUndoStop('(', '"')).toBe(true);
    expect(needsUndoStop('\n', 'द')).toBe(true);
  });
});

describe('layout cycle', () => {
  test('walks every layout and comes back', () => {
    let l = LAYOUT_CHOICES[0];
    const seen = new Set<string>();
    for (let i = 0; i < LAYOUT_CHOICES.length; i++) { seen.add(l); l = nextLayout(l); }
    expect(seen.size).toBe(LAYOUT_CHOICES.length);
    expect(l).toBe(LAYOUT_CHOICES[0]);
    expect(LAYOUT_CHOICES).toContain('off');
  });
});
