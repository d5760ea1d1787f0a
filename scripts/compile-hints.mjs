// After `next build` has written the browser's chunks (next.config.js, compiler.runAfterProductionCompile):
// marks the chunks of client-only modules (on the IDE's pages, Monaco and the editor) with V8's
// explicit compile hint `//# allFunctionsCalledOnLoad`. V8 otherwise compiles a function only when
// it is first called, on the main thread: Monaco's chunk is one 3 MB module whose code almost all
// runs while the editor starts, so a cold load compiled it there, after hydration, for over a
// second. With the hint, V8 compiles the whole file on a background thread while it downloads
// (the layout preloads it), and the main thread only runs it. Chromium honours the hint (136+);
// other browsers ignore the comment. The page's own chunks are left as they are: most of their
// code is not needed for the first screen, and compiling it early would only cost time.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

async function* manifests(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(p);
    else if (entry.name === 'react-loadable-manifest.json') yield p;
  }
}

/** The .js files (relative to the dist dir) that some route loads only on the client. */
export async function clientOnlyChunks(distDir) {
  const files = new Set();
  for await (const manifest of manifests(path.join(distDir, 'server', 'app'))) {
    const entries = JSON.parse(await readFile(manifest, 'utf8'));
    for (const entry of Object.values(entries)) for (const f of entry.files ?? []) if (f.endsWith('.js')) files.add(f);
  }
  return [...files].sort();
}

/** Puts the hint at the top of each client-only chunk (once); returns the files marked now. */
export async function addCompileHints({ projectDir, distDir }) {
  const dist = path.resolve(projectDir ?? process.cwd(), distDir);
  const marked = [];
  for (const file of await clientOnlyChunks(dist)) {
    const p = path.join(dist, file);
    const code = await readFile(p, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    await writeFile(p, COMPILE_HINT + code);
    marked.push(file);
  }
  return marked;
}
