// The parser: tokens → AST, by recursive descent, one function per grammar rule. It reports
// every syntax error it can: after an error it throws ParseError up to the nearest statement,
// which skips to a statement boundary (clox's panic mode and synchronise) so one mistake is
// reported once. A block header that fails still gets its block parsed, so the block's
// `अन्त्य` stays paired with it.

import type * as ast from './ast';
import type { Position, SourceRange } from './ast';
import { DiagnosticBag, Messages, type MessageArgument, type MessageTemplate } from './diagnostics';
import { BLOCK_BRANCH_KEYWORD, BLOCK_CLOSING_KEYWORD, BLOCK_OPENING_KEYWORDS } from '../language';
import { latinDigits } from './lexer';
import { markProgress } from './progress';
import { nameKey } from './source';
import { closestKeyword } from './suggestions';
import { describeToken, isKeyword, STATEMENT_KEYWORDS, type Punctuation, type Token } from './tokens';

class ParseError extends Error {}

export interface ParseResult {
  program: ast.Program;
  unclosedBlocks: number; // how many blocks were never closed (the checker stays quieter then)
  brokenFunctions: ReadonlySet<ast.FunctionDeclaration>; // header broken: arity unknown
}

export function parse(tokens: Token[], diagnostics: DiagnosticBag): ParseResult {
  const parser = new Parser(tokens, diagnostics);
  const program = parser.parseProgram();
  return { program, unclosedBlocks: parser.unclosedBlocks, brokenFunctions: parser.brokenFunctions };
}

// The part of a `हरेक` header after its variable.
type LoopHeader =
  | { kind: 'RangeLoop'; start: ast.Expression; end: ast.Expression; step: ast.Expression | null }
  | { kind: 'EachLoop'; iterable: ast.Expression };

type BlockEvent = { opener: BlockOpener } | { closerIndent: number | null };

// A block being parsed, remembered so a missing `अन्त्य` can be blamed on the right opener.
interface BlockOpener {
  keyword: Token;
  indent: number; // column of the first token on the opener's line
}

// Python's parser stops at 200 nested brackets; Sajilo also bounds how deep any expression
// and any nesting of blocks may go, so no phase recurses without bound. A left-associative
// chain (`क + ख + ग …`) is not nesting in the source: its links count once towards the nesting
// limit, and only towards the (larger) bound on the tree's height that keeps the later phases,
// which walk trees recursively, far from the end of the stack (they fail near 3,000).
const MAX_EXPRESSION_DEPTH = 200;
const MAX_CHAIN_OPERATORS = 1000; // operators along one path of an expression's tree
const MAX_BLOCK_DEPTH = 100;

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const MULTIPLICATIVE: ReadonlySet<string> = new Set(['*', '/', '//', '%']);
// Misspelt keywords that the parser can take for the real one and go on.
const BLOCK_STARTERS: ReadonlySet<string> = new Set(['राख', 'स्थिर', ...BLOCK_OPENING_KEYWORDS, 'फर्काउ']);
const DECLARING_KEYWORDS: ReadonlySet<string> = new Set(['राख', 'स्थिर', 'हरेक', 'कार्य']);
const ELSE_IF_JOINED = nameKey('नत्रयदि');
const BLOCK_OPENERS: ReadonlySet<string> = new Set(BLOCK_OPENING_KEYWORDS);
const BARE_KEYWORDS: ReadonlySet<string> = new Set([
  BLOCK_CLOSING_KEYWORD,
  BLOCK_BRANCH_KEYWORD,
  'रोक',
  'जारी',
  'फर्काउ',
]);

// A token that can begin an operand but not continue an expression: after a lone word it
// means the word was meant as a keyword (`yadi x …`, `राखु क = …`).
function startsOperand(token: Token): boolean {
  if (token.kind === 'keyword') return ['सत्य', 'असत्य', 'खाली', 'होइन'].includes(token.key);
  return token.kind === 'identifier' || token.kind === 'integer' || token.kind === 'decimal' || token.kind === 'text';
}

// Keys of the names declared anywhere in the program: after राख, स्थिर, हरेक and कार्य, and
// the parameters of every function.
function collectDeclaredKeys(tokens: Token[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'keyword' || !DECLARING_KEYWORDS.has(token.key)) continue;
    if (tokens[i + 1].kind === 'identifier') keys.add(tokens[i + 1].key);
    if (token.key !== 'कार्य') continue;
    for (let j = i + 2; j < tokens.length && tokens[j].kind !== ')' && tokens[j].kind !== 'newline'; j++) {
      if (tokens[j].kind === 'identifier') keys.add(tokens[j].key);
    }
  }
  return keys;
}

