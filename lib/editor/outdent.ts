// Where a line that closes or branches a block belongs: at its opener's indentation. The
// editor applies it the moment अन्त्य, नत्र or `नत्र यदि` is typed (components/ide).
// Monaco-free.
import { findBlocks } from './blocks';
import { DECREASE_INDENT } from './indentation';

const LEADING_WHITESPACE = /^[ \t]*/;

/**
 * The indentation of the block opener that the first word of `line` (1-based) closes or
 * branches, or null when the line does not start with अन्त्य/नत्र or has no open block.
 * `source` may end after `line` (the lines below it change nothing).
 */
export function closingLineIndentation(source: string, line: number): string | null {
  const lines = source.split(/\r?\n/);
  const text = lines[line - 1];
  if (text === undefined || !DECREASE_INDENT.test(text)) return null;
  const firstWordColumn = LEADING_WHITESPACE.exec(text)![0].length + 1;
  // What a line closes depends on the lines up to it only: the rest is not read (a keystroke's
  // work in a long program).
  for (const block of findBlocks(lines.slice(0, line).join('\n'))) {
    const sites = block.closer ? [...block.branches, block.closer] : block.branches;
    if (sites.some((site) => site.line === line && site.column === firstWordColumn)) {
      return LEADING_WHITESPACE.exec(lines[block.opener.line - 1])![0];
    }
  }
  return null;
}

/**
 * Whether an insertion of `inserted` ending at `column` (1-based, just after it) on a line
 * now reading `lineText` is what made the line a closing one: re-indenting only then leaves
 * an indentation the person chose alone.
 */
export function insertionMadeClosingLine(lineText: string, inserted: string, column: number): boolean {
  if (inserted.includes('\n') || !DECREASE_INDENT.test(lineText)) return false;
  const start = column - 1 - inserted.length;
  if (start < 0 || lineText.slice(start, column - 1) !== inserted) return false;
  return !DECREASE_INDENT.test(lineText.slice(0, start) + lineText.slice(column - 1));
}
