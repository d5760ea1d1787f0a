// The Sajilo abstract syntax tree: what the parser builds, the checker annotates and the
// back end walks. Browser-safe (types only).
//
// Contract with the back end:
// - A `Program` is handed out only when there are no errors, so every `NameExpression.binding`
//   is resolved and every `CallExpression.target` is set.
// - Every declaration has a dense numeric id (0, 1, 2, …) into `Program.declarations`. Generate
//   C names from ids only; `name` is user text and must never reach the C source.
// - Ranges use 1-based lines and 1-based columns counted in UTF-16 code units of the text as
//   the user typed it (before NFC normalisation); `end` is the position just after the node.

export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: SourceRange;
}

// ───────────────────────────── declarations and name resolution ─────────────────────────────

export type DeclarationKind =
  | 'globalVariable' // `राख` directly in the program's outermost block
  | 'localVariable' // `राख` in any other block (a function body, or a block inside top-level code)
  | 'constant' // `स्थिर`, anywhere; see `isGlobal` for where it lives
  | 'parameter'
  | 'function' // `कार्य`; always top level
  | 'loopVariable'; // the variable of `हरेक … देखि … सम्म` or `हरेक … मा`

export interface Declaration {
  id: number;
  kind: DeclarationKind;
  name: string; // as the user wrote it at the declaration (for messages and hover only)
  key: string; // comparison key (NFC, ZWJ/ZWNJ removed, class nasal + virama → anusvara)
  range: SourceRange; // the name at its declaration
  // Declared directly in the outermost block (global variables, global constants, functions):
  // lives for the whole run and is visible inside every function.
  isGlobal: boolean;
  // For non-global declarations: id of the function whose frame holds it, or null when it
  // belongs to top-level code (the C `main`).
  ownerFunction: number | null;
  // True when some reference reads this declaration (never true for write-only variables).
  isRead: boolean;
}

// What a name in an expression or an assignment refers to.
export type Binding =
  | { kind: 'declaration'; id: number }
  | { kind: 'builtin'; name: BuiltinName } // canonical builtin name, as in BUILTINS
  | { kind: 'unresolved' }; // only in ASTs that carry errors

// The canonical spelling of a builtin function, e.g. 'देखाउ', 'कुञ्जीहरू'.
export type BuiltinName = string;

// A name where it is declared (variable, constant, parameter, function, loop variable).
export interface DeclaredName extends NodeBase {
  kind: 'DeclaredName';
  name: string;
  declarationId: number; // -1 until the checker runs
}

// ───────────────────────────── program and blocks ─────────────────────────────

export interface Program extends NodeBase {
  kind: 'Program';
  body: Block; // the outermost block
  declarations: Declaration[]; // indexed by id
  globals: number[]; // ids of global variables and global constants, in source order
  functions: FunctionDeclaration[]; // every function, in source order
  mainLocals: number[]; // non-global declarations owned by top-level code, in source order
}

// A sequence of statements with its own scope.
export interface Block extends NodeBase {
  kind: 'Block';
  statements: Statement[];
  // Ids declared directly in this block's scope, in source order (a loop's variable belongs
  // to the loop body's block; a function's parameters to the function body's block).
  declarations: number[];
}

// ───────────────────────────── statements ─────────────────────────────

export type Statement =
  | VariableDeclaration
  | Assignment
  | IndexAssignment
  | IfStatement
  | WhileStatement
  | RangeLoop
  | EachLoop
  | RepeatLoop
  | FunctionDeclaration
  | ReturnStatement
  | BreakStatement
  | ContinueStatement
  | ExpressionStatement;

// राख नाम = मान   /   स्थिर नाम = मान
export interface VariableDeclaration extends NodeBase {
  kind: 'VariableDeclaration';
  constant: boolean;
  name: DeclaredName;
  initializer: Expression; // evaluated before the name comes into scope
}

// नाम = मान   (the target is a declared variable, parameter or loop variable; never a
// constant, function or builtin — the checker rejects those)
export interface Assignment extends NodeBase {
  kind: 'Assignment';
  target: NameExpression;
  value: Expression;
}

// वस्तु[सूचक] = मान   (list element or map entry; evaluation order: object, index, value)
export interface IndexAssignment extends NodeBase {
  kind: 'IndexAssignment';
  target: IndexExpression;
  value: Expression;
}

// यदि क भने … नत्र यदि ख भने … नत्र … अन्त्य
export interface IfStatement extends NodeBase {
  kind: 'If';
  branches: ConditionalBranch[]; // the यदि branch, then each नत्र यदि, in order (at least one)
  elseBody: Block | null; // नत्र
}

export interface ConditionalBranch extends NodeBase {
  condition: Expression;
  body: Block;
}

// जबसम्म शर्त … अन्त्य
export interface WhileStatement extends NodeBase {
  kind: 'While';
  condition: Expression;
  body: Block;
}

// हरेक i = सुरु देखि अन्त सम्म [कदम चरण] … अन्त्य
// start, end and step are evaluated once, before the first pass; the range is inclusive.
// Assigning to the variable inside the body does not change the iteration (keep a hidden
// counter). A step of 0 is a runtime error reported at the step expression. With step > 0 the
// loop runs while i <= end, with step < 0 while i >= end (Python's range with end+1/end-1).
export interface RangeLoop extends NodeBase {
  kind: 'RangeLoop';
  variable: DeclaredName; // kind 'loopVariable', declared in `body`'s scope
  start: Expression;
  end: Expression;
  step: Expression | null; // null: step 1
  body: Block;
}

// हरेक x संग्रह मा … अन्त्य   (list elements, text code points, map keys)
export interface EachLoop extends NodeBase {
  kind: 'EachLoop';
  variable: DeclaredName; // kind 'loopVariable', declared in `body`'s scope
  iterable: Expression; // evaluated once
  body: Block;
}

