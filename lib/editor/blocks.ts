// Block structure of a Sajilo source: which keyword opens a block, its नत्र branches and the
// अन्त्य that closes it. Feeds folding and matching-keyword highlights. Monaco-free, and
// tolerant of unfinished code (an unclosed block has no closer).
import {
  BLOCK_BRANCH_KEYWORD,
  BLOCK_CLOSING_KEYWORD,
  BLOCK_OPENING_KEYWORDS,
  NAME_PATTERN,
  nameKeyOfText,
} from './compiler-bridge';

/** Keywords that open a block (the compiler's list): if, while, for each, repeat, function. */
export const OPENING_KEYWORDS: readonly string[] = BLOCK_OPENING_KEYWORDS;
/** else / else if */
export const BRANCH_KEYWORD = BLOCK_BRANCH_KEYWORD;
/** end */
export const CLOSING_KEYWORD = BLOCK_CLOSING_KEYWORD;

export interface KeywordSite {
  word: string;
  line: number;
  column: number;
  endColumn: number;
}

export interface Block {
  opener: KeywordSite;
  branches: KeywordSite[];
  closer: KeywordSite | null;
}

const FIRST_WORD = new RegExp(NAME_PATTERN, 'uy');
const OPENERS = new Set(OPENING_KEYWORDS.map(nameKeyOfText));
const BRANCH = nameKeyOfText(BRANCH_KEYWORD);
const CLOSER = nameKeyOfText(CLOSING_KEYWORD);

/** Start offsets of the statements that begin on a line, and the bracket depth after it. */
function statementStarts(text: string, depthBefore: number): { starts: number[]; depthAfter: number } {
  const starts = depthBefore === 0 ? [0] : [];
  let depth = depthBefore;
  let inText = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inText) {
      if (char === '\\') i++;
      else if (char === '"') inText = false;
    } else if (char === '"') inText = true;
    else if (char === '#') break;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) starts.push(i + 1);
  }
  return { starts, depthAfter: depth };
}

function firstWordAt(text: string, offset: number, line: number): KeywordSite | null {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  FIRST_WORD.lastIndex = i;
  const match = FIRST_WORD.exec(text);
  if (!match) return null;
  return { word: match[0], line, column: i + 1, endColumn: i + 1 + match[0].length };
}

/** The blocks of a source, outermost first in order of their openers. */
export function findBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const open: Block[] = [];
  let depth = 0;
  source.split(/\r?\n/).forEach((text, index) => {
    const { starts, depthAfter } = statementStarts(text, depth);
    depth = depthAfter;
    for (const start of starts) {
      const site = firstWordAt(text, start, index + 1);
      if (!site) continue;
      const word = nameKeyOfText(site.word);
      if (OPENERS.has(word)) {
        const block: Block = { opener: site, branches: [], closer: null };
        blocks.push(block);
        open.push(block);
      } else if (word === BRANCH && open.length > 0) {
        open[open.length - 1].branches.push(site);
      } else if (word === CLOSER && open.length > 0) {
        open.pop()!.closer = site;
      }
    }
  });
  return blocks;
}

export interface LineRange {
  start: number;
  end: number;
}

/** Folding ranges: each branch of a block folds up to the line before the next keyword. */
export function foldingRanges(blocks: readonly Block[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const block of blocks) {
    if (!block.closer) continue;
    const lines = [block.opener.line, ...block.branches.map((b) => b.line), block.closer.line];
    for (let i = 0; i + 1 < lines.length; i++) {
      if (lines[i + 1] - 1 > lines[i]) ranges.push({ start: lines[i], end: lines[i + 1] - 1 });
    }
  }
  return ranges;
}

function contains(site: KeywordSite, line: number, column: number): boolean {
  return site.line === line && column >= site.column && column <= site.endColumn;
}

/** The keywords of the block whose keyword is under the cursor (opener, branches, closer). */
export function matchingKeywords(blocks: readonly Block[], line: number, column: number): KeywordSite[] | null {
  for (const block of blocks) {
    const sites = [block.opener, ...block.branches, ...(block.closer ? [block.closer] : [])];
    if (sites.some((site) => contains(site, line, column))) return sites;
  }
  return null;
}
