// The compile paths: how each C compiler is invoked to turn one generated C file into a
// statically linked executable against the Sajilo runtime library.
//   tcc-musl  tcc + musl libc + the gcc-built musl runtime: fastest to compile (default)
//   gcc       gcc -static against glibc: the fallback that always works; -O2 for --optimise
//   musl-gcc  gcc against musl: links faster than static glibc, used when glibc's is missing
import { statSync } from 'node:fs';
import path from 'node:path';
import { config } from '../../config';
import { detectHostTools, type HostTools } from './detect';
import type { RuntimeLibs } from './runtime-libs';

export type PathKind = 'tcc-musl' | 'musl-gcc' | 'gcc';
export const PATH_KINDS: readonly PathKind[] = ['tcc-musl', 'musl-gcc', 'gcc'];

export interface Toolchain {
  kind: PathKind;
  compiler: string; // absolute path of argv[0]
  identity: string; // goes into the compile-cache key
  /** argv to compile `cFile` into `outFile` (both relative to the work directory). */
  argv(cFile: string, outFile: string, optimise: boolean): string[];
  readOnlyPaths: string[]; // host paths the compiler must see besides /usr, /lib, /bin
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function tccMusl(tools: HostTools, rt: RuntimeLibs): Toolchain | null {
  const { tcc, musl, gcc } = tools;
  if (!tcc || !musl || !rt.muslLib) return null;
  const crt = (f: string) => path.join(musl.libDir, f);
  // The runtime is built by gcc, which may call into libgcc helpers; tcc does not link libgcc.
  const libgcc = gcc?.libgcc ? [gcc.libgcc] : [];
  return {
    kind: 'tcc-musl',
    compiler: tcc.path,
    identity: `tcc-musl|${tcc.version}|${stamp(crt('libc.a'))}|${gcc?.version ?? ''}`,
    argv: (cFile, outFile) => [
      tcc.path,
      '-nostdinc',
      '-nostdlib',
      '-static',
      '-I',
      tcc.includeDir,
      '-I',
      musl.includeDir,
      '-I',
      rt.includeDir,
      '-o',
      outFile,
      crt('crt1.o'),
      crt('crti.o'),
      cFile,
      rt.muslLib!,
      crt('libc.a'),
      path.join(tcc.libDir, 'libtcc1.a'),
      ...libgcc,
      crt('crtn.o'),
    ],
    readOnlyPaths: [rt.includeDir, rt.muslLib],
  };
}

function muslGcc(tools: HostTools, rt: RuntimeLibs): Toolchain | null {
  const { gcc, musl } = tools;
  if (!gcc || !musl?.specs || !rt.muslLib) return null;
  return {
    kind: 'musl-gcc',
    compiler: gcc.path,
    identity: `musl-gcc|${gcc.version}|${stamp(path.join(musl.libDir, 'libc.a'))}`,
    argv: (cFile, outFile, optimise) => [
      gcc.path,
      '-specs',
      musl.specs!,
      optimise ? '-O2' : '-O0',
      '-static',
      '-pipe',
      '-w',
      '-I',
      rt.includeDir,
      '-o',
      outFile,
      cFile,
      rt.muslLib!,
      '-lm',
    ],
    readOnlyPaths: [rt.includeDir, rt.muslLib],
  };
}

function gccGlibc(tools: HostTools, rt: RuntimeLibs): Toolchain | null {
  const { gcc } = tools;
  if (!gcc || !rt.glibcLib) return null;
  return {
    kind: 'gcc',
    compiler: gcc.path,
    identity: `gcc|${gcc.version}`,
    argv: (cFile, outFile, optimise) => [
      gcc.path,
      optimise ? '-O2' : '-O0',
      '-static',
      '-pipe',
      '-w',
      '-I',
      rt.includeDir,
      '-o',
      outFile,
      cFile,
      rt.glibcLib!,
      '-lm',
    ],
    readOnlyPaths: [rt.includeDir, rt.glibcLib],
  };
}

const MAKERS: Record<PathKind, (t: HostTools, rt: RuntimeLibs) => Toolchain | null> = {
  'tcc-musl': tccMusl,
  'musl-gcc': muslGcc,
  gcc: gccGlibc,
};

/** Every compile path that works on this machine with this runtime build. */
export function availableToolchains(rt: RuntimeLibs, tools = detectHostTools()): Toolchain[] {
  return PATH_KINDS.map((k) => MAKERS[k](tools, rt)).filter((t): t is Toolchain => t !== null);
}

// Measured (docs/compiler.md): tcc-musl compiles hello world with ~6 ms of CPU against
// 45-113 ms for the gcc paths, so it is the default. For --optimise, gcc -O2 code is as fast
// on glibc as on musl for pure computation, and ~3x faster on allocation-heavy loops
// (glibc's malloc and memmove), so gcc with glibc comes first.
const DEFAULT_ORDER: PathKind[] = ['tcc-musl', 'gcc', 'musl-gcc'];
const OPTIMISE_ORDER: PathKind[] = ['gcc', 'musl-gcc', 'tcc-musl'];

/**
 * The path to use: SAJILO_CC forces one (tests run every path), otherwise the fastest that
 * is available; with `optimise`, the one that generates the best code.
 */
export function chooseToolchain(
  rt: RuntimeLibs,
  optimise: boolean,
  forced: string | undefined = config().SAJILO_CC,
): Toolchain {
  const all = availableToolchains(rt);
  if (forced) {
    const hit = all.find((t) => t.kind === forced);
    if (!hit)
      throw new Error(
        `C compiler path "${forced}" is not available (have: ${all.map((t) => t.kind).join(', ') || 'none'})`,
      );
    return hit;
  }
  for (const kind of optimise ? OPTIMISE_ORDER : DEFAULT_ORDER) {
    const hit = all.find((t) => t.kind === kind);
    if (hit) return hit;
  }
  throw new Error(
    'no C compiler found: install gcc (and tcc + musl-tools for fast compiles), then run `npm run setup`',
  );
}