function span(start: Position, end: Position): SourceRange {
  return { start, end };
}

class Parser {
  private index = 0;
  private previous: Token;
  private bracketDepth = 0; // inside (…), […], {…} newlines do not end statements
  private blockDepth = 0;
  private operatorDepth = 0; // nesting of prefix and right-associative operators being parsed
  private readonly expressionDepth = new WeakMap<ast.Expression, { nesting: number; height: number }>();
  private synchronised = false; // the current statement has already skipped to its end
  private readonly lineIndent = new Map<number, number>(); // line → column of its first token
  // Openings and `अन्त्य`s of blocks in the current top-level statement, in order: if blocks
  // are left open at the end, indentation tells which of them lost their `अन्त्य`.
  private blockEvents: BlockEvent[] = [];
  private unclosedAtEnd = 0;
  private lastName: { token: Token; node: ast.NameExpression } | null = null; // for glued particles
  unclosedBlocks = 0;
  readonly brokenFunctions = new Set<ast.FunctionDeclaration>(); // headers that failed to parse
  // Every name declared anywhere: a declared `सीमा` is a name, not `सी` + `मा`.
  private readonly declaredKeys: ReadonlySet<string>;

  constructor(
    private readonly tokens: Token[],
    private readonly diagnostics: DiagnosticBag,
  ) {
    this.previous = tokens[0];
    this.declaredKeys = collectDeclaredKeys(tokens);
    let line = 0;
    for (const token of tokens) {
      if (token.range.start.line !== line && token.kind !== 'newline') {
        line = token.range.start.line;
        this.lineIndent.set(line, token.range.start.column);
      }
    }
  }

  // ───────────── token access ─────────────

  private peek(): Token {
    if (this.bracketDepth > 0) {
      while (this.tokens[this.index].kind === 'newline') this.index++;
    }
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.peek();
    markProgress(token.range.start);
    if (token.kind !== 'eof') this.index++;
    this.previous = token;
    return token;
  }

  private check(kind: Punctuation | Token['kind']): boolean {
    return this.peek().kind === kind;
  }

  private checkKeyword(word: string): boolean {
    return isKeyword(this.peek(), word);
  }

  private match(kind: Punctuation): boolean {
    if (!this.check(kind)) return false;
    this.advance();
    return true;
  }

  private fail(template: MessageTemplate, range: SourceRange, ...args: MessageArgument[]): never {
    this.diagnostics.report(template, range, ...args);
    throw new ParseError();
  }

  private failAssignmentInCondition(equals: Token): never {
    this.diagnostics.report(Messages.assignmentInCondition, equals.range).replacement = '==';
    throw new ParseError();
  }

  private expect(kind: Punctuation): Token {
    if (this.check(kind)) return this.advance();
    return this.fail(Messages.expectedToken, this.peek().range, `"${kind}"`, describeToken(this.peek()));
  }

  // A keyword that ends a header (भने, पटक, मा, देखि, सम्म). Accepts it glued to the name
  // before it (`फलहरूमा`) or misspelt, with an error, and goes on as if written right.
  private expectKeyword(word: string): Token {
    const token = this.peek();
    if (isKeyword(token, word)) return this.advance();
    if (this.acceptGluedParticle(word)) return this.previous;
    if (token.kind === 'identifier' && closestKeyword(token.text) === word) {
      this.diagnostics.report(Messages.misspeltKeyword, token.range, token.text, word).replacement = word;
      return this.advance();
    }
    if (token.kind === '=') this.failAssignmentInCondition(token);
    return this.fail(Messages.expectedToken, token.range, `"${word}"`, describeToken(token));
  }

  private acceptGluedParticle(word: string): boolean {
    const last = this.previous;
    const node = this.lastName?.token === last ? this.lastName.node : null;
    if (!node || !last.text.endsWith(word) || last.text.length <= word.length || this.declaredKeys.has(last.key))
      return false;
    const written = last.text;
    node.name = written.slice(0, -word.length);
    node.range = span(node.range.start, { line: node.range.end.line, column: node.range.end.column - word.length });
    this.diagnostics.report(Messages.joinedParticle, last.range, node.name, word).replacement = `${node.name} ${word}`;
    return true;
  }

  private expectName(): Token {
    const token = this.peek();
    if (token.kind === 'identifier') return this.advance();
    const expected = { ne: 'नाम', en: 'a name' };
    return this.fail(Messages.expectedToken, token.range, expected, describeToken(token));
  }

