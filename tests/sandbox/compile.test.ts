// The compile profile runs real compilers (gcc -static, tcc, musl-gcc when present) over a
// writable work directory, and their output then runs in the run profile.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '@/lib/compiler/driver/detect';
import { runSandboxed } from '../../sandbox/index';
import { tempDir } from './helpers';

// tcc and musl are optional (README, Requirements): without them their tests are skipped, and
// the title of the skipped test says why.
const TCC = findOnPath('tcc');
const MUSL_GCC = findOnPath('musl-gcc');
const missing = (tool: string, found: string | null) =>
  found ? '' : ` (SKIPPED: ${tool} not found on PATH; optional)`;
for (const [tool, found] of [
  ['tcc', TCC],
  ['musl-gcc', MUSL_GCC],
] as const) {
  if (!found) console.log(`[sandbox compile] ${tool} not found on PATH: its test is skipped (optional, see README)`);
}

const SOURCE =
  '#include <stdio.h>\nint main(void){int a,b; if(scanf("%d %d",&a,&b)!=2) return 2; printf("%d\\n", a+b); return 0;}\n';
let work: string;
let extra: string;

beforeAll(() => {
  work = tempDir();
  extra = tempDir();
  writeFileSync(path.join(work, 'sum.c'), SOURCE);
  writeFileSync(path.join(extra, 'answer.h'), '#define ANSWER 42\n');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(extra, { recursive: true, force: true });
});

const compile = (argv: string[], readOnlyPaths: string[] = []) =>
  runSandboxed({
    profile: 'compile',
    argv,
    workDir: work,
    readOnlyPaths,
    cpuMs: 10_000,
    wallMs: 20_000,
    memoryMb: 512,
    pids: 64,
  });

describe('compile profile', () => {
  it('gcc -static builds an executable that runs in the run profile', async () => {
    const c = await compile([
      '/usr/bin/gcc',
      '-static',
      '-O1',
      '-o',
      path.join(work, 'sum-gcc'),
      path.join(work, 'sum.c'),
    ]);
    expect(c.verdict, c.stderr + (c.detail ?? '')).toBe('ok');
    const r = await runSandboxed({ argv: [path.join(work, 'sum-gcc')], stdin: '40 2' });
    expect(r).toMatchObject({ verdict: 'ok', stdout: '42\n' });
  });

  it.skipIf(!TCC)(`tcc compiles too (relative paths resolve in the work directory)${missing('tcc', TCC)}`, async () => {
    const c = await compile([TCC!, '-o', 'sum-tcc', 'sum.c']);
    expect(c.verdict, c.stderr + (c.detail ?? '')).toBe('ok');
    expect(existsSync(path.join(work, 'sum-tcc'))).toBe(true);
    // tcc links dynamically: run it where the system libraries are visible.
    const r = await runSandboxed({
      profile: 'compile',
      argv: [path.join(work, 'sum-tcc')],
      workDir: work,
      stdin: '1 2',
    });
    expect(r).toMatchObject({ verdict: 'ok', stdout: '3\n' });
  });

  it.skipIf(!MUSL_GCC)(`musl-gcc -static output runs in the run profile${missing('musl-gcc', MUSL_GCC)}`, async () => {
    const c = await compile([MUSL_GCC!, '-static', '-o', path.join(work, 'sum-musl'), path.join(work, 'sum.c')]);
    expect(c.verdict, c.stderr).toBe('ok');
    const r = await runSandboxed({ argv: [path.join(work, 'sum-musl')], stdin: '5 6' });
    expect(r).toMatchObject({ verdict: 'ok', stdout: '11\n' });
  });

  it('sees extra read-only paths but cannot write them', async () => {
    writeFileSync(
      path.join(work, 'ans.c'),
      `#include "${path.join(extra, 'answer.h')}"\nint main(void){return ANSWER;}\n`,
    );
    const c = await compile(
      ['/usr/bin/gcc', '-static', '-o', path.join(work, 'ans'), path.join(work, 'ans.c')],
      [extra],
    );
    expect(c.verdict, c.stderr).toBe('ok');
    const r = await runSandboxed({ argv: [path.join(work, 'ans')] });
    expect(r).toMatchObject({ verdict: 'runtime_error', exitCode: 42 });
    const w = await runSandboxed({
      profile: 'compile',
      argv: ['/bin/sh', '-c', `echo x > ${extra}/answer.h`],
      workDir: work,
      readOnlyPaths: [extra],
    });
    expect(w.verdict).toBe('runtime_error');
    expect(w.stderr).toContain('Read-only file system');
    expect(readFileSync(path.join(extra, 'answer.h'), 'utf8')).toBe('#define ANSWER 42\n');
  });

  it('reports compiler errors as a runtime_error with the diagnostics on stderr', async () => {
    writeFileSync(path.join(work, 'bad.c'), 'int main(void){ return x; }\n');
    const c = await compile(['/usr/bin/gcc', '-c', '-o', path.join(work, 'bad.o'), path.join(work, 'bad.c')]);
    expect(c.verdict).toBe('runtime_error');
    expect(c.stderr).toContain('error:');
    expect(c.stderr).toContain('undeclared');
  });

  it('refuses a work directory that is /, a system directory or above one, and leaves it alone', async () => {
    const { statSync } = await import('node:fs');
    for (const wd of ['/', '/usr', '/usr/lib', '/etc', '/etc/ssl', '/tmp', '/proc/self', '/dev/shm', '/home']) {
      const before = statSync(wd).uid;
      const r = await runSandboxed({ profile: 'compile', workDir: wd, argv: ['/bin/true'] });
      expect(r.verdict, wd).toBe('internal_error');
      expect(r.detail).toContain('workDir');
      expect(statSync(wd).uid).toBe(before);
    }
    const ro = await runSandboxed({ profile: 'compile', workDir: work, readOnlyPaths: ['/'], argv: ['/bin/true'] });
    expect(ro.verdict).toBe('internal_error');
  });

  it('keeps the system directories read-only and the host hidden', async () => {
    const r = await runSandboxed({
      profile: 'compile',
      workDir: work,
      argv: [
        '/bin/sh',
        '-c',
        'touch /usr/x 2>&1; ls /; ls /proc 2>&1 | head -1; id -u; cat /etc/hostname 2>&1; hostname',
      ],
    });
    expect(r.verdict).toBe('ok');
    expect(r.stdout).toContain('Read-only file system');
    const lines = r.stdout.split('\n');
    expect(lines).not.toContain('etc');
    expect(lines).not.toContain('root');
    expect(lines).not.toContain('proc');
    expect(lines).toContain('1000');
    expect(lines).toContain('sandbox');
  });
});
