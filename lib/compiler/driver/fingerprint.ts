// A hash of the compiler's own TypeScript sources, part of every cache key: a changed front
// end or code generator must never serve executables built by the old one.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

let memo: string | null = null;

function collect(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
}

export function compilerFingerprint(root = path.join(REPO_ROOT, 'lib/compiler')): string {
  if (memo) return memo;
  const files: string[] = [];
  collect(root, files);
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  memo = h.digest('hex');
  return memo;
}
