// Reads build/runtime/manifest.json, written by lib/compiler/runtime/build.mjs, for the
// paths of the runtime's static libraries, its header directory and its hash.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

export interface RuntimeLibs {
  hash: string;
  includeDir: string; // holds sajilo.h
  glibcLib: string | null; // libsajilo.a built by gcc against glibc
  muslLib: string | null; // libsajilo.a built by musl-gcc, for tcc and musl-gcc
}

export class RuntimeMissingError extends Error {
  constructor(detail: string) {
    super(`the Sajilo C runtime is not built (${detail}): run \`npm run setup\``);
  }
}

function abs(root: string, p: unknown): string | null {
  if (typeof p !== 'string' || p === '') return null;
  const full = path.resolve(root, p);
  return existsSync(full) ? full : null;
}

export function loadRuntimeLibs(root = REPO_ROOT): RuntimeLibs {
  const file = path.join(root, 'build/runtime/manifest.json');
  if (!existsSync(file)) throw new RuntimeMissingError(`${path.relative(root, file)} not found`);
  const m = JSON.parse(readFileSync(file, 'utf8'));
  const includeDir = abs(root, m.includeDir) ?? path.join(root, 'lib/compiler/runtime');
  const rt: RuntimeLibs = {
    hash: String(m.sourceHash ?? m.hash ?? ''),
    includeDir,
    glibcLib: abs(root, m.libraries?.glibc),
    muslLib: abs(root, m.libraries?.musl),
  };
  if (!rt.hash) throw new RuntimeMissingError('manifest has no hash');
  if (!rt.glibcLib && !rt.muslLib) throw new RuntimeMissingError('no runtime library listed');
  return rt;
}