// दोहोर्याउ n पटक … अन्त्य   (count evaluated once; must be an integer; ≤ 0 runs zero times)
export interface RepeatLoop extends NodeBase {
  kind: 'Repeat';
  count: Expression;
  body: Block;
}

// कार्य नाम(क, ख) … अन्त्य
// Every function is known at compile time: functions are top level only and their names cannot
// be assigned, so a call through a function's own name is always direct (CallTarget 'function',
// arity checked); calls through other values are 'dynamic'.
export interface FunctionDeclaration extends NodeBase {
  kind: 'FunctionDeclaration';
  name: DeclaredName; // kind 'function'
  parameters: DeclaredName[]; // kind 'parameter', declared in `body`'s scope
  body: Block;
  // Every non-parameter local of this function (variables, constants, loop variables of all
  // nested blocks), in source order. Parameters are in `parameters`.
  locals: number[];
  // The function's name is used other than as the callee of a direct call (stored, passed,
  // returned): the back end must materialise a function value for it.
  usedAsValue: boolean;
}

// फर्काउ [मान]   (alone: returns खाली)
export interface ReturnStatement extends NodeBase {
  kind: 'Return';
  value: Expression | null;
}

// रोक / जारी: act on the innermost loop (the checker guarantees there is one)
export interface BreakStatement extends NodeBase {
  kind: 'Break';
}

export interface ContinueStatement extends NodeBase {
  kind: 'Continue';
}

export interface ExpressionStatement extends NodeBase {
  kind: 'ExpressionStatement';
  expression: Expression;
}

// ───────────────────────────── expressions ─────────────────────────────

export type Expression =
  | IntegerLiteral
  | DecimalLiteral
  | TextLiteral
  | BooleanLiteral
  | NullLiteral
  | ListLiteral
  | MapLiteral
  | NameExpression
  | UnaryExpression
  | BinaryExpression
  | LogicalExpression
  | CallExpression
  | IndexExpression
  | ErrorExpression;

// १२, 12, १2 — always fits in a signed 64-bit integer (larger literals are a compile error).
// A negative number is a UnaryExpression '-' around a literal.
export interface IntegerLiteral extends NodeBase {
  kind: 'Integer';
  value: bigint;
}

// ३.१४ — `text` is the literal with latin digits ('3.14'), exact for emitting a C double.
export interface DecimalLiteral extends NodeBase {
  kind: 'Decimal';
  value: number;
  text: string;
}

// "…" with escapes decoded. Any Unicode scalar values (never lone surrogates).
export interface TextLiteral extends NodeBase {
  kind: 'Text';
  value: string;
}

// सत्य / असत्य
export interface BooleanLiteral extends NodeBase {
  kind: 'Boolean';
  value: boolean;
}

// खाली
export interface NullLiteral extends NodeBase {
  kind: 'Null';
}

// [क, ख, ग]
export interface ListLiteral extends NodeBase {
  kind: 'List';
  elements: Expression[];
}

// {कुञ्जी: मान, …}   (keys are evaluated left to right, each before its value; a repeated
// key keeps its first position and its last value, as in Python)
export interface MapLiteral extends NodeBase {
  kind: 'Map';
  entries: MapEntry[];
}

export interface MapEntry extends NodeBase {
  key: Expression;
  value: Expression;
}

// A use of a name.
export interface NameExpression extends NodeBase {
  kind: 'Name';
  name: string; // as written here
  binding: Binding;
  // A read, inside a function, of a global variable or constant: the function may run before
  // the global's declaration has (functions can be called before that point), so the back end
  // must check it is initialised and report a runtime error if not (Python's NameError).
  mayBeUninitialised: boolean;
}

export type UnaryOperator = '-' | 'not'; // '-' and होइन

export interface UnaryExpression extends NodeBase {
  kind: 'Unary';
  operator: UnaryOperator;
  operand: Expression;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator;

export interface BinaryExpression extends NodeBase {
  kind: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
  operatorRange: SourceRange; // where runtime errors of this operation are reported
}

// र / वा: short-circuit; operands must be booleans (runtime error otherwise)
export interface LogicalExpression extends NodeBase {
  kind: 'Logical';
  operator: 'and' | 'or';
  left: Expression;
  right: Expression;
  operatorRange: SourceRange;
}

// What a call calls, decided by the checker.
export type CallTarget =
  | { kind: 'function'; id: number } // direct call of a user function; arity already checked
  | { kind: 'builtin'; name: BuiltinName } // builtin; arity already checked
  | { kind: 'dynamic' } // call through a value (variable, parameter, index, call result…): check at run time
  | { kind: 'unresolved' }; // only in ASTs that carry errors

export interface CallExpression extends NodeBase {
  kind: 'Call';
  callee: Expression;
  arguments: Expression[];
  target: CallTarget;
}

// वस्तु[सूचक]
export interface IndexExpression extends NodeBase {
  kind: 'Index';
  object: Expression;
  index: Expression;
}

// Stands in for an expression that failed to parse (only in ASTs that carry errors).
export interface ErrorExpression extends NodeBase {
  kind: 'Error';
}

// ───────────────────────────── diagnostics ─────────────────────────────

export interface Diagnostic {
  code: string; // stable, e.g. 'E1001' (1xxx lexical/syntax, 2xxx semantic; W… warnings)
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  message: string; // Nepali
  messageEn: string; // English
  // A quick fix, when there is one obvious edit: replace the diagnostic's range with this text
  // (e.g. '.' for `३।१४`, 'देखाउ' for `देखउ`, 'फलहरू मा' for `फलहरूमा`, 'राख क' for `क = ५`).
  replacement?: string;
}