  private atStatementEnd(): boolean {
    const token = this.peek();
    return (
      token.kind === 'newline' ||
      token.kind === ';' ||
      token.kind === 'eof' ||
      isKeyword(token, 'अन्त्य') ||
      isKeyword(token, 'नत्र')
    );
  }

  // ───────────── program, blocks, recovery ─────────────

  parseProgram(): ast.Program {
    const statements: ast.Statement[] = [];
    while (!this.check('eof')) {
      this.recogniseMisspeltKeyword(false);
      const token = this.peek();
      if (token.kind === 'newline' || token.kind === ';') {
        this.advance();
      } else if (isKeyword(token, 'अन्त्य') || isKeyword(token, 'नत्र')) {
        this.diagnostics.report(Messages.unexpectedKeyword, token.range, token.text);
        this.advance();
      } else {
        this.blockEvents = [];
        const statement = this.statementWithRecovery();
        if (statement) statements.push(statement);
        this.reportUnclosedBlocks();
      }
    }
    const end = this.peek().range.end;
    const body: ast.Block = { kind: 'Block', statements, declarations: [], range: span({ line: 1, column: 1 }, end) };
    return {
      kind: 'Program',
      body,
      declarations: [],
      globals: [],
      functions: [],
      mainLocals: [],
      range: body.range,
    };
  }

  private statementWithRecovery(): ast.Statement | null {
    try {
      this.synchronised = false;
      const statement = this.statement();
      this.endStatement();
      return statement;
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      this.synchronise();
      return null;
    }
  }

  private endStatement(): void {
    if (this.synchronised) return;
    const token = this.peek();
    if (token.kind === 'newline' || token.kind === ';') this.advance();
    else if (!this.atStatementEnd()) {
      this.diagnostics.report(Messages.expectedStatementEnd, token.range, describeToken(token));
      this.synchronise();
    }
  }

