// When a line opens a block (the next line indents) and when a line closes or branches one
// (the line itself outdents). Plain regexes (flag u), so they are testable without Monaco.
import { BRANCH_KEYWORD, CLOSING_KEYWORD, OPENING_KEYWORDS } from './blocks';
import { keyword, NAME_CONTINUE_CLASS } from './compiler-bridge';
import { spellingPattern } from './spelling';

const END_OF_WORD = `(?![${NAME_CONTINUE_CLASS}])`;
const word = (text: string) => `${spellingPattern(text)}${END_OF_WORD}`;
const TRAILING_COMMENT = '(?:#.*)?';
/** The rest of a line that does not itself close the block (`…; अन्त्य`). */
const NOT_CLOSED_ON_LINE = `(?!.*;\\s*${word(CLOSING_KEYWORD)})`;

const IF = keyword('yadi');
// An if opens its block at the भने that ends its header; the other openers open it at once.
const IF_THEN = `(?:${word(BRANCH_KEYWORD)}\\s+)?${word(IF)}.*\\s${word(keyword('bhane'))}\\s*${TRAILING_COMMENT}`;
const ELSE = `${word(BRANCH_KEYWORD)}\\s*${TRAILING_COMMENT}`;
const LOOP_OR_FUNCTION = `(?:${OPENING_KEYWORDS.filter((opener) => opener !== IF)
  .map(word)
  .join('|')}).*`;

/** A line after which the next line is indented. */
export const INCREASE_INDENT = new RegExp(`^\\s*${NOT_CLOSED_ON_LINE}(?:${IF_THEN}|${ELSE}|${LOOP_OR_FUNCTION})$`, 'u');

/** A line that moves one level out of the block above it. */
export const DECREASE_INDENT = new RegExp(`^\\s*(?:${word(CLOSING_KEYWORD)}|${word(BRANCH_KEYWORD)})`, 'u');
