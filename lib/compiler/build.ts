// buildExecutable: Sajilo source → statically linked executable, through the compile cache.
// Server only. Contract: docs/interfaces.md ("Compiler back end").
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateC } from './backend/index';
import { CompileCache, hashKey } from './driver/cache';
import { compilerFingerprint } from './driver/fingerprint';
import { type CompilerRunner, runCompilerLocally } from './driver/local-runner';
import { loadRuntimeLibs } from './driver/runtime-libs';
import { chooseToolchain, type PathKind } from './driver/toolchain';
import type { Diagnostic } from './frontend/ast';
import { compileFrontEnd } from './frontend/index';

export type { CompilerRunner } from './driver/local-runner';
export type { PathKind } from './driver/toolchain';

export interface BuildOptions {
  latinDigits?: boolean; optimise?: boolean; runCompiler?: CompilerRunner;
  compilePath?: PathKind;       // force one C compile path (tests, benchmarks); default: fastest available
}

export interface BuildResult {
  ok: boolean; diagnostics: Diagnostic[];
  executable: string | null;    // path of a statically linked executable (in the compile cache)
  cached: boolean; compiler: string; compileMs: number;
}

/** The C compiler failed on generated C (or timed out): a bug or a broken host, never the user's fault. */
export class CCompileError extends Error {
  constructor(readonly compiler: string, readonly stderr: string) {
    super(`internal error: the C compiler (${compiler}) failed on generated code:\n${stderr.slice(0, 4000)}`);
  }
}

const CACHE_FORMAT = 1;

/** The toolchain and cache key of one build: everything that determines the executable. */
function planBuild(source: string, options: BuildOptions) {
  const optimise = options.optimise ?? false;
  const latinDigits = options.latinDigits ?? false;
  const runtime = loadRuntimeLibs();
  const tc = chooseToolchain(runtime, optimise, options.compilePath ?? process.env.SAJILO_CC);
  const key = hashKey({
    format: CACHE_FORMAT, source, latinDigits, optimise,
    compiler: tc.identity, runtime: runtime.hash, backend: compilerFingerprint(),
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
  return { ok: true, diagnostics: hit.meta.diagnostics as Diagnostic[], executable: hit.executable, cached: true,
    compiler: tc.kind, compileMs: Math.round(performance.now() - started) };
}

export async function buildExecutable(source: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { optimise, latinDigits, tc, key, cache } = planBuild(source, options);
  const done = (r: Omit<BuildResult, 'compiler' | 'compileMs'>): BuildResult =>
    ({ ...r, compiler: tc.kind, compileMs: Math.round(performance.now() - started) });

  const hit = cache.lookup(key);
  if (hit) return done({ ok: true, diagnostics: hit.meta.diagnostics as Diagnostic[], executable: hit.executable, cached: true });

  const front = compileFrontEnd(source);
  if (!front.program) return done({ ok: false, diagnostics: front.diagnostics, executable: null, cached: false });

  const c = generateC(front.program, { latinDigits, byPointer: tc.kind === 'tcc-musl' });
  const workDir = cache.makeWorkDir();
  try {
    writeFileSync(path.join(workDir, 'prog.c'), c);
    const run = options.runCompiler ?? runCompilerLocally;
    const r = await run({ argv: tc.argv('prog.c', 'prog', optimise), workDir, readOnlyPaths: tc.readOnlyPaths });
    if (!r.ok) throw new CCompileError(tc.kind, r.stderr);
    const executable = cache.store(key, path.join(workDir, 'prog'), { compiler: tc.kind, diagnostics: front.diagnostics });
    return done({ ok: true, diagnostics: front.diagnostics, executable, cached: false });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
