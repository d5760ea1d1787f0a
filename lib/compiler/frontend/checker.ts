// The checker: resolves every name to its declaration (or a builtin), gives declarations
// their ids, and reports what the grammar cannot see: undeclared names, redeclarations,
// assignments to constants, call arity, रोक/जारी outside loops, फर्काउ outside functions,
// functions below the top level.
//
// Scope rules (see docs/reference.md, §3 and §10.1):
// - A name is visible from its declaration to the end of its block; inner blocks may shadow.
// - Functions are visible everywhere (declared before the first statement runs).
// - Inside a function, every top-level variable and constant is visible, wherever it is
//   declared (as in Python); reading one that has not been set yet is a runtime error.
// - In top-level code, a top-level variable is visible only after its declaration.

import type * as ast from './ast';
import type { Position, SourceRange } from './ast';
import { BUILTINS, KEYWORDS, type BuiltinInfo } from '../language';
import { markProgress } from './progress';
import { DiagnosticBag, Messages } from './diagnostics';
import { nameKey } from './source';
import { closestWord, fromRomanised, splitParticle } from './suggestions';
import { forEachChild, isExpression, isStatement, type Node } from './walk';

export interface CheckOptions {
  // Blocks were left unclosed: a function "inside" one is most likely a missing `अन्त्य`,
  // already reported, so do not also call it nested.
  blocksUnclosed: boolean;
  // Functions whose header did not parse: their parameter lists may be incomplete, so calls to
  // them are not checked for arity.
  brokenFunctions?: ReadonlySet<ast.FunctionDeclaration>;
}

export interface CheckResult {
  scopeEnds: Position[]; // by declaration id: where the name stops being visible
}

const BUILTIN_BY_KEY: ReadonlyMap<string, BuiltinInfo> = new Map(BUILTINS.map((b) => [nameKey(b.name), b]));
const KEYWORD_WORDS = KEYWORDS.map((k) => k.word);

// The most parameters a function may have. tcc, the fast C compiler, fails on a function with
// more than 250 ("memory full (vstack)"); the margin keeps room for what the generated C adds.
// Calls need no limit of their own: a call to a function checks its arity against this, and
// calls of builtins and function values compile with thousands of arguments.
export const MAX_PARAMETERS = 200;

interface Scope {
  names: Map<string, number>; // key → declaration id
  later: Map<string, number>; // key → line, for variables this block declares further down
  end: Position;
  isGlobal: boolean;
  isFunctionBody: boolean;
}

export function checkProgram(program: ast.Program, diagnostics: DiagnosticBag, options: CheckOptions): CheckResult {
  const checker = new Checker(program, diagnostics, options);
  checker.run();
  return { scopeEnds: checker.scopeEnds };
}

class Checker {
  readonly scopeEnds: Position[] = [];
  private readonly declarations: ast.Declaration[];
  private readonly scopes: Scope[] = [];
  private readonly blockStack: ast.Block[] = []; // the blocks being checked, innermost last
  private readonly functionById = new Map<number, ast.FunctionDeclaration>();
  private currentFunction: ast.FunctionDeclaration | null = null;
  private loopDepth = 0;
  private suggestionsLeft = 100;

  constructor(
    private readonly program: ast.Program,
    private readonly diagnostics: DiagnosticBag,
    private readonly options: CheckOptions,
  ) {
    this.declarations = program.declarations;
  }

  run(): void {
    const global = this.pushScope(this.program.body, true, false);
    this.declareTopLevel(global);
    this.statements(this.program.body.statements);
    this.scopes.pop();
    this.reportUnused();
  }

  // ───────────── scopes and declarations ─────────────

  private pushScope(block: ast.Block, isGlobal: boolean, isFunctionBody: boolean): Scope {
    const later = new Map<string, number>();
    for (const statement of block.statements) {
      if (statement.kind !== 'VariableDeclaration') continue;
      const key = nameKey(statement.name.name);
      if (!later.has(key)) later.set(key, statement.name.range.start.line);
    }
    const scope: Scope = { names: new Map(), later, end: block.range.end, isGlobal, isFunctionBody };
    this.scopes.push(scope);
    return scope;
  }

