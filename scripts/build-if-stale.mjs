// The production build (`next build`), made only when it is missing or older than the sources.
// Shared by `npm start`, `npm test` (the server and end-to-end tests run against it) and the
// benchmarks. Run directly, it builds when stale and exits with next build's status.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// The same dist directory next.config.js uses (SAJILO_NEXT_DIST, default .next).
const buildId = path.join(root, process.env.SAJILO_NEXT_DIST || '.next', 'BUILD_ID');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsStale() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'sandbox', 'prisma', 'public', 'docs', 'examples'].map((d) =>
    newestMtime(path.join(root, d)),
  );
  const configs = ['next.config.js', 'package.json', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'].map((f) =>
    existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
  );
  return Math.max(...sources, ...configs) > built;
}

/** Builds when stale; returns next build's exit status (0 when nothing had to be done). */
export function buildIfStale() {
  if (!buildIsStale()) return 0;
  console.log('[build] building the production app (about a minute)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  return spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(buildIfStale());
}
