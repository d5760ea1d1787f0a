// `npm start`: builds the production app when the build is missing or older than the
// sources, then serves it (PORT, default 3000). No configuration is needed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const built = buildIfStale();
if (built !== 0) process.exit(built);
// Next's own bin under this node (not npx), so a signal to `npm start` reaches next-server
// itself: through npx, next-server outlived its parent and kept the PGlite data dir locked.
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [nextBin, 'start', '-p', process.env.PORT ?? '3000'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
