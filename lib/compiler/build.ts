// buildExecutable: Sajilo source → statically linked executable, through the compile cache.
// Server only. Contract: docs/interfaces.md ("Compiler back end").
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { CompileCache, hashKey } from './driver/cache';
import { compilerFingerprint } from './driver/fingerprint';
import { type CompilerRunner, runCompilerLocally } from './driver/local-runner';
import { loadRuntimeLibs } from './driver/runtime-libs';
import { chooseToolchain, type PathKind } from './driver/toolchain';
import { CompilerFailure } from './failure';
import { logCompilerFailure } from './failure-log';
import type { Diagnostic } from './frontend/ast';
import { translateHere, type Translation, type Translator } from './translate';

export type { CompilerRunner } from './driver/local-runner';
export type { PathKind } from './driver/toolchain';
export { CompilerFailure } from './failure';

export interface BuildOptions {
  latinDigits?: boolean;
  optimise?: boolean;
  runCompiler?: CompilerRunner;
  compilePath?: PathKind; // force one C compile path (tests, benchmarks); default: fastest available
  translate?: Translator; // where the front end and C generator run; default: this thread
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  omittedDiagnostics: number; // diagnostics beyond the reported ones, only counted
  executable: string | null; // path of a statically linked executable (in the compile cache)
  cached: boolean;
  compiler: string;
  compileMs: number;
}

/** The C compiler failed on generated C (or timed out): a bug or a broken host, never the user's fault. */
export class CCompileError extends CompilerFailure {
  constructor(
    readonly compiler: string,
    readonly stderr: string,
  ) {
    // No source position means anything here: the diagnostic is put at the program's start.
    super(`internal error: the C compiler (${compiler}) failed on generated code:\n${stderr.slice(0, 4000)}`, {
      position: { line: 1, column: 1 },
    });
    this.name = 'CCompileError';
  }
}

const CACHE_FORMAT = 1;

/** The toolchain and cache key of one build: everything that determines the executable. */
function planBuild(source: string, options: BuildOptions) {
  const optimise = options.optimise ?? false;
  const latinDigits = options.latinDigits ?? false;
  const runtime = loadRuntimeLibs();
  const tc = chooseToolchain(runtime, optimise, options.compilePath ?? config().SAJILO_CC);
  const key = hashKey({
    format: CACHE_FORMAT,
    source,
    latinDigits,
    optimise,
    compiler: tc.identity,
    runtime: runtime.hash,
    backend: compilerFingerprint(),
  });
  return { optimise, latinDigits, tc, key, cache: new CompileCache() };
}

/**
 * The executable the cache holds for these options, or null: never compiles. The tiered run
 * pipeline asks this for the optimised build before compiling on the fast path.
 */
export function findCachedExecutable(source: string, options: BuildOptions = {}): BuildResult | null {
  const started = performance.now();
  const { tc, key, cache } = planBuild(source, options);
  const hit = cache.lookup(key);
  if (!hit) return null;
  return {
    ok: true,
    diagnostics: hit.meta.diagnostics as Diagnostic[],
    omittedDiagnostics: hit.meta.omittedDiagnostics ?? 0,
    executable: hit.executable,
    cached: true,
    compiler: tc.kind,
    compileMs: Math.round(performance.now() - started),
  };
}

export async function buildExecutable(source: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { optimise, latinDigits, tc, key, cache } = planBuild(source, options);
  const done = (r: Omit<BuildResult, 'compiler' | 'compileMs'>): BuildResult => ({
    ...r,
    compiler: tc.kind,
    compileMs: Math.round(performance.now() - started),
  });

  const hit = cache.lookup(key);
  if (hit) {
    return done({
      ok: true,
      diagnostics: hit.meta.diagnostics as Diagnostic[],
      omittedDiagnostics: hit.meta.omittedDiagnostics ?? 0,
      executable: hit.executable,
      cached: true,
    });
  }

  let front: Translation;
  try {
    front = await (options.translate ?? translateHere)(source, { latinDigits, byPointer: tc.kind === 'tcc-musl' });
  } catch (error) {
    throw CompilerFailure.from(error); // at the position the front end or the back end reached
  }
  const { c, diagnostics, omittedDiagnostics } = front;
  if (c === null) return done({ ok: false, diagnostics, omittedDiagnostics, executable: null, cached: false });

  const workDir = cache.makeWorkDir();
  try {
    writeFileSync(path.join(workDir, 'prog.c'), c);
    const run = options.runCompiler ?? runCompilerLocally;
    const r = await run({ argv: tc.argv('prog.c', 'prog', optimise), workDir, readOnlyPaths: tc.readOnlyPaths });
    if (!r.ok) throw new CCompileError(tc.kind, r.stderr);
    const executable = cache.store(key, path.join(workDir, 'prog'), {
      compiler: tc.kind,
      diagnostics,
      omittedDiagnostics,
    });
    return done({ ok: true, diagnostics, omittedDiagnostics, executable, cached: false });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * buildExecutable for the server: a failure of the compiler itself (CompilerFailure, including
 * CCompileError, or anything else thrown while building) is logged with the source's hash and
 * answered as a failed compile with one E9999 diagnostic, so the user sees what happened and
 * the request does not fail.
 */
export async function buildOrReport(source: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  try {
    return await buildExecutable(source, options);
  } catch (error) {
    logCompilerFailure('build', source, error);
    const failure = CompilerFailure.from(error);
    const compiler = failure instanceof CCompileError ? failure.compiler : 'none';
    return {
      ok: false,
      diagnostics: [failure.diagnostic],
      omittedDiagnostics: 0,
      executable: null,
      cached: false,
      compiler,
      compileMs: Math.round(performance.now() - started),
    };
  }
}
