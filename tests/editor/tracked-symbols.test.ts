// Declarations kept from an earlier analysis follow the edits made since, so completion's names
// in scope stay those of the text being typed: after each edit the tracked declarations must be
// where a fresh analysis of the new text finds them.
import { describe, expect, it } from 'vitest';
import { analyse } from '@/lib/compiler';
import { completionsAt, positionAfterEdit, TrackedSymbols, type TextEdit } from '@/lib/editor';

const PROGRAM = [
  'कार्य जोड(क, ख)',
  '    फर्काउ क + ख',
  'अन्त्य',
  '',
  'राख सूची = [१, २, ३]',
  'हरेक स सूची मा',
  '    देखाउ(जोड(स, १))',
  'अन्त्य',
].join('\n');

/** Applies an edit to a text (1-based range of the text before it). */
function apply(source: string, edit: TextEdit): string {
  const lines = source.split('\n');
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return (
    source.slice(0, offset(edit.startLine, edit.startColumn)) +
    edit.text +
    source.slice(offset(edit.endLine, edit.endColumn))
  );
}

const sorted = (symbols: readonly { name: string; line: number; column: number; scopeEnd: unknown }[]) =>
  [...symbols]
    .map(({ name, line, column, scopeEnd }) => ({ name, line, column, scopeEnd }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.name.localeCompare(b.name));

describe('positionAfterEdit', () => {
  it('leaves what is before the edit, moves what is after it, and puts what it replaced at its start', () => {
    const enter = { startLine: 2, startColumn: 5, endLine: 2, endColumn: 5, text: '\n    ' };
    expect(positionAfterEdit({ line: 1, column: 9 }, enter)).toEqual({ line: 1, column: 9 });
    expect(positionAfterEdit({ line: 2, column: 3 }, enter)).toEqual({ line: 2, column: 3 });
    expect(positionAfterEdit({ line: 2, column: 7 }, enter)).toEqual({ line: 3, column: 7 });
    expect(positionAfterEdit({ line: 5, column: 2 }, enter)).toEqual({ line: 6, column: 2 });
    const joinLines = { startLine: 2, startColumn: 10, endLine: 4, endColumn: 3, text: 'x' };
    expect(positionAfterEdit({ line: 3, column: 1 }, joinLines)).toEqual({ line: 2, column: 10 });
    expect(positionAfterEdit({ line: 4, column: 5 }, joinLines)).toEqual({ line: 2, column: 13 });
    expect(positionAfterEdit({ line: 6, column: 1 }, joinLines)).toEqual({ line: 4, column: 1 });
  });
});

describe('TrackedSymbols', () => {
  it.each<[string, TextEdit[]]>([
    [
      'a line typed inside the function',
      [{ startLine: 2, startColumn: 17, endLine: 2, endColumn: 17, text: '\n    राख ग = क' }],
    ],
    ['two lines inserted at the top', [{ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, text: '# क\n# ख\n' }]],
    ['an empty line removed above the loop', [{ startLine: 3, startColumn: 7, endLine: 4, endColumn: 1, text: '' }]],
    [
      'spaces typed before a declaration on its line',
      [{ startLine: 6, startColumn: 1, endLine: 6, endColumn: 1, text: '  ' }],
    ],
    [
      'two edits of one event (two cursors)',
      [
        { startLine: 7, startColumn: 1, endLine: 7, endColumn: 1, text: '\n' },
        { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, text: '\n\n' },
      ],
    ],
  ])('after %s, the declarations are where a new analysis finds them', (_, edits) => {
    const tracked = new TrackedSymbols();
    expect(tracked.get()).toBeUndefined();
    tracked.set(analyse(PROGRAM).symbols);
    tracked.edited(edits);
    // The edits of one event, applied to the text bottom-most first (each range is of the text before the event).
    const edited = [...edits]
      .sort((a, b) => b.startLine - a.startLine || b.startColumn - a.startColumn)
      .reduce(apply, PROGRAM);
    const fresh = analyse(edited).symbols.filter((s) => tracked.get()!.some((t) => t.name === s.name));
    expect(sorted(tracked.get()!)).toEqual(sorted(fresh));
  });

  it('clear() forgets them', () => {
    const tracked = new TrackedSymbols();
    tracked.set(analyse(PROGRAM).symbols);
    tracked.clear();
    expect(tracked.get()).toBeUndefined();
  });
});

describe('completion from tracked declarations', () => {
  it('offers the names in scope at the cursor without analysing the text', () => {
    const tracked = new TrackedSymbols();
    tracked.set(analyse(PROGRAM).symbols);
    // A new line at the end of the function's body, typed since the analysis.
    tracked.edited([{ startLine: 2, startColumn: 17, endLine: 2, endColumn: 17, text: '\n    ' }]);
    const at = (line: number, lineText: string) =>
      completionsAt({
        source: '',
        lineText,
        line,
        column: lineText.length + 1,
        uiLanguage: 'ne',
        analyse: () => {
          throw new Error('analysed');
        },
        symbols: tracked.get(),
      }).items.map((i) => i.label);
    // In the function: its parameters, not the loop's variable.
    expect(at(3, '    k')).toContain('क');
    expect(at(3, '    s')).not.toContain('स');
    // In the loop (two lines further down since the edit): the loop's variable, not the parameters.
    expect(at(8, '    s')).toContain('स');
    expect(at(8, '    k')).not.toContain('क');
  });
});
