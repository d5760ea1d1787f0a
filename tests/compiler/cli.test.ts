// The `sajilo` command's contract: exit codes, --json shape, stdin passthrough, errors for
// bad usage and bad input. Runs the real bin/sajilo.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sajilo-cli-'));
const env = { ...process.env, SAJILO_CACHE_DIR: path.join(dir, 'cache') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sajilo(args: string[], input = '') {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/sajilo.mjs'), ...args], {
    input,
    encoding: 'utf8',
    env,
    cwd: root,
    timeout: 60_000,
  });
  // An internal error is never an expected outcome here: show what the tool said.
  if (r.status === 70) throw new Error(`sajilo ${args.join(' ')} failed internally:\n${r.stderr}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const ok = file('ok.saj', 'राख क = १२\nदेखाउ(क + 1, "नमस्ते")\n');
const bad = file('bad.saj', 'राख क = \nदेखाउ(ख)\n');
const echo = file('echo.saj', 'राख प = पढ()\nजबसम्म प != खाली\n    देखाउ("पढियो:", प)\n    प = पढ()\nअन्त्य\n');
const crash = file('crash.saj', 'देखाउ("अघि")\nदेखाउ(१ // ०)\n');

describe('sajilo check', () => {
  it('exits 0 with no output for a correct program', () => {
    expect(sajilo(['check', ok])).toMatchObject({ status: 0, stderr: '' });
  });
  it('prints file:line:col, both languages and a caret, and exits 2', () => {
    const r = sajilo(['check', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:7:`);
    expect(r.stderr).toMatch(/E2\d{3}/);
    expect(r.stderr).toContain('2 | देखाउ(ख)');
    expect(r.stderr).toMatch(/\n\s+\|\s+\^/);
  });
  it('--json prints the Diagnostic[] of the front end', () => {
    const r = sajilo(['check', bad, '--json']);
    expect(r.status).toBe(2);
    const ds = JSON.parse(r.stdout);
    expect(ds.length).toBeGreaterThanOrEqual(2);
    for (const d of ds) {
      expect(Object.keys(d).sort()).toEqual([
        'code',
        'column',
        'endColumn',
        'endLine',
        'line',
        'message',
        'messageEn',
        'severity',
      ]);
    }
    expect(ds.find((d: { line: number }) => d.line === 2)).toMatchObject({ column: 7, severity: 'error' });
  });
});

describe('sajilo run', () => {
  it('prints with Devanagari digits by default and latin digits on request', () => {
    expect(sajilo(['run', ok])).toMatchObject({ status: 0, stdout: '१३ नमस्ते\n' });
    expect(sajilo(['run', ok, '--latin-digits'])).toMatchObject({ status: 0, stdout: '13 नमस्ते\n' });
    expect(sajilo(['run', ok, '--optimise', '--no-sandbox'])).toMatchObject({ status: 0, stdout: '१३ नमस्ते\n' });
    expect(sajilo(['run', ok, '--optimise'])).toMatchObject({ status: 0, stdout: '१३ नमस्ते\n' });
  });
  it('passes stdin through, with and without the sandbox', () => {
    for (const extra of [[], ['--no-sandbox']]) {
      const r = sajilo(['run', echo, ...extra], 'क\nख\n');
      expect(r.stdout).toBe('पढियो: क\nपढियो: ख\n');
      expect(r.status).toBe(0);
    }
  });
  it('exits 2 on a compile error without running anything', () => {
    const r = sajilo(['run', bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
  it('keeps output printed before a runtime error and exits non-zero with its position', () => {
    for (const extra of [[], ['--no-sandbox']]) {
      const r = sajilo(['run', crash, ...extra]);
      expect(r.stdout).toBe('अघि\n');
      expect(r.stderr).toMatch(/line 2, column 9/);
      expect(r.status).toBe(1);
    }
  });
  it('reports the C compile path with --verbose', () => {
    expect(sajilo(['run', ok, '--verbose', '--no-sandbox']).stderr).toMatch(/compiler: (tcc-musl|musl-gcc|gcc)/);
  });
});

describe('sajilo build', () => {
  it('writes a static executable that runs on its own', () => {
    const out = path.join(dir, 'ok.bin');
    expect(sajilo(['build', ok, '-o', out]).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(spawnSync(out, { encoding: 'utf8' }).stdout).toBe('१३ नमस्ते\n');
  });
  it('exits 2 on compile errors and writes nothing', () => {
    const out = path.join(dir, 'bad.bin');
    expect(sajilo(['build', bad, '-o', out]).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('usage and input errors', () => {
  it('--help and --version', () => {
    expect(sajilo(['--help'])).toMatchObject({ status: 0 });
    expect(sajilo(['--help']).stdout).toContain('sajilo run FILE');
    expect(sajilo(['--version']).stdout).toMatch(/^sajilo \d+\.\d+\.\d+/);
  });
  it('exits 64 on an unknown option, unknown command or missing -o', () => {
    expect(sajilo(['run', ok, '--fast']).status).toBe(64);
    expect(sajilo(['compile', ok]).status).toBe(64);
    expect(sajilo(['build', ok]).status).toBe(64);
  });
  it('exits 66 on a missing file and on invalid UTF-8', () => {
    const missing = sajilo(['run', path.join(dir, 'nothing.saj')]);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain('ENOENT');
    const latin1 = file('latin1.saj', Buffer.from([0x64, 0x65, 0xe9, 0x0a]));
    const r = sajilo(['check', latin1]);
    expect(r.status).toBe(66);
    expect(r.stderr).toContain('UTF-8');
  });
});

describe('sajilo doctor', () => {
  it('says which tiers this host offers', () => {
    const r = sajilo(['doctor']);
    expect(r.status).toBe(0);
    const tiers = /^tiers: fast = (\S+).*; optimised = (.*)$/m.exec(r.stdout);
    expect(tiers, r.stdout).not.toBeNull();
    const hasTcc = /^tcc: +\//m.test(r.stdout);
    const hasGcc = /^gcc: +\//m.test(r.stdout);
    expect(tiers![1]).toBe(hasTcc ? 'tcc-musl' : 'gcc');
    expect(tiers![2]).toMatch(hasGcc ? /^(gcc|musl-gcc) -O2 \(built in the background after a run\)$/ : /^unavailable/);
  });

  it('says whether the C compiler runs in the sandbox', () => {
    const r = sajilo(['doctor']);
    expect(r.stdout).toMatch(/^compile profile: available \(the C compiler runs in the sandbox\)$/m);
  });
});

describe('configuration', () => {
  it('stops with the variable named when a setting is invalid', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/sajilo.mjs'), 'doctor'], {
      encoding: 'utf8',
      env: { ...env, SAJILO_CC: 'clang' },
      cwd: root,
      timeout: 60_000,
    });
    expect(r.status).toBe(64);
    expect(r.stderr).toMatch(/SAJILO_CC/);
    expect(r.stdout).toBe('');
  });
});
