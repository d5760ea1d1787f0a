// Starts a command-line tool: its JavaScript bundle in build/cli/ (scripts/build-cli.mjs, made
// at `npm install`) when that bundle is fresh, else its TypeScript source through tsx, which
// costs about 0.35 s of compiling per call but always runs the code as it is now.
// Fresh means every repository source recorded at build time still has its size and mtime;
// an edit, a checkout or a deleted file sends the call to tsx until `npm run build:cli`.
// Called by an older system `node` (the shebang's, e.g. after `npm link` on a machine with Node 20),
// it hands the call to the Node that `npm install` put in node_modules: the tools run where the app runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const SUPPORTED_NODE_MAJOR = 24;

/** Whether build/cli/NAME.mjs was built from the sources as they are now. */
export function builtIsFresh(name) {
  try {
    const manifest = JSON.parse(readFileSync(new URL(`build/cli/${name}.json`, root), 'utf8'));
    statSync(new URL(`build/cli/${name}.mjs`, root));
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return false;
    return manifest.inputs.every(({ file, size, mtimeMs }) => {
      const st = statSync(new URL(file, root));
      return st.size === size && st.mtimeMs === mtimeMs;
    });
  } catch {
    return false; // no build, an unreadable manifest or a source gone: the source path decides
  }
}

/** Runs this call again under the installed Node when the current one is older; returns when it is not. */
function rerunUnderInstalledNode() {
  if (Number(process.versions.node.split('.')[0]) >= SUPPORTED_NODE_MAJOR) return;
  const installed = fileURLToPath(new URL('node_modules/node/bin/node', root));
  if (!existsSync(installed)) return; // no such install: run here rather than not at all
  const r = spawnSync(installed, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.error) return; // unusable binary (another architecture): run here
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}

/** Runs the tool NAME whose TypeScript entry is SOURCE (relative to the repository root). */
export async function launch(name, source) {
  rerunUnderInstalledNode();
  if (builtIsFresh(name)) {
    await import(new URL(`build/cli/${name}.mjs`, root).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL(source, root).href);
}
