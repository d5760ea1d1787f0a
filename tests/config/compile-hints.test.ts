// The build step that gives the editor's chunks V8's compile hint (scripts/compile-hints.mjs), on
// a dist folder laid out as `next build` writes it: only the chunks a route loads on the client
// alone (its react-loadable-manifest.json) are marked, once, and nothing else is touched.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript (next.config.js imports it), without types
import { addCompileHints, clientOnlyChunks, COMPILE_HINT } from '../../scripts/compile-hints.mjs';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const chunk = (name: string) => `(globalThis.TURBOPACK||[]).push(["${name}",1,e=>{}]);`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-compile-hints-'));
  for (const name of ['monaco', 'editor', 'page', 'shared']) write(`static/chunks/${name}.js`, chunk(name));
  write('static/chunks/editor.css', '.monaco-editor{}');
  // The home page loads Monaco and the editor (and their CSS) on the client only; /s/[id] the same
  // Monaco chunk; /me nothing.
  write(
    'server/app/page/react-loadable-manifest.json',
    JSON.stringify({
      '1': { id: 1, files: ['static/chunks/monaco.js', 'static/chunks/editor.js', 'static/chunks/editor.css'] },
    }),
  );
  write(
    'server/app/s/[id]/page/react-loadable-manifest.json',
    JSON.stringify({ '2': { id: 2, files: ['static/chunks/monaco.js'] } }),
  );
  write('server/app/me/page/react-loadable-manifest.json', '{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compile hints', () => {
  it('finds the client-only JavaScript of every route, each file once', async () => {
    expect(await clientOnlyChunks(dir)).toEqual(['static/chunks/editor.js', 'static/chunks/monaco.js']);
  });

  it('marks exactly those chunks, at their first line, and leaves the rest as it was', async () => {
    const marked = await addCompileHints({ projectDir: path.dirname(dir), distDir: path.basename(dir) });
    expect(marked.sort()).toEqual(['static/chunks/editor.js', 'static/chunks/monaco.js']);
    expect(read('static/chunks/monaco.js')).toBe(COMPILE_HINT + chunk('monaco'));
    expect(read('static/chunks/editor.js')).toBe(COMPILE_HINT + chunk('editor'));
    expect(read('static/chunks/page.js')).toBe(chunk('page'));
    expect(read('static/chunks/shared.js')).toBe(chunk('shared'));
    expect(read('static/chunks/editor.css')).toBe('.monaco-editor{}');
  });

  it('marks a chunk once when the step runs again', async () => {
    await addCompileHints({ distDir: dir });
    expect(await addCompileHints({ distDir: dir })).toEqual([]);
    expect(read('static/chunks/monaco.js')).toBe(COMPILE_HINT + chunk('monaco'));
  });
});
