// A failure inside the compiler is a bug, never the user's fault: it must reach the user as one
// E9999 diagnostic at the position the compiler reached, never as an exception or a stack
// trace, and the server logs it with the source's hash instead of the source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { analyse, check, COMPILER_FAILURE_CODE } from '@/lib/compiler';
import { generateC } from '@/lib/compiler/backend';
import { buildOrReport, CCompileError, type CompilerRunner } from '@/lib/compiler/build';
import { CompilerFailure } from '@/lib/compiler/failure';
import { sourceHash } from '@/lib/compiler/failure-log';
import { compileFrontEnd } from '@/lib/compiler/frontend';
import type { Expression, Program } from '@/lib/compiler/frontend/ast';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sajilo-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const SECRET = 'राख गोप्य = "मेरो पासवर्ड"\nदेखाउ(गोप्य)\n';

describe('compiler failures become one diagnostic', () => {
  it('check and analyse answer a failure of the front end with E9999 and tell onFailure', () => {
    const seen: unknown[] = [];
    // Not a string: the front end itself throws (a TypeError deep inside normalisation).
    const diagnostics = check(42 as unknown as string, { onFailure: (e) => seen.push(e) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: COMPILER_FAILURE_CODE, severity: 'error', line: 1, column: 1 });
    expect(diagnostics[0].message).toContain('रिपोर्ट');
    expect(diagnostics[0].messageEn).toContain('please report it');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Error);
    expect(analyse(null as unknown as string).diagnostics.map((d) => d.code)).toEqual([COMPILER_FAILURE_CODE]);
  });

  it('puts the diagnostic where the back end had got to', () => {
    const source = 'राख क = १\nदेखाउ(क)\nदेखाउ(क + २)\n';
    const program = compileFrontEnd(source).program as Program;
    // An expression kind the back end does not know, on line 3: a fault in the compiler.
    const call = (program.body.statements[2] as { expression: { arguments: Expression[] } }).expression;
    (call.arguments[0] as { kind: string }).kind = 'NoSuchExpression';
    let failure: CompilerFailure | null = null;
    try {
      generateC(program);
    } catch (error) {
      failure = CompilerFailure.from(error);
    }
    expect(failure?.diagnostic).toMatchObject({ code: COMPILER_FAILURE_CODE, line: 3, column: 7 });
  });

  it('buildOrReport turns a C compile failure into a failed compile and logs the hash, not the source', async () => {
    process.env.SAJILO_CACHE_DIR = path.join(dir, 'cache');
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.join(' '));
    });
    const failing: CompilerRunner = async () => ({ ok: false, stderr: 'prog.c:1: error: something broke' });
    const r = await buildOrReport(SECRET, { runCompiler: failing });
    expect(r).toMatchObject({ ok: false, executable: null, cached: false });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: COMPILER_FAILURE_CODE, line: 1, column: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`sha256:${sourceHash(SECRET)}`);
    expect(errors[0]).toContain('something broke');
    expect(errors[0]).not.toContain('पासवर्ड');
    expect(new CCompileError('tcc-musl', 'x')).toBeInstanceOf(CompilerFailure);
  });
});

describe('the sajilo command on a compiler failure', () => {
  it('prints the E9999 diagnostic with its position and one line, no stack trace, and exits 70', () => {
    const file = path.join(dir, 'ok.saj');
    writeFileSync(file, 'देखाउ(१)\n');
    const notADirectory = path.join(dir, 'plain-file');
    writeFileSync(notADirectory, '');
    // The compile cache cannot be created under a plain file: the driver fails.
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sajilo.mjs'), 'run', file], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, SAJILO_CACHE_DIR: path.join(notADirectory, 'cache') },
    });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain(`${file}:1:1:`);
    expect(r.stderr).toContain('E9999');
    expect(r.stderr).toContain('please report it');
    expect(r.stderr).toContain('ENOTDIR');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
