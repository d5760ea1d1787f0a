// Runs `prisma generate` at `npm install` (called by scripts/setup.mjs). Works offline:
// every Prisma CLI command first tries to download a schema engine, which `generate` does
// not need; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download.
// The client is written to lib/generated/prisma (gitignored).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url); // any existing file
}
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const r = spawnSync(process.execPath, [prisma, 'generate', '--schema', path.join(root, 'prisma', 'schema.prisma')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
