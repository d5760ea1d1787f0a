// Runs after `npm install` (and as `npm run setup`): builds everything the app and the tests
// need that npm does not: the sandbox launcher, the C runtime, the Prisma client, the CLIs' bundles.
// Each part owns a step script; a step that is not there yet is skipped.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const steps = [
  ['sandbox launcher', 'sandbox/build.mjs'],
  ['C runtime', 'lib/compiler/runtime/build.mjs'],
  ['Prisma client', 'prisma/generate.mjs'],
  ['command-line tools', 'scripts/build-cli.mjs'],
];

let failed = false;
for (const [name, script] of steps) {
  const file = path.join(root, script);
  if (!existsSync(file)) continue;
  console.log(`[setup] ${name}`);
  const r = spawnSync(process.execPath, [file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[setup] ${name} failed (exit ${r.status})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
