// `npm run bench`: runs every benchmark under bench/ (or the ones named: `npm run bench -- compiler`)
// and prints their measured tables. Benchmarks are not tests: they never fail on a number.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wanted = process.argv.slice(2);
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let status = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', f)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) status = 1;
}
process.exit(status);
