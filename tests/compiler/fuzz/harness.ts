// What the fuzz tests and `npm run bench -- fuzz` do with one input: the front end must not
// throw and must report sane diagnostics; an accepted program must compile on a C path and
// its executable must end with a status (0, or 1 for a runtime error), never a signal.
import { spawnSync } from 'node:child_process';
import { buildExecutable, type PathKind } from '@/lib/compiler/build';
import { findOnPath } from '@/lib/compiler/driver/detect';
import { loadRuntimeLibs } from '@/lib/compiler/driver/runtime-libs';
import { availableToolchains } from '@/lib/compiler/driver/toolchain';
import { CompilerFailure, oneLine } from '@/lib/compiler/failure';
import { compileFrontEnd } from '@/lib/compiler/frontend';
import { diagnosticProblem } from './inputs';

export type FrontEndOutcome =
  { kind: 'accepted' | 'rejected' } | { kind: 'internal' | 'bad-diagnostic'; detail: string };

export function frontEnd(source: string): FrontEndOutcome {
  let result: ReturnType<typeof compileFrontEnd>;
  try {
    result = compileFrontEnd(source);
  } catch (error) {
    return { kind: 'internal', detail: oneLine(error) };
  }
  const lines = source.split(/\r\n|\r|\n/);
  for (const d of result.diagnostics) {
    const problem = diagnosticProblem(lines, d);
    if (problem) return { kind: 'bad-diagnostic', detail: `${problem}: ${JSON.stringify(d)}` };
  }
  const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
  if ((result.program === null) !== hasErrors) return { kind: 'bad-diagnostic', detail: 'program/errors mismatch' };
  return { kind: hasErrors ? 'rejected' : 'accepted' };
}

/** The compile paths this host has (tcc+musl, musl-gcc, gcc), fastest first. */
export function installedPaths(): PathKind[] {
  try {
    return availableToolchains(loadRuntimeLibs()).map((t) => t.kind);
  } catch {
    return [];
  }
}

export type RunOutcome =
  | { kind: 'ok' | 'runtime-error'; stdout: string }
  | { kind: 'limit'; detail: string } // CPU, memory or output limit of the fuzz run: not a fault
  | { kind: 'internal' | 'c-compile-failure' | 'signal' | 'bad-status'; detail: string };

const PRLIMIT = findOnPath('prlimit');
const LIMIT_SIGNALS = new Set(['SIGXCPU', 'SIGKILL']);

/** Compiles an accepted program on one path (latin digits) and runs it with small limits. */
export async function compileAndRun(source: string, path: PathKind, stdin = ''): Promise<RunOutcome> {
  let executable: string;
  try {
    const build = await buildExecutable(source, { compilePath: path, latinDigits: true });
    if (!build.ok || !build.executable)
      return { kind: 'internal', detail: 'accepted by the front end, refused by the build' };
    executable = build.executable;
  } catch (error) {
    const failure = CompilerFailure.from(error);
    const kind = failure.name === 'CCompileError' ? 'c-compile-failure' : 'internal';
    return { kind, detail: oneLine(failure) };
  }
  const argv = PRLIMIT ? [PRLIMIT, '--cpu=2', `--as=${512 * 2 ** 20}`, '--core=0', '--', executable] : [executable];
  const r = spawnSync(argv[0], argv.slice(1), {
    input: stdin,
    encoding: 'utf8',
    timeout: 10_000,
    maxBuffer: 8 * 2 ** 20,
  });
  if (r.error) return { kind: 'limit', detail: oneLine(r.error) }; // timeout or output beyond maxBuffer
  if (r.signal)
    return LIMIT_SIGNALS.has(r.signal) ? { kind: 'limit', detail: r.signal } : { kind: 'signal', detail: r.signal };
  if (r.status === 0) return { kind: 'ok', stdout: r.stdout };
  if (r.status === 1 && r.stderr.includes('Runtime error')) return { kind: 'runtime-error', stdout: r.stdout };
  return { kind: 'bad-status', detail: `status ${r.status}: ${r.stderr.slice(0, 300)}` };
}