  private get scope(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  // Functions and top-level variables get their ids before anything runs: functions are
  // callable from anywhere, and function bodies see every top-level variable.
  private declareTopLevel(global: Scope): void {
    this.blockStack.push(this.program.body);
    for (const statement of this.program.body.statements) {
      if (statement.kind === 'FunctionDeclaration') {
        this.declare(statement.name, 'function', global);
        this.addFunction(statement);
      } else if (statement.kind === 'VariableDeclaration') {
        const id = this.declare(statement.name, statement.constant ? 'constant' : 'globalVariable', global);
        if (id >= 0) this.program.globals.push(id);
      }
    }
  }

  // Gives a declared name its id and puts it in `scope`; -1 for a name that failed to parse.
  private declare(name: ast.DeclaredName, kind: ast.DeclarationKind, scope: Scope): number {
    if (name.name === '') return -1;
    const key = nameKey(name.name);
    const id = this.declarations.length;
    const ownerFunction = scope.isGlobal ? null : this.functionId();
    this.declarations.push({
      id,
      kind,
      name: name.name,
      key,
      range: name.range,
      isGlobal: scope.isGlobal,
      ownerFunction,
      isRead: false,
    });
    this.scopeEnds.push(scope.end);
    name.declarationId = id;
    this.placeInScope(name, id, key, scope);
    this.recordOwnership(id, kind, scope);
    return id;
  }

  private placeInScope(name: ast.DeclaredName, id: number, key: string, scope: Scope): void {
    const existing = scope.names.get(key);
    if (existing !== undefined) {
      const line = this.declarations[existing].range.start.line;
      const template =
        this.declarations[id].kind === 'parameter' ? Messages.duplicateParameter : Messages.redeclaration;
      this.diagnostics.report(template, name.range, name.name, line);
      return;
    }
    scope.names.set(key, id);
    if (BUILTIN_BY_KEY.has(key)) this.diagnostics.report(Messages.shadowsBuiltin, name.range, name.name);
  }

  private recordOwnership(id: number, kind: ast.DeclarationKind, scope: Scope): void {
    this.blockStack[this.blockStack.length - 1]?.declarations.push(id);
    if (scope.isGlobal) return;
    if (kind === 'parameter') return;
    if (this.currentFunction) this.currentFunction.locals.push(id);
    else this.program.mainLocals.push(id);
  }

  private functionId(): number | null {
    return this.currentFunction ? this.currentFunction.name.declarationId : null;
  }

  // ───────────── name lookup ─────────────

  // The declaration a name refers to here, or null (then `laterLine` may say it comes later).
  private lookup(key: string): { id: number | null; laterLine: number | null } {
    let laterLine: number | null = null;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      const id = scope.names.get(key);
      const notYet = scope.later.get(key);
      const visible = id !== undefined && (notYet === undefined || (scope.isGlobal && this.currentFunction !== null));
      if (visible) return { id: id!, laterLine: null };
      if (notYet !== undefined && laterLine === null) laterLine = notYet;
      if (scope.isFunctionBody) i = 1; // a function sees only its own blocks and the top level
    }
    return { id: null, laterLine };
  }

  // Resolves a name; reports it when it cannot be resolved.
  private resolve(node: ast.NameExpression): ast.Binding {
    const key = nameKey(node.name);
    const { id, laterLine } = this.lookup(key);
    if (id !== null) return { kind: 'declaration', id };
    const builtin = BUILTIN_BY_KEY.get(key);
    if (builtin) return { kind: 'builtin', name: builtin.name };
    if (laterLine !== null) this.diagnostics.report(Messages.usedBeforeDeclaration, node.range, node.name, laterLine);
    else this.reportUndeclared(node);
    return { kind: 'unresolved' };
  }

