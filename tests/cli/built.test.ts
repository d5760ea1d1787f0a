// The command-line tools built to JavaScript (scripts/build-cli.mjs, build/cli/) give the same
// answers as their TypeScript through tsx, from any working directory; bin/launch.mjs runs a
// bundle only while every source it was built from is unchanged, and falls back to tsx otherwise;
// called by a Node older than the supported one, it runs the call again under the Node npm installed.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtIsFresh } from '../../bin/launch.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sajilo-built-cli-'));
const env = { ...process.env, SAJILO_CACHE_DIR: path.join(dir, 'cache') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  // npm install builds them; a checkout that has not run it yet gets them here.
  if (!builtIsFresh('sajilo') || !builtIsFresh('sajilo-sandbox')) {
    const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
  expect(builtIsFresh('sajilo')).toBe(true);
  expect(builtIsFresh('sajilo-sandbox')).toBe(true);
});

function node(args: string[], cwd = root, input = '') {
  const r = spawnSync(process.execPath, args, { cwd, env, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** A `node` on PATH outside node_modules older than the supported major (a Node 20 machine's own), if any. */
function findOlderNode(): string | undefined {
  for (const dirOnPath of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dirOnPath || dirOnPath.includes('node_modules')) continue;
    const candidate = path.join(dirOnPath, 'node');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return candidate;
  }
  return undefined;
}
const olderNode = findOlderNode();

/** The same call through the bundle and through tsx, the bundle run from a foreign directory. */
function both(name: 'sajilo' | 'sajilo-sandbox', source: string, args: string[], input = '') {
  const built = node([path.join(root, 'build/cli', `${name}.mjs`), ...args], dir, input);
  const viaTsx = node(['--import', 'tsx', path.join(root, source), ...args], root, input);
  return { built, viaTsx };
}

describe('built CLIs answer as the TypeScript does', () => {
  it('sajilo check --json: same diagnostics and exit status', () => {
    const bad = path.join(dir, 'bad.saj');
    writeFileSync(bad, 'राख क = \nदेखाउ(ख)\n');
    const { built, viaTsx } = both('sajilo', 'lib/compiler/cli.ts', ['check', '--json', bad]);
    expect(built.status).toBe(2);
    expect(JSON.parse(built.stdout).length).toBeGreaterThan(0);
    expect(built).toEqual(viaTsx);
  });

  it('sajilo run of an example: same output, compiled with the runtime found from build/cli/', () => {
    const example = path.join(root, 'examples/fizzbuzz.saj');
    const { built, viaTsx } = both('sajilo', 'lib/compiler/cli.ts', ['run', example]);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toContain('फिज');
    expect(built).toEqual(viaTsx);
  });

  it('sajilo-sandbox run: same JSON verdict, with the launcher found from build/cli/', () => {
    const timing = ({ cpuMs, wallMs, memoryKb, ...rest }: Record<string, unknown>) => (
      void cpuMs,
      void wallMs,
      void memoryKb,
      rest
    );
    for (const args of [
      ['run', '--profile', 'compile', '--', '/bin/true'],
      ['run', '--', '/bin/true'],
      ['run', '--profile', 'compile', '--', '/bin/false'],
    ]) {
      const { built, viaTsx } = both('sajilo-sandbox', 'sandbox/cli.ts', args);
      expect(built.status).toBe(viaTsx.status);
      expect(built.stderr).toBe(viaTsx.stderr);
      expect(timing(JSON.parse(built.stdout))).toEqual(timing(JSON.parse(viaTsx.stdout)));
    }
    const ok = node(
      [path.join(root, 'build/cli/sajilo-sandbox.mjs'), 'run', '--profile', 'compile', '--', '/bin/true'],
      dir,
    );
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok', exitCode: 0 });
  });

  it('bin/*.mjs run the bundle and keep the contract (doctor --json names the repository launcher)', () => {
    const r = node([path.join(root, 'bin/sajilo-sandbox.mjs'), 'doctor', '--json'], dir);
    expect(r.stdout).toContain(path.join(root, 'build/sandbox/sajilo-launcher'));
  });
});

describe('bin/launch.mjs: a stale or missing build falls back to the TypeScript', () => {
  // A miniature repository with the real launcher: one tool whose bundle and source say which ran.
  const mini = path.join(dir, 'mini');
  const source = path.join(mini, 'src/tool.ts');
  const manifest = path.join(mini, 'build/cli/tool.json');
  const sourceText = "const from: string = 'source';\nconsole.log(from);\n";
  /** A fresh build: source, bundle, and a manifest recording the source as it is. */
  function writeBuild() {
    writeFileSync(source, sourceText);
    writeFileSync(path.join(mini, 'build/cli/tool.mjs'), "console.log('built');\n");
    const { size, mtimeMs } = statSync(source);
    writeFileSync(manifest, JSON.stringify({ entry: 'src/tool.ts', inputs: [{ file: 'src/tool.ts', size, mtimeMs }] }));
  }
  const which = () => {
    const r = node(
      [
        '-e',
        `import(${JSON.stringify(path.join(mini, 'bin/launch.mjs'))}).then((m) => m.launch('tool', 'src/tool.ts'))`,
      ],
      mini,
    );
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  };

  beforeAll(() => {
    mkdirSync(path.join(mini, 'bin'), { recursive: true });
    mkdirSync(path.join(mini, 'build/cli'), { recursive: true });
    mkdirSync(path.join(mini, 'src'), { recursive: true });
    cpSync(path.join(root, 'bin/launch.mjs'), path.join(mini, 'bin/launch.mjs'));
    symlinkSync(path.join(root, 'node_modules'), path.join(mini, 'node_modules'));
    writeFileSync(path.join(mini, 'package.json'), '{ "type": "module" }\n');
  });

  it('runs the bundle while its sources are unchanged', () => {
    writeBuild();
    expect(which()).toBe('built');
  });
  it('an edited source (new mtime) sends the call to tsx', () => {
    writeBuild();
    utimesSync(source, new Date(), new Date(Date.now() + 5000));
    expect(which()).toBe('source');
  });
  it('an edit of the same size with its mtime set back is still caught', () => {
    writeBuild();
    writeFileSync(source, "const from: string = 'SOURCE';\nconsole.log(from);\n");
    utimesSync(source, new Date(0), new Date(0));
    expect(which()).toBe('SOURCE');
  });
  it('no manifest, a broken manifest or no bundle: tsx', () => {
    writeBuild();
    rmSync(manifest);
    expect(which()).toBe('source');
    writeBuild();
    writeFileSync(manifest, '{ not json');
    expect(which()).toBe('source');
    writeBuild();
    rmSync(path.join(mini, 'build/cli/tool.mjs'));
    expect(which()).toBe('source');
  });
  it.skipIf(!olderNode)('called by an older Node, runs under the one npm installed, with its exit status', () => {
    writeFileSync(
      path.join(mini, 'bin/tool.mjs'),
      "import { launch } from './launch.mjs';\nawait launch('tool', 'src/tool.ts');\n",
    );
    writeBuild();
    writeFileSync(
      path.join(mini, 'build/cli/tool.mjs'),
      'console.log(process.version, process.argv.slice(2).join(" "));\nprocess.exitCode = 3;\n',
    );
    const installed = spawnSync(path.join(root, 'node_modules/node/bin/node'), ['--version'], { encoding: 'utf8' });
    const r = spawnSync(olderNode!, [path.join(mini, 'bin/tool.mjs'), 'a', 'b c'], { cwd: mini, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${installed.stdout.trim()} a b c\n`);
    expect(r.status).toBe(3);
  });
  it('a recorded source that is gone: tsx (the source path reports it)', () => {
    writeBuild();
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    m.inputs.push({ file: 'src/removed.ts', size: 1, mtimeMs: 1 });
    writeFileSync(manifest, JSON.stringify(m));
    expect(which()).toBe('source');
  });
});
