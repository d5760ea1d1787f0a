// `npm test`: unit and integration tests (vitest), the type check, the lint and the formatting
// check, then end-to-end tests (Playwright in Debian's Chromium) where the machine has or can
// install a browser. Ends with one line `N passed, M failed, K skipped` counted from both
// runners' JSON reports, each other check counting as one; end-to-end tests that could
// not run (no browser, or SKIP_E2E) are listed and counted as skipped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, '.test-results');
mkdirSync(out, { recursive: true });

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

let passed = 0;
let failed = 0;
let skipped = 0;

// One production build serves the server tests (vitest) and the end-to-end tests alike.
const buildStatus = buildIfStale();
console.log(`[test] production build ${buildStatus === 0 ? 'ready' : 'failed'}`);
if (buildStatus === 0) passed += 1;
else failed += 1;

const vitestJson = path.join(out, 'vitest.json');
rmSync(vitestJson, { force: true });
const extra = process.argv.slice(2);
const vitestStatus = run('npx', [
  '--no-install',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  ...extra,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A file that failed outside its tests (import error, failing beforeAll) has no failed test
  // counted: count each such file as one failure.
  failed += report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'),
  ).length;
} else if (vitestStatus !== 0) {
  failed += 1;
}

// The whole tree type-checks (tests and benchmarks included; `next build` checks only the app).
if (extra.length === 0) {
  const typecheck = run('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tsconfig.json']);
  console.log(`[test] typecheck ${typecheck === 0 ? 'passed' : 'failed'}`);
  if (typecheck === 0) passed += 1;
  else failed += 1;
  // The lint and the formatting, each one check like the type check.
  for (const [name, script] of [
    ['lint', 'lint'],
    ['formatting', 'format:check'],
  ]) {
    const status = run('npm', ['run', '--silent', script]);
    console.log(`[test] ${name} ${status === 0 ? 'passed' : 'failed'}`);
    if (status === 0) passed += 1;
    else failed += 1;
  }
}

if (existsSync(path.join(root, 'scripts/e2e.mjs')) && extra.length === 0) {
  const e2eJson = path.join(out, 'playwright.json');
  rmSync(e2eJson, { force: true });
  const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson, ...(buildStatus === 0 ? { E2E_SKIP_BUILD: '1' } : {}) };
  // Listing only (no browser, no server): the report counts every spec as skipped.
  const status = process.env.SKIP_E2E
    ? run('npx', ['--no-install', 'playwright', 'test', '--list'], env)
    : run(process.execPath, [path.join(root, 'scripts/e2e.mjs')], env);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    if (s.flaky)
      console.log(`[test] ${s.flaky} end-to-end test(s) flaky: failed once, passed on the retry (listed above)`);
    failed += s.unexpected;
    skipped += s.skipped;
  } else if (status !== 0) {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || vitestStatus !== 0 ? 1 : 0);