  private reportUndeclared(node: ast.NameExpression): void {
    const split = splitParticle(node.name);
    if (split && this.lookup(nameKey(split.word)).id !== null) {
      this.reportJoinedParticle(node, split);
      return;
    }
    const suggestion = this.suggestionFor(node.name);
    if (suggestion)
      this.diagnostics.report(Messages.undeclaredNameSuggestion, node.range, node.name, suggestion).replacement =
        suggestion;
    else if (split) this.reportJoinedParticle(node, split);
    else this.diagnostics.report(Messages.undeclaredName, node.range, node.name);
  }

  // No quick fix: outside a loop header the particle on its own would not parse either.
  private reportJoinedParticle(node: ast.NameExpression, split: { word: string; particle: string }): void {
    this.diagnostics.report(Messages.undeclaredJoinedParticle, node.range, node.name, split.word, split.particle);
  }

  // "Did you mean …?" for an unknown name. Each search walks every visible name, so past the
  // first hundred the program is not a draft with typos and the search is skipped: the cost
  // stays linear in the program's size.
  private suggestionFor(name: string): string | null {
    if (this.suggestionsLeft-- <= 0) return null;
    return closestWord(name, this.visibleNames()) ?? fromRomanised(name);
  }

  private *visibleNames(): Generator<string> {
    for (const scope of this.scopes) {
      for (const id of scope.names.values()) yield this.declarations[id].name;
    }
    for (const builtin of BUILTINS) yield builtin.name;
    yield* KEYWORD_WORDS;
  }

  // ───────────── statements ─────────────

  private statements(statements: ast.Statement[]): void {
    let unreachableReported = false;
    let ended = false;
    for (const statement of statements) {
      if (ended && !unreachableReported && statement.kind !== 'FunctionDeclaration') {
        this.diagnostics.report(Messages.unreachableCode, statement.range);
        unreachableReported = true;
      }
      this.statement(statement);
      if (this.endsFlow(statement)) ended = true;
    }
  }

  // A jump that is itself valid: the statements after it in its block can never run.
  private endsFlow(statement: ast.Statement): boolean {
    if (statement.kind === 'Return') return this.currentFunction !== null;
    return (statement.kind === 'Break' || statement.kind === 'Continue') && this.loopDepth > 0;
  }

  private statement(statement: ast.Statement): void {
    markProgress(statement.range.start);
    switch (statement.kind) {
      case 'VariableDeclaration':
        return this.variableDeclaration(statement);
      case 'Assignment':
        return this.assignment(statement);
      case 'While':
      case 'RangeLoop':
      case 'EachLoop':
      case 'Repeat':
        return this.loop(statement);
      case 'FunctionDeclaration':
        return this.functionDeclaration(statement);
      case 'Return':
        return this.returnStatement(statement);
      case 'Break':
        return this.loopJump(statement.range, 'break');
      case 'Continue':
        return this.loopJump(statement.range, 'continue');
      case 'If':
      case 'IndexAssignment':
      case 'ExpressionStatement':
        return this.children(statement);
    }
  }

  private children(node: Node): void {
    forEachChild(node, (child) => this.node(child));
  }

  // A child met by `children`: a block there is a plain nested scope (such as an `If`'s), and a
  // declared name is declared by the statement that owns it.
  private node(node: Node): void {
    if (node.kind === 'Block') return this.blockScope(node, null);
    if (isStatement(node)) return this.statement(node);
    if (isExpression(node)) return this.expression(node);
  }

  private variableDeclaration(statement: ast.VariableDeclaration): void {
    this.expression(statement.initializer);
    const key = nameKey(statement.name.name);
    this.scope.later.delete(key);
    if (this.scope.isGlobal) return; // declared up front by declareTopLevel
    const kind = statement.constant ? 'constant' : 'localVariable';
    this.declare(statement.name, kind, this.scope);
  }

