// Bundles the command-line tools (lib/compiler/cli.ts, sandbox/cli.ts, `sajilo worker`) to plain JavaScript
// in build/cli/, so that bin/*.mjs start without tsx compiling TypeScript on every call.
// Runs at `npm install` (scripts/setup.mjs) and as `npm run build:cli`.
//
// Next to each bundle, build/cli/NAME.json lists the repository sources it was made from with
// their size and mtime; bin/launch.mjs runs the bundle only while they all still match, and
// loads the TypeScript through tsx otherwise (a checkout without a build, or an edited source).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, 'build', 'cli');
// sajilo-worker: `sajilo worker`, bundled apart (the run pipeline and pg-boss are large).
export const CLIS = {
  sajilo: 'lib/compiler/cli.ts',
  'sajilo-sandbox': 'sandbox/cli.ts',
  'sajilo-worker': 'lib/run/worker-main.ts',
};

// The sources find the repository root (native launcher, C runtime, sandbox/index.ts) from their
// own location, `import.meta.url`. In the bundle that would be build/cli/, so each source's
// `import.meta.url` becomes its original file's URL, computed from the bundle's location at run
// time: the bundle keeps working wherever the repository is moved.
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(outDir, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      const loader = path.extname(args.path).replace(/^\.[cm]?/, ''); // .mts -> ts, .tsx -> tsx, .cjs -> js
      return { contents: text.replaceAll('import.meta.url', url), loader };
    });
  },
};

mkdirSync(outDir, { recursive: true });
for (const [name, entry] of Object.entries(CLIS)) {
  const outfile = path.join(outDir, `${name}.mjs`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    plugins: [ownLocation],
    // Bundled CommonJS packages may call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __sajiloRequire } from 'node:module'; const require = __sajiloRequire(import.meta.url);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('node_modules/'))
    .sort()
    .map((file) => {
      const st = statSync(path.join(root, file));
      return { file, size: st.size, mtimeMs: st.mtimeMs };
    });
  writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify({ entry, inputs }, null, 1)}\n`);
  console.log(`build/cli/${name}.mjs (${inputs.length} sources, ${(statSync(outfile).size / 1024).toFixed(0)} KiB)`);
}
