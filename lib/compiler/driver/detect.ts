// Finds the C compilers and C libraries on this machine. Pure detection: no compiling here.
// Results are memoised for the process, since PATH and /usr do not change under us.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { config } from '../../config';

export interface MuslInstall {
  libDir: string;
  includeDir: string;
  specs: string | null;
}
export interface TccInstall {
  path: string;
  version: string;
  libDir: string;
  includeDir: string;
}
export interface GccInstall {
  path: string;
  version: string;
  libgcc: string | null;
}
export interface HostTools {
  tcc: TccInstall | null;
  gcc: GccInstall | null;
  musl: MuslInstall | null;
}

const MUSL_CANDIDATES = [
  { libDir: '/usr/lib/x86_64-linux-musl', includeDir: '/usr/include/x86_64-linux-musl' },
  { libDir: '/usr/lib/musl/lib', includeDir: '/usr/lib/musl/include' },
  { libDir: '/usr/local/musl/lib', includeDir: '/usr/local/musl/include' },
];

/** Absolute path of a program on PATH, or null. */
export function findOnPath(name: string, envPath = config().PATH ?? ''): string | null {
  for (const dir of envPath.split(':')) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

function firstLine(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) return null;
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? null;
}

function detectMusl(): MuslInstall | null {
  const m = MUSL_CANDIDATES.find(
    (c) =>
      existsSync(path.join(c.libDir, 'libc.a')) &&
      existsSync(path.join(c.libDir, 'crt1.o')) &&
      existsSync(path.join(c.includeDir, 'stdio.h')),
  );
  if (!m) return null;
  // The specs file is what the musl-gcc wrapper script passes to gcc; we pass it ourselves.
  const specs = path.join(m.libDir, 'musl-gcc.specs');
  return { ...m, specs: existsSync(specs) ? specs : null };
}

// tcc prints its install directory (libtcc1.a and its own stddef.h/stdarg.h live there).
function detectTcc(): TccInstall | null {
  const bin = config().SAJILO_TCC ?? findOnPath('tcc');
  if (!bin) return null;
  const version = firstLine(bin, ['-v']);
  const dirs = spawnSync(bin, ['-print-search-dirs'], { encoding: 'utf8', timeout: 5000 });
  const install = /^install:\s*(\S+)/m.exec(dirs.stdout ?? '')?.[1];
  if (!version || !install || !existsSync(path.join(install, 'libtcc1.a'))) return null;
  return { path: bin, version, libDir: install, includeDir: path.join(install, 'include') };
}

function detectGcc(): GccInstall | null {
  const bin = config().SAJILO_GCC ?? findOnPath('gcc');
  if (!bin) return null;
  const version = firstLine(bin, ['--version']);
  const libgcc = firstLine(bin, ['-print-libgcc-file-name']);
  return version ? { path: bin, version, libgcc: libgcc && existsSync(libgcc) ? libgcc : null } : null;
}

let memo: HostTools | null = null;
export function detectHostTools(): HostTools {
  memo ??= { tcc: detectTcc(), gcc: detectGcc(), musl: detectMusl() };
  return memo;
}
