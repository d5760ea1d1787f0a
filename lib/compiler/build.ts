// buildExecutable: Sajilo source → statically linked executable, through the compile cache.
// Server only. Contract: docs/interfaces.md ("Compiler back end").
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompileCache, hashKey } from './driver/cache';
import { compilerFingerprint } from './driver/fingerprint';
import { type CompilerRunner, runCompilerLocally } from './driver/local-runner';
import { loadRuntimeLibs } from './driver/runtime-libs';
import { chooseToolchain, type PathKind } from './driver/toolchain';
import type { Diagnostic } from './frontend/ast';
import { translateHere, type Translator } from './translate';

export type { CompilerRunner } from './driver/local-runner';
export type { PathKind } from './driver/toolchain';

export interface BuildOptions {
  latinDigits?: boolean; optimise?: boolean; runCompiler?: CompilerRunner;
  compilePath?: PathKind;       // force one C compile path (tests, benchmarks); default: fastest available
  translate?: Translator;       // where the front end and C generator run; default: this thread
}

export interface BuildResult {
  ok: boolean; diagnostics: Diagnostic[];
  omittedDiagnostics: number;   // diagnostics beyond the reported ones, only counted
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

export async function buildExecutable(source: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const optimise = options.optimise ?? false;
  const latinDigits = options.latinDigits ?? false;
  const runtime = loadRuntimeLibs();
  const tc = chooseToolchain(runtime, optimise, options.compilePath ?? process.env.SAJILO_CC);
  const cache = new CompileCache();
  const key = hashKey({
    format: CACHE_FORMAT, source, latinDigits, optimise,
    compiler: tc.identity, runtime: runtime.hash, backend: compilerFingerprint(),
  });
  const done = (r: Omit<BuildResult, 'compiler' | 'compileMs'>): BuildResult =>
    ({ ...r, compiler: tc.kind, compileMs: Math.round(performance.now() - started) });

  const hit = cache.lookup(key);
  if (hit) {
    return done({
      ok: true, diagnostics: hit.meta.diagnostics as Diagnostic[], omittedDiagnostics: hit.meta.omittedDiagnostics ?? 0,
      executable: hit.executable, cached: true,
    });
  }

  const front = await (options.translate ?? translateHere)(source, { latinDigits, byPointer: tc.kind === 'tcc-musl' });
  const { c, diagnostics, omittedDiagnostics } = front;
  if (c === null) return done({ ok: false, diagnostics, omittedDiagnostics, executable: null, cached: false });

  const workDir = cache.makeWorkDir();
  try {
    writeFileSync(path.join(workDir, 'prog.c'), c);
    const run = options.runCompiler ?? runCompilerLocally;
    const r = await run({ argv: tc.argv('prog.c', 'prog', optimise), workDir, readOnlyPaths: tc.readOnlyPaths });
    if (!r.ok) throw new CCompileError(tc.kind, r.stderr);
    const executable = cache.store(key, path.join(workDir, 'prog'), { compiler: tc.kind, diagnostics, omittedDiagnostics });
    return done({ ok: true, diagnostics, omittedDiagnostics, executable, cached: false });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