  private assignment(statement: ast.Assignment): void {
    this.expression(statement.value);
    const target = statement.target;
    if (this.declareByAssignment(target)) return;
    target.binding = this.resolve(target);
    if (target.binding.kind === 'builtin') {
      this.diagnostics.report(Messages.assignToBuiltin, target.range, target.name);
    } else if (target.binding.kind === 'declaration') {
      const declaration = this.declarations[target.binding.id];
      if (declaration.kind === 'constant')
        this.diagnostics.report(Messages.assignToConstant, target.range, target.name);
      if (declaration.kind === 'function')
        this.diagnostics.report(Messages.assignToFunction, target.range, target.name);
    }
  }

  // `क = ५` with no `क` anywhere and nothing it could be a typo of: the learner meant to create
  // it. Say how, and declare it here so its later uses are not reported again.
  private declareByAssignment(target: ast.NameExpression): boolean {
    const key = nameKey(target.name);
    const { id, laterLine } = this.lookup(key);
    if (id !== null || laterLine !== null || BUILTIN_BY_KEY.has(key)) return false;
    if (this.suggestionFor(target.name)) return false;
    this.diagnostics.report(Messages.assignToUndeclared, target.range, target.name).replacement = `राख ${target.name}`;
    const kind = this.scope.isGlobal ? 'globalVariable' : 'localVariable';
    const name: ast.DeclaredName = { kind: 'DeclaredName', name: target.name, declarationId: -1, range: target.range };
    const declared = this.declare(name, kind, this.scope);
    this.declarations[declared].isRead = true; // no "never read" warning on top of the error
    return true;
  }

  // The header's expressions, then the body in its own scope with the loop's variable.
  private loop(loop: ast.WhileStatement | ast.RangeLoop | ast.EachLoop | ast.RepeatLoop): void {
    const variable = loop.kind === 'RangeLoop' || loop.kind === 'EachLoop' ? loop.variable : null;
    forEachChild(loop, (child) => (child === loop.body ? this.loopBody(loop.body, variable) : this.node(child)));
  }

  private loopBody(body: ast.Block, variable: ast.DeclaredName | null): void {
    this.loopDepth++;
    this.blockScope(body, variable);
    this.loopDepth--;
  }

  // A block in its own scope; `variable` (a loop's) is declared at its top.
  private blockScope(block: ast.Block, variable: ast.DeclaredName | null): void {
    const scope = this.pushScope(block, false, false);
    this.blockStack.push(block);
    if (variable) this.declare(variable, 'loopVariable', scope);
    this.statements(block.statements);
    this.blockStack.pop();
    this.scopes.pop();
  }

  private functionDeclaration(fn: ast.FunctionDeclaration): void {
    const nested = !this.scope.isGlobal || this.currentFunction !== null;
    if (nested) {
      if (!this.options.blocksUnclosed) this.diagnostics.report(Messages.nestedFunction, fn.name.range);
      this.declare(fn.name, 'function', this.scope);
      this.addFunction(fn);
    }
    const saved = { fn: this.currentFunction, loops: this.loopDepth };
    this.currentFunction = fn;
    this.loopDepth = 0;
    const scope = this.pushScope(fn.body, false, true);
    this.blockStack.push(fn.body);
    for (const parameter of fn.parameters) this.declare(parameter, 'parameter', scope);
    if (fn.parameters.length > MAX_PARAMETERS) {
      this.diagnostics.report(
        Messages.tooManyParameters,
        fn.parameters[MAX_PARAMETERS].range,
        fn.name.name,
        MAX_PARAMETERS,
      );
    }
    this.statements(fn.body.statements);
    this.blockStack.pop();
    this.scopes.pop();
    this.currentFunction = saved.fn;
    this.loopDepth = saved.loops;
  }

  private returnStatement(statement: ast.ReturnStatement): void {
    if (!this.currentFunction) this.diagnostics.report(Messages.returnOutsideFunction, statement.range);
    if (statement.value) this.expression(statement.value);
  }

  private loopJump(range: SourceRange, kind: 'break' | 'continue'): void {
    if (this.loopDepth > 0) return;
    this.diagnostics.report(kind === 'break' ? Messages.breakOutsideLoop : Messages.continueOutsideLoop, range);
  }

