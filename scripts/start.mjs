// `npm start`: checks the configuration (lib/config, through tsx), builds the production app
// when the build is missing or older than the sources, then serves it (PORT, default 3000).
// No configuration is needed; a variable that is set but wrong stops here, before a build.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
register();
const { config } = await import('../lib/config/index.ts');
let settings;
try {
  settings = config();
} catch (err) {
  console.error(`[start] ${err.message}`);
  process.exit(1);
}
const built = buildIfStale();
if (built !== 0) process.exit(built);
// Next's own bin under this node (not npx), so a signal to `npm start` reaches next-server
// itself: through npx, next-server outlived its parent and kept the PGlite data dir locked.
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
console.log(`[start] Node ${process.version}, port ${settings.PORT}`);
// NEXT_MANUAL_SIG_HANDLE: Next leaves SIGTERM to the server's graceful shutdown (instrumentation.ts),
// which lets running programs finish, instead of exiting at once.
const child = spawn(process.execPath, [nextBin, 'start', '-p', String(settings.PORT)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: '1' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
