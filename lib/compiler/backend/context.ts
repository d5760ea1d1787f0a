// State shared while generating C: the module (literals, globals) and, per C function, the
// lines being written, temporaries, and the stack of open blocks (for releasing locals when
// control leaves a block early through रोक, जारी or फर्काउ).
import type { Declaration, Program, SourceRange } from '../frontend/ast';
import { cInt, cUtf8 } from './escape';
import { globalsSeenByFunctions } from './usage';
import { globalName, literalSlot, localName, paramName } from './mangle';

/**
 * A C expression for a value, and whether the generated code owns (must release) it. `c` is
 * always a name or a literal, so fast paths may read it more than once. `int` marks an
 * integer literal (its fast paths need no tag check); `imm` any literal immediate.
 */
export interface Operand {
  c: string;
  owned: boolean;
  int?: bigint;
  imm?: boolean;
  knownInt?: boolean;
  bool?: 0 | 1;
}

/** Whether the operand is certainly an integer (a literal, or known from its definition). */
export const isInt = (o: Operand) => o.int !== undefined || o.knownInt === true;
export const needsRelease = (o: Operand) => o.owned && o.knownInt !== true;

export class ModuleState {
  readonly literals: string[] = []; // C declarations of literal slots
  private readonly literalIds = new Map<string, number>();
  readonly globalsNeedingFlag = new Set<number>();
  /** Globals some function mentions: C statics. The other globals are locals of program(). */
  readonly staticGlobals: Set<number>;

  constructor(
    readonly program: Program,
    readonly latinDigits: boolean,
    // User functions take and return values through pointers (for tcc, which copies every
    // struct passed by value through memmove); gcc optimises the by-value form better.
    readonly byPointer: boolean,
  ) {
    this.staticGlobals = globalsSeenByFunctions(program);
  }

  isStatic(id: number): boolean {
    return this.staticGlobals.has(id);
  }

  /** The static slot of a text literal, and its UTF-8 bytes as an escaped C literal. */
  textLiteral(text: string): { slot: string; bytes: string; length: number } {
    let n = this.literalIds.get(text);
    if (n === undefined) {
      n = this.literals.length;
      this.literalIds.set(text, n);
      this.literals.push(`static SjValue ${literalSlot(n)};`);
    }
    const { literal, length } = cUtf8(text);
    return { slot: literalSlot(n), bytes: literal, length };
  }

  declaration(id: number): Declaration {
    return this.program.declarations[id];
  }
}

/** The C constant for a source position (what sj_pos holds when an error is raised there). */
export const posC = (range: { start: { line: number; column: number } }) =>
  `SJ_POS(${range.start.line}, ${range.start.column})`;

const INDENTS: string[] = [];
const indent = (n: number) => (INDENTS[n] ??= '  '.repeat(n));

interface OpenBlock {
  declarations: number[]; // C locals to release when the block is left
  loopBody: boolean; // रोक / जारी stop unwinding here
  iterator: string | null; // the SjIter of a हरेक … मा loop whose body this is
}

export class FunctionState {
  private readonly out: string[] = [];
  private indentLevel = 1;
  private counter = 0;
  readonly blocks: OpenBlock[] = [];
  /** Locals that certainly hold integers here: range-loop variables their body never assigns. */
  readonly intLocals = new Set<number>();

  constructor(
    readonly module: ModuleState,
    readonly isMain: boolean,
    readonly borrowedParams: ReadonlySet<number>, // parameters never assigned: used in place
  ) {}

  // Pieces are pushed separately and joined once: concatenating each line would build a
  // rope per line for the garbage collector.
  line(text: string): void {
    this.out.push(indent(this.indentLevel), text, '\n');
  }
  open(head: string): void {
    this.line(head ? `${head} {` : '{');
    this.indentLevel++;
  }
  close(tail = ''): void {
    this.indentLevel--;
    this.line(`}${tail}`);
  }
  reopen(head: string): void {
    this.indentLevel--;
    this.line(`} ${head} {`);
    this.indentLevel++;
  }
  /** Everything written so far, one line per statement, each ending in a newline. */
  text(): string {
    return this.out.join('');
  }

  /** A fresh C identifier for a temporary. */
  fresh(prefix = 't'): string {
    return `${prefix}${this.counter++}`;
  }

  /** Stores the position that a failing runtime operation will report. */
  pos(range: SourceRange): void {
    this.line(`sj_pos = ${posC(range)};`);
  }

  /** Releases an owned operand (an integer holds no reference: nothing to do). */
  release(op: Operand): void {
    if (needsRelease(op)) this.line(`SJG_RELEASE(${op.c});`);
  }

  /** The operand as an owned reference: a borrowed one is retained first. */
  own(op: Operand): string {
    if (!op.owned && !op.imm) this.line(`SJG_RETAIN(${op.c});`);
    return op.c;
  }

  /**
   * C that moves the owned value `v` into `d`: a boolean or integer literal as its fields (a
   * literal SjValue read field by field costs tcc a memset call), anything else by SJG_COPY.
   */
  store(d: string, v: Operand): string {
    if (v.int !== undefined) return `SJG_SETINT(${d}, ${cInt(v.int)});`;
    if (v.bool !== undefined) return `(${d}).tag = SJ_BOOL; (${d}).as.i = ${v.bool};`;
    return `SJG_COPY(${d}, ${this.own(v)});`;
  }

  /** Where a declaration's value lives. */
  variable(id: number): string {
    const d = this.module.declaration(id);
    if (this.module.isStatic(id)) return globalName(id);
    if (d.kind === 'parameter' && this.borrowedParams.has(id)) {
      return this.module.byPointer ? `(*${paramName(id)})` : paramName(id);
    }
    return localName(id);
  }

  /** Releases and clears the locals of the innermost `count` open blocks. */
  unwind(count: number): void {
    for (let i = this.blocks.length - 1; i >= this.blocks.length - count; i--) {
      for (const id of this.blocks[i].declarations) this.clearLocal(id);
    }
  }

  clearLocal(id: number): void {
    if (this.borrowedParams.has(id)) return; // the caller owns it
    if (this.intLocals.has(id)) {
      this.line(`SJG_DROP_INT(${this.variable(id)});`);
      return;
    }
    const v = this.variable(id);
    this.line(`SJG_RELEASE(${v}); SJG_CLEAR(${v});`);
  }

  /** Number of open blocks up to and including the innermost loop body. */
  blocksToLoop(): number {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      if (this.blocks[i].loopBody) return this.blocks.length - i;
    }
    throw new Error('back end: रोक/जारी outside a loop');
  }

  activeIterators(): string[] {
    return this.blocks.map((b) => b.iterator).filter((it): it is string => it !== null);
  }
}