  // ───────────── expressions ─────────────

  private expression(expression: ast.Expression): void {
    markProgress(expression.range.start);
    if (expression.kind === 'Name') return this.read(expression);
    if (expression.kind === 'Call') return this.call(expression);
    this.children(expression);
  }

  // A name used for its value.
  private read(node: ast.NameExpression): void {
    node.binding = this.resolve(node);
    // A builtin used as a value is its runtime function object (sj_bf_<roman>); calls through
    // it check the arity at run time, as calls through any function value do.
    if (node.binding.kind !== 'declaration') return;
    const declaration = this.declarations[node.binding.id];
    declaration.isRead = true;
    if (declaration.kind === 'function') this.functionNode(declaration.id)!.usedAsValue = true;
    const isGlobalData = declaration.isGlobal && declaration.kind !== 'function';
    node.mayBeUninitialised = isGlobalData && this.currentFunction !== null;
  }

  private addFunction(fn: ast.FunctionDeclaration): void {
    this.program.functions.push(fn);
    if (fn.name.declarationId >= 0) this.functionById.set(fn.name.declarationId, fn);
  }

  private functionNode(id: number): ast.FunctionDeclaration | undefined {
    return this.functionById.get(id);
  }

  private call(call: ast.CallExpression): void {
    for (const argument of call.arguments) this.expression(argument);
    const callee = call.callee;
    if (callee.kind !== 'Name') {
      this.expression(callee);
      call.target = { kind: 'dynamic' };
      return;
    }
    callee.binding = this.resolve(callee);
    if (callee.binding.kind === 'builtin') {
      call.target = { kind: 'builtin', name: callee.binding.name };
      this.checkBuiltinArity(call, BUILTIN_BY_KEY.get(nameKey(callee.binding.name))!);
    } else if (callee.binding.kind === 'declaration') {
      this.callDeclaration(call, callee, callee.binding.id);
    }
  }

  private callDeclaration(call: ast.CallExpression, callee: ast.NameExpression, id: number): void {
    const declaration = this.declarations[id];
    declaration.isRead = true;
    const fn = declaration.kind === 'function' ? this.functionNode(id) : undefined;
    if (!fn) {
      call.target = { kind: 'dynamic' };
      callee.mayBeUninitialised = declaration.isGlobal && this.currentFunction !== null;
      return;
    }
    call.target = { kind: 'function', id };
    const expected = fn.parameters.length;
    if (call.arguments.length !== expected && !this.options.brokenFunctions?.has(fn)) {
      this.diagnostics.report(Messages.wrongArgumentCount, call.range, callee.name, expected, call.arguments.length);
    }
  }

  private checkBuiltinArity(call: ast.CallExpression, builtin: BuiltinInfo): void {
    const count = call.arguments.length;
    const { minArgs, maxArgs } = builtin;
    if (count >= minArgs && (maxArgs === null || count <= maxArgs)) return;
    const callee = call.callee as ast.NameExpression;
    this.diagnostics.report(Messages.wrongArgumentCount, call.range, callee.name, arityText(minArgs, maxArgs), count);
  }

  // ───────────── warnings ─────────────

  private reportUnused(): void {
    if (this.diagnostics.errorCount > 0) return; // an error nearby often explains it
    for (const declaration of this.declarations) {
      const isData =
        declaration.kind === 'globalVariable' ||
        declaration.kind === 'localVariable' ||
        declaration.kind === 'constant';
      if (!isData || declaration.isRead || declaration.name.startsWith('_')) continue;
      this.diagnostics.report(Messages.unusedVariable, declaration.range, declaration.name);
    }
  }
}

function arityText(min: number, max: number | null): { ne: string; en: string } | number {
  if (max === min) return min;
  const ne = (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0966 + Number(d)));
  if (max === null) return { ne: `कम्तीमा ${ne(min)}`, en: `at least ${min}` };
  return { ne: `${ne(min)} देखि ${ne(max)}`, en: `${min} to ${max}` };
}
