// `npm start`: builds the production app when the build is missing or older than the
// sources, then serves it (PORT, default 3000). No configuration is needed.
import { spawnSync, spawn } from 'node:child_process';
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

function buildIsStale() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'sandbox', 'prisma', 'public', 'docs', 'examples'].map((d) => newestMtime(path.join(root, d)));
  const configs = ['next.config.js', 'package.json', 'tsconfig.json'].map((f) => (existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0));
  return Math.max(...sources, ...configs) > built;
}

if (buildIsStale()) {
  console.log('[start] building the app (about a minute)…');
  const r = spawnSync('npx', ['--no-install', 'next', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Next's own bin under this node (not npx), so a signal to `npm start` reaches next-server
// itself: through npx, next-server outlived its parent and kept the PGlite data dir locked.
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [nextBin, 'start', '-p', process.env.PORT ?? '3000'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