  // Skips to the next statement: past a newline or ";", or up to a statement keyword.
  private synchronise(): void {
    this.synchronised = true;
    this.bracketDepth = 0;
    this.operatorDepth = 0;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') return;
      if (token.kind === 'newline' || token.kind === ';') {
        this.advance();
        return;
      }
      if (token.kind === 'keyword' && STATEMENT_KEYWORDS.has(token.key) && this.isFirstOnLine(token)) return;
      this.advance();
    }
  }

  private isFirstOnLine(token: Token): boolean {
    return this.lineIndent.get(token.range.start.line) === token.range.start.column;
  }

  // Skips the rest of a broken block header, keeping the block after it.
  // (An unclosed bracket may have carried the parser onto later lines: those are the block's.)
  private skipRestOfLine(): void {
    this.bracketDepth = 0;
    const line = this.previous.range.end.line;
    const onHeaderLine = () => this.peek().range.start.line === line;
    while (onHeaderLine() && !this.check('newline') && !this.check('eof') && !this.checkKeyword('अन्त्य')) this.advance();
  }

  // Statements up to `अन्त्य` (or `नत्र` when `allowElse`), which is left for the caller.
  private block(opener: BlockOpener, allowElse: boolean): ast.Block {
    if (this.blockDepth >= MAX_BLOCK_DEPTH) {
      this.diagnostics.report(Messages.nestedTooDeeply, opener.keyword.range, MAX_BLOCK_DEPTH);
      return this.skipNestedBlock();
    }
    this.blockDepth++;
    try {
      return this.blockStatements(allowElse);
    } finally {
      this.blockDepth--;
    }
  }

  // Skips a block too deep to parse, without recursion, up to its own `अन्त्य` (its नत्र
  // branches included), and stands an empty block in for it.
  private skipNestedBlock(): ast.Block {
    const start = this.peek().range.start;
    let level = 0;
    for (let token = this.peek(); token.kind !== 'eof'; token = this.peek()) {
      if (isKeyword(token, 'अन्त्य') && level-- === 0) break;
      const opensBlock = token.kind === 'keyword' && BLOCK_OPENERS.has(token.key) && !isKeyword(this.previous, 'नत्र');
      if (opensBlock) level++;
      this.advance();
    }
    return { kind: 'Block', statements: [], declarations: [], range: span(start, this.peek().range.end) };
  }

  private blockStatements(allowElse: boolean): ast.Block {
    const statements: ast.Statement[] = [];
    const start = this.peek().range.start;
    for (;;) {
      this.recogniseMisspeltKeyword(true);
      const token = this.peek();
      if (token.kind === 'newline' || token.kind === ';') this.advance();
      else if (token.kind === 'eof' || isKeyword(token, 'अन्त्य')) break;
      else if (isKeyword(token, 'नत्र')) {
        if (allowElse) break;
        this.diagnostics.report(Messages.unexpectedKeyword, token.range, token.text);
        this.advance();
      } else {
        const statement = this.statementWithRecovery();
        if (statement) statements.push(statement);
      }
    }
    const end = this.peek().range.end;
    return { kind: 'Block', statements, declarations: [], range: span(start, end) };
  }

  private opener(keyword: Token): BlockOpener {
    const opener = { keyword, indent: this.lineIndent.get(keyword.range.start.line) ?? 1 };
    this.blockEvents.push({ opener });
    return opener;
  }

  // Consumes the `अन्त्य` of a block, or notes that the block was left open at the end.
  private closeBlock(): Position {
    const token = this.peek();
    if (token.kind === 'eof') {
      this.unclosedAtEnd++;
      return token.range.end;
    }
    this.advance();
    this.synchronised = false; // a statement inside the block may have set it
    this.blockEvents.push({ closerIndent: this.isFirstOnLine(token) ? token.range.start.column : null });
    return token.range.end;
  }

  // At the end of the program with blocks still open, pair each `अन्त्य` again, this time with
  // the nearest open block indented like it (the innermost when none is, or when the अन्त्य
  // shares its line): the blocks passed over, and those still open, lost their अन्त्य.
  private reportUnclosedBlocks(): void {
    if (this.unclosedAtEnd === 0) return;
    const open: BlockOpener[] = [];
    const blamed: BlockOpener[] = [];
    for (const event of this.blockEvents) {
      if ('opener' in event) {
        open.push(event.opener);
        continue;
      }
      const aligned = event.closerIndent === null ? -1 : open.findLastIndex((o) => o.indent === event.closerIndent);
      const pairedWith = aligned >= 0 ? aligned : open.length - 1;
      blamed.push(...open.splice(pairedWith).slice(1));
    }
    blamed.push(...open);
    blamed.sort((a, b) => a.keyword.range.start.line - b.keyword.range.start.line);
    for (const { keyword } of blamed) {
      this.diagnostics.report(Messages.unclosedBlock, keyword.range, keyword.text, keyword.range.start.line);
    }
    this.unclosedBlocks += this.unclosedAtEnd;
    this.unclosedAtEnd = 0;
  }

  // ───────────── statements ─────────────

  private statement(): ast.Statement {
    const token = this.peek();
    if (token.kind !== 'keyword') return this.simpleStatement();
    switch (token.key) {
      case 'राख':
        return this.variableDeclaration(this.advance(), false);
      case 'स्थिर':
        return this.variableDeclaration(this.advance(), true);
      case 'यदि':
        return this.ifStatement(this.advance());
      case 'जबसम्म':
        return this.whileStatement(this.advance());
      case 'हरेक':
        return this.forStatement(this.advance());
      case 'दोहोर्याउ':
        return this.repeatStatement(this.advance());
      case 'कार्य':
        return this.functionDeclaration(this.advance());
      case 'फर्काउ':
        return this.returnStatement(this.advance());
      case 'रोक':
        return { kind: 'Break', range: this.advance().range };
      case 'जारी':
        return { kind: 'Continue', range: this.advance().range };
      default:
        return this.simpleStatement();
    }
  }

  // `राखु क = १`, `yadi …`, a lone `अन्त`: a word that is not a keyword but stands where one
  // would and is close to one is reported, then read as that keyword.
  // Called where a statement starts; `inBlock` says whether `अन्त्य`/`नत्र` could close something.
  private recogniseMisspeltKeyword(inBlock: boolean): void {
    const token = this.peek();
    if (token.kind !== 'identifier') return;
    if (inBlock && token.key === ELSE_IF_JOINED) return this.splitElseIf(token);
    const next = this.tokens[this.index + 1];
    const alone = next.kind === 'newline' || next.kind === ';' || next.kind === 'eof';
    if (!alone && !startsOperand(next)) return;
    const keyword = closestKeyword(token.text);
    if (!keyword || !(alone ? BARE_KEYWORDS : BLOCK_STARTERS).has(keyword)) return;
    if (!inBlock && (keyword === 'अन्त्य' || keyword === 'नत्र')) return;
    this.diagnostics.report(Messages.misspeltKeyword, token.range, token.text, keyword).replacement = keyword;
    token.kind = 'keyword';
    token.key = keyword;
  }

  // `नत्रयदि` written as one word: reported, then read as `नत्र यदि`.
  private splitElseIf(token: Token): void {
    this.diagnostics.report(Messages.joinedParticle, token.range, 'नत्र', 'यदि').replacement = 'नत्र यदि';
    const middle = { line: token.range.start.line, column: token.range.start.column + 'नत्र'.length };
    const yadi: Token = { kind: 'keyword', text: 'यदि', key: 'यदि', value: null, range: span(middle, token.range.end) };
    Object.assign(token, { kind: 'keyword', text: 'नत्र', key: 'नत्र', range: span(token.range.start, middle) });
    this.tokens.splice(this.index + 1, 0, yadi);
  }

  // राख नाम = मान
  private variableDeclaration(keyword: Token, constant: boolean): ast.VariableDeclaration {
    const name = this.declaredName(this.expectName());
    let initializer: ast.Expression;
    try {
      this.expect('=');
      initializer = this.expression();
    } catch (error) {
      // Keep the declaration, so later uses of the name are not reported as undeclared.
      if (!(error instanceof ParseError)) throw error;
      this.synchronise();
      initializer = this.errorExpression();
    }
    return {
      kind: 'VariableDeclaration',
      constant,
      name,
      initializer,
      range: span(keyword.range.start, this.previous.range.end),
    };
  }

  private declaredName(token: Token): ast.DeclaredName {
    return { kind: 'DeclaredName', name: token.text, declarationId: -1, range: token.range };
  }

  // expression | target = expression
  private simpleStatement(): ast.Statement {
    const expression = this.expression();
    if (!this.check('=')) return { kind: 'ExpressionStatement', expression, range: expression.range };
    this.advance();
    const value = this.expression();
    const range = span(expression.range.start, value.range.end);
    if (expression.kind === 'Name') return { kind: 'Assignment', target: expression, value, range };
    if (expression.kind === 'Index') return { kind: 'IndexAssignment', target: expression, value, range };
    this.diagnostics.report(Messages.invalidAssignmentTarget, expression.range);
    return { kind: 'ExpressionStatement', expression: value, range };
  }

  // A header (the part of a block statement before its body); when it is broken the error
  // is reported, the rest of its line skipped, and `fallback` stands in for what is missing.
  private header<T>(read: () => T, fallback: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      this.skipRestOfLine();
      return fallback();
    }
  }

  private errorExpression(): ast.ErrorExpression {
    return { kind: 'Error', range: this.previous.range };
  }

  // यदि शर्त भने … [नत्र यदि शर्त भने …]* [नत्र …] अन्त्य
  private ifStatement(keyword: Token): ast.IfStatement {
    const opener = this.opener(keyword);
    const branches: ast.ConditionalBranch[] = [this.conditionalBranch(keyword, opener)];
    let elseBody: ast.Block | null = null;
    while (this.checkKeyword('नत्र')) {
      const natra = this.advance();
      // A branch after the final नत्र is reported and parsed, so the अन्त्य still closes this यदि.
      if (elseBody) this.diagnostics.report(Messages.unexpectedKeyword, natra.range, natra.text);
      if (this.checkKeyword('यदि')) {
        const branch = this.conditionalBranch(this.advance(), opener);
        if (!elseBody) branches.push(branch);
        continue;
      }
      const body = this.block(opener, true);
      body.range = span(natra.range.end, body.range.end);
      elseBody ??= body;
    }
    const end = this.closeBlock();
    return { kind: 'If', branches, elseBody, range: span(keyword.range.start, end) };
  }

  private conditionalBranch(keyword: Token, opener: BlockOpener): ast.ConditionalBranch {
    const condition = this.header(
      () => {
        const condition = this.expression();
        this.expectKeyword('भने');
        return condition;
      },
      () => this.errorExpression(),
    );
    const body = this.block(opener, true);
    return { condition, body, range: span(keyword.range.start, body.range.end) };
  }

  // जबसम्म शर्त … अन्त्य
  private whileStatement(keyword: Token): ast.WhileStatement {
    const opener = this.opener(keyword);
    const condition = this.header(
      () => {
        const condition = this.expression();
        if (this.check('=')) this.failAssignmentInCondition(this.peek());
        if (this.checkKeyword('भने')) {
          // `जबसम्म क < ५ भने`, by analogy with यदि: say so once and go on.
          this.diagnostics.report(Messages.unexpectedKeyword, this.peek().range, this.advance().text);
        }
        return condition;
      },
      () => this.errorExpression(),
    );
    const body = this.block(opener, false);
    const end = this.closeBlock();
    return { kind: 'While', condition, body, range: span(keyword.range.start, end) };
  }

  // हरेक नाम = सुरु देखि अन्त सम्म [कदम चरण] … अन्त्य   |   हरेक नाम संग्रह मा … अन्त्य
  private forStatement(keyword: Token): ast.RangeLoop | ast.EachLoop {
    const opener = this.opener(keyword);
    // The variable is kept even when the rest of the header is broken, so that its uses in
    // the body are not reported as undeclared too.
    let variable: ast.DeclaredName = { kind: 'DeclaredName', name: '', declarationId: -1, range: keyword.range };
    const header = this.header(
      () => {
        variable = this.declaredName(this.expectName());
        return this.forHeader();
      },
      (): LoopHeader => ({ kind: 'EachLoop', iterable: this.errorExpression() }),
    );
    const body = this.block(opener, false);
    const end = this.closeBlock();
    const range = span(keyword.range.start, end);
    if (header.kind === 'EachLoop') return { kind: 'EachLoop', variable, iterable: header.iterable, body, range };
    return { kind: 'RangeLoop', variable, start: header.start, end: header.end, step: header.step, body, range };
  }

  // … = सुरु देखि अन्त सम्म [कदम चरण]   |   … संग्रह मा   (after the loop variable)
  private forHeader(): LoopHeader {
    if (!this.match('=')) {
      const iterable = this.expression();
      this.expectKeyword('मा');
      return { kind: 'EachLoop', iterable };
    }
    const start = this.expression();
    this.expectKeyword('देखि');
    const end = this.expression();
    this.expectKeyword('सम्म');
    let step: ast.Expression | null = null;
    if (this.checkKeyword('कदम')) {
      this.advance();
      step = this.expression();
    }
    return { kind: 'RangeLoop', start, end, step };
  }

  // दोहोर्याउ गन्ती पटक … अन्त्य
  private repeatStatement(keyword: Token): ast.RepeatLoop {
    const opener = this.opener(keyword);
    const count = this.header(
      () => {
        const count = this.expression();
        this.expectKeyword('पटक');
        return count;
      },
      () => this.errorExpression(),
    );
    const body = this.block(opener, false);
    const end = this.closeBlock();
    return { kind: 'Repeat', count, body, range: span(keyword.range.start, end) };
  }

  // कार्य नाम(प्यारामिटर, …) … अन्त्य
  private functionDeclaration(keyword: Token): ast.FunctionDeclaration {
    const opener = this.opener(keyword);
    // Whatever of the header did parse is kept, so a broken header does not make the uses of
    // the function and its parameters errors too.
    let name: ast.DeclaredName = { kind: 'DeclaredName', name: '', declarationId: -1, range: keyword.range };
    const parameters: ast.DeclaredName[] = [];
    const complete = this.header(
      () => {
        name = this.declaredName(this.expectName());
        const open = this.expect('(');
        this.delimited(open, ')', () => parameters.push(this.declaredName(this.expectName())));
        return true;
      },
      () => false,
    );
    const body = this.block(opener, false);
    const end = this.closeBlock();
    const fn: ast.FunctionDeclaration = {
      kind: 'FunctionDeclaration',
      name,
      parameters,
      body,
      locals: [],
      usedAsValue: false,
      range: span(keyword.range.start, end),
    };
    if (!complete) this.brokenFunctions.add(fn);
    return fn;
  }

  // फर्काउ [मान]
  private returnStatement(keyword: Token): ast.ReturnStatement {
    if (this.atStatementEnd()) return { kind: 'Return', value: null, range: keyword.range };
    const value = this.expression();
    return { kind: 'Return', value, range: span(keyword.range.start, value.range.end) };
  }

  // ───────────── expressions, lowest precedence first ─────────────

  private expression(): ast.Expression {
    return this.or();
  }

  // or → and (वा and)*
  private or(): ast.Expression {
    let left = this.and();
    while (this.checkKeyword('वा')) left = this.logical(left, 'or', () => this.and());
    return left;
  }

  // and → not (र not)*
  private and(): ast.Expression {
    let left = this.not();
    while (this.checkKeyword('र')) left = this.logical(left, 'and', () => this.not());
    return left;
  }

  private logical(left: ast.Expression, operator: 'and' | 'or', right: () => ast.Expression): ast.Expression {
    const operatorRange = this.advance().range;
    const rightOperand = right();
    const range = span(left.range.start, rightOperand.range.end);
    return this.nested(
      { kind: 'Logical', operator, left, right: rightOperand, operatorRange, range },
      left,
      rightOperand,
    );
  }

  // not → होइन not | comparison
  private not(): ast.Expression {
    if (!this.checkKeyword('होइन')) return this.comparison();
    const keyword = this.advance();
    const operand = this.descend(keyword, () => this.not());
    return this.nested(
      { kind: 'Unary', operator: 'not', operand, range: span(keyword.range.start, operand.range.end) },
      operand,
    );
  }

  // comparison → additive (compare additive)?   — a second comparison is an error
  private comparison(): ast.Expression {
    let left = this.additive();
    let chained = false;
    while (COMPARISONS.has(this.peek().kind)) {
      const operator = this.advance();
      if (chained) this.diagnostics.report(Messages.chainedComparison, operator.range);
      const right = this.additive();
      if (!chained) left = this.binary(left, operator, right);
      chained = true;
    }
    return left;
  }

  // additive → multiplicative ((+|-) multiplicative)*
  private additive(): ast.Expression {
    let left = this.multiplicative();
    while (this.check('+') || this.check('-')) {
      const operator = this.advance();
      left = this.binary(left, operator, this.multiplicative());
    }
    return left;
  }

  // multiplicative → unary ((*|/|//|%) unary)*
  private multiplicative(): ast.Expression {
    let left = this.unary();
    while (MULTIPLICATIVE.has(this.peek().kind)) {
      const operator = this.advance();
      left = this.binary(left, operator, this.unary());
    }
    return left;
  }

  // unary → - unary | power
  private unary(): ast.Expression {
    if (!this.check('-')) return this.power();
    const minus = this.advance();
    const operand = this.descend(minus, () => this.unary());
    return this.nested(
      { kind: 'Unary', operator: '-', operand, range: span(minus.range.start, operand.range.end) },
      operand,
    );
  }

  // power → postfix (** unary)?   — right-associative; `-२ ** २` is `-(२ ** २)`
  private power(): ast.Expression {
    const base = this.postfix();
    if (!this.check('**')) return base;
    const operator = this.advance();
    return this.binary(
      base,
      operator,
      this.descend(operator, () => this.unary()),
    );
  }

  private binary(left: ast.Expression, operator: Token, right: ast.Expression): ast.BinaryExpression {
    return this.nested(
      {
        kind: 'Binary',
        operator: operator.kind as ast.BinaryOperator,
        left,
        right,
        operatorRange: operator.range,
        range: span(left.range.start, right.range.end),
      },
      left,
      right,
    );
  }

  // Parses an operand of a prefix or right-associative operator, refusing to recurse deeper
  // than any tree may be (checked before recursing, so the parser's own stack stays small).
  private descend(operator: Token, parse: () => ast.Expression): ast.Expression {
    if (this.operatorDepth >= MAX_EXPRESSION_DEPTH)
      this.fail(Messages.nestedTooDeeply, operator.range, MAX_EXPRESSION_DEPTH);
    this.operatorDepth++;
    try {
      return parse();
    } finally {
      this.operatorDepth--;
    }
  }

  // Records how deeply a new node nests and how high its tree is; too much of either is an
  // error, so that later phases (and the back end), which walk the tree recursively, never run
  // out of stack. The left operand of a left-associative operator continues a chain: it adds
  // to the height but not to the nesting.
  private nested<T extends ast.Expression>(node: T, ...children: ast.Expression[]): T {
    const chained = (node.kind === 'Binary' && node.operator !== '**') || node.kind === 'Logical';
    let nesting = 1;
    let height = 1;
    for (const child of children) {
      const measure = this.expressionDepth.get(child) ?? { nesting: 1, height: 1 };
      const continuesChain = chained && child === children[0];
      nesting = Math.max(nesting, continuesChain ? measure.nesting : measure.nesting + 1);
      height = Math.max(height, measure.height + 1);
    }
    if (nesting > MAX_EXPRESSION_DEPTH) this.fail(Messages.nestedTooDeeply, node.range, MAX_EXPRESSION_DEPTH);
    if (height - 1 > MAX_CHAIN_OPERATORS) {
      const operator = 'operatorRange' in node ? node.operatorRange : node.range;
      this.fail(Messages.expressionTooLong, operator, MAX_CHAIN_OPERATORS);
    }
    this.expressionDepth.set(node, { nesting, height });
    return node;
  }

  // postfix → primary ( (arguments) | [index] )*
  private postfix(): ast.Expression {
    let expression = this.primary();
    for (;;) {
      if (this.check('(')) {
        const open = this.advance();
        const args = this.delimited(open, ')', () => this.expression());
        const range = span(expression.range.start, this.previous.range.end);
        expression = this.nested(
          { kind: 'Call', callee: expression, arguments: args, target: { kind: 'unresolved' }, range },
          expression,
          ...args,
        );
      } else if (this.check('[')) {
        const open = this.advance();
        const index = this.bracketed(open, ']', () => this.expression());
        expression = this.nested(
          { kind: 'Index', object: expression, index, range: span(expression.range.start, this.previous.range.end) },
          expression,
          index,
        );
      } else return expression;
    }
  }

  private primary(): ast.Expression {
    const token = this.peek();
    const range = token.range;
    switch (token.kind) {
      case 'integer':
        this.advance();
        return { kind: 'Integer', value: token.value as bigint, range };
      case 'decimal':
        this.advance();
        return { kind: 'Decimal', value: token.value as number, text: latinDigits(token.text), range };
      case 'text':
        this.advance();
        return { kind: 'Text', value: token.value as string, range };
      case 'identifier':
        return this.name(this.advance());
      case '(':
        return this.bracketed(this.advance(), ')', () => this.expression());
      case '[':
        return this.listLiteral(this.advance());
      case '{':
        return this.mapLiteral(this.advance());
      case 'keyword':
        return this.keywordLiteral(token);
      default:
        return this.fail(Messages.expectedExpression, range, describeToken(token));
    }
  }

  private name(token: Token): ast.NameExpression {
    const node: ast.NameExpression = {
      kind: 'Name',
      name: token.text,
      binding: { kind: 'unresolved' },
      mayBeUninitialised: false,
      range: token.range,
    };
    this.lastName = { token, node };
    return node;
  }

  private keywordLiteral(token: Token): ast.Expression {
    const range = token.range;
    if (token.key === 'सत्य' || token.key === 'असत्य') {
      this.advance();
      return { kind: 'Boolean', value: token.key === 'सत्य', range };
    }
    if (token.key === 'खाली') {
      this.advance();
      return { kind: 'Null', range };
    }
    return this.fail(Messages.expectedExpression, range, describeToken(token));
  }

  private listLiteral(open: Token): ast.ListLiteral {
    const elements = this.delimited(open, ']', () => this.expression());
    return this.nested({ kind: 'List', elements, range: span(open.range.start, this.previous.range.end) }, ...elements);
  }

  private mapLiteral(open: Token): ast.MapLiteral {
    const entries = this.delimited(open, '}', () => {
      const key = this.expression();
      this.expect(':');
      const value = this.expression();
      return { key, value, range: span(key.range.start, value.range.end) };
    });
    const parts = entries.flatMap((entry) => [entry.key, entry.value]);
    return this.nested({ kind: 'Map', entries, range: span(open.range.start, this.previous.range.end) }, ...parts);
  }

  // One item between brackets: ( expression ) or [ index ].
  private bracketed<T>(open: Token, close: Punctuation, item: () => T): T {
    this.enterBrackets(open);
    try {
      this.checkStillOpen(open);
      const result = item();
      this.closeBracket(open, close);
      return result;
    } finally {
      this.bracketDepth = Math.max(0, this.bracketDepth - 1);
    }
  }

  // Comma-separated items up to `close` (a trailing comma is allowed).
  private delimited<T>(open: Token, close: Punctuation, item: () => T): T[] {
    const items: T[] = [];
    this.enterBrackets(open);
    try {
      while (!this.check(close)) {
        this.checkStillOpen(open);
        items.push(item());
        if (!this.match(',')) break;
      }
      this.closeBracket(open, close, true);
      return items;
    } finally {
      this.bracketDepth = Math.max(0, this.bracketDepth - 1);
    }
  }

  private enterBrackets(open: Token): void {
    if (this.bracketDepth >= MAX_EXPRESSION_DEPTH)
      this.fail(Messages.nestedTooDeeply, open.range, MAX_EXPRESSION_DEPTH);
    this.bracketDepth++;
  }

  // A statement keyword or the end of the program inside brackets: the bracket was never closed.
  private checkStillOpen(open: Token): void {
    const token = this.peek();
    const statementKeyword = token.kind === 'keyword' && STATEMENT_KEYWORDS.has(token.key);
    if (token.kind === 'eof' || statementKeyword) this.failUnclosed(open);
  }

  // An unterminated text on the bracket's line already explains the missing bracket.
  private failUnclosed(open: Token): never {
    if (this.diagnostics.hasOnLine(Messages.unterminatedText, open.range.start.line)) throw new ParseError();
    return this.fail(Messages.unclosedBracket, open.range, open.text);
  }

  private closeBracket(open: Token, close: Punctuation, inList = false): void {
    if (this.check(close)) {
      this.advance();
      return;
    }
    this.checkStillOpen(open);
    const token = this.peek();
    if (
      token.range.start.line > open.range.start.line &&
      token.range.start.column <= (this.lineIndent.get(token.range.start.line) ?? 1)
    ) {
      this.failUnclosed(open);
    }
    const expected = inList ? { ne: `"," वा "${close}"`, en: `"," or "${close}"` } : `"${close}"`;
    this.fail(Messages.expectedToken, token.range, expected, describeToken(token));
  }
}
