// Builds the native launcher with the system C compiler into build/sandbox/sajilo-launcher.
// Runs at `npm install` (scripts/setup.mjs). libc and kernel headers only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const outDir = path.join(root, 'build', 'sandbox');
const src = path.join(here, 'native');
const sources = readdirSync(src)
  .filter((f) => f.endsWith('.c'))
  .sort()
  .map((f) => path.join(src, f));
mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'sajilo-launcher');
const tmp = `${out}.${process.pid}.tmp`; // atomic replace: running supervisors keep their inode
const cc = process.env.CC || 'cc';
const args = [
  '-std=gnu11',
  '-O2',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-Wno-unused-parameter',
  '-D_FORTIFY_SOURCE=2',
  '-fstack-protector-strong',
  '-o',
  tmp,
  ...sources,
];
// Static when the C library allows (no dynamic loader on each start: the benchmark client and
// every supervisor start faster); dynamic otherwise.
let r = spawnSync(cc, ['-static', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
if (r.status !== 0) r = spawnSync(cc, args, { stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`[sandbox] ${cc} failed; the sandbox will refuse to run (internal_error)`);
  process.exit(1);
}
renameSync(tmp, out);
console.log(`[sandbox] built ${path.relative(root, out)}`);
