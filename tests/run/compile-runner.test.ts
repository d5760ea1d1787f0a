// Where the C compiler runs when the sandbox's compile profile is broken for real: a launcher
// path that does not exist, a launcher that is not executable, a launcher that fails once. The
// server refuses to compile on the host (E9002) unless allowed; the probe retries with backoff
// and asks again after a while instead of deciding once per process.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildOrReport } from '@/lib/compiler/build';
import { COMPILE_REFUSED_CODE } from '@/lib/compiler/failure';
import { config, resetConfigForTests } from '@/lib/config';
import {
  CompileProfileProbe,
  compileRunner,
  describeCompilePlacement,
  hostCompileAllowed,
  placeCompile,
} from '@/lib/run/compile-runner';
import { runProgram } from '@/lib/run';
import { configureSandbox, LAUNCHER, shutdownSandbox } from '@/sandbox/index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-compile-runner-'));
const quick = { attempts: 2, backoffMs: 20, retryAfterMs: 60_000 };
const saved = { allow: process.env.SAJILO_ALLOW_HOST_COMPILE, cache: process.env.SAJILO_CACHE_DIR };

beforeAll(() => {
  // A cache of its own: every compile below must really compile.
  process.env.SAJILO_CACHE_DIR = path.join(dir, 'cache');
  resetConfigForTests();
});

/** Points new supervisors at `launcher`, with none of the old ones left to reuse. */
async function useLauncher(launcher: string) {
  await shutdownSandbox();
  configureSandbox({ launcher });
}

afterEach(async () => {
  await useLauncher(LAUNCHER);
  if (saved.allow === undefined) delete process.env.SAJILO_ALLOW_HOST_COMPILE;
  else process.env.SAJILO_ALLOW_HOST_COMPILE = saved.allow;
  resetConfigForTests();
});

afterAll(() => {
  if (saved.cache === undefined) delete process.env.SAJILO_CACHE_DIR;
  else process.env.SAJILO_CACHE_DIR = saved.cache;
  resetConfigForTests();
  rmSync(dir, { recursive: true, force: true });
});

const unique = () => `देखाउ(${Math.floor(Math.random() * 1e9)})\n`;

describe('the compile profile probe', () => {
  it('reports a missing launcher as unavailable, with the reason', async () => {
    await useLauncher(path.join(dir, 'no-such-launcher'));
    const answer = await new CompileProfileProbe(quick).check();
    expect(answer).toMatch(/ENOENT|no-such-launcher/);
  });

  it('reports a launcher that is not executable as unavailable', async () => {
    const file = path.join(dir, 'not-executable');
    writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    await useLauncher(file);
    const answer = await new CompileProfileProbe(quick).check();
    expect(answer).toMatch(/EACCES/);
  });

  it('retries: a launcher that fails on its first start is available on the second attempt', async () => {
    const mark = path.join(dir, 'started-once');
    const flaky = path.join(dir, 'flaky-launcher');
    writeFileSync(flaky, `#!/bin/sh\nif [ ! -e '${mark}' ]; then : > '${mark}'; exit 1; fi\nexec '${LAUNCHER}' "$@"\n`);
    chmodSync(flaky, 0o755);
    await useLauncher(flaky);
    expect(await new CompileProfileProbe({ ...quick, attempts: 1 }).check()).toMatch(/exited/); // one try only: the failure stands
    rmSync(mark);
    await shutdownSandbox();
    expect(await new CompileProfileProbe(quick).check()).toBe(true);
    expect(existsSync(mark)).toBe(true);
  });

  it('keeps a failure for a while, then probes again and finds the repaired sandbox', async () => {
    await useLauncher(path.join(dir, 'no-such-launcher'));
    const probe = new CompileProfileProbe({ ...quick, retryAfterMs: 300 });
    expect(typeof (await probe.check())).toBe('string');
    await useLauncher(LAUNCHER);
    expect(probe.state.state).toBe('unavailable');
    expect(typeof (await probe.check())).toBe('string'); // within retryAfterMs: not asked again
    await new Promise((r) => setTimeout(r, 350));
    expect(await probe.check()).toBe(true);
    expect(probe.state).toEqual({ state: 'available' });
  });
});

describe('placing a compile', () => {
  it('refuses to compile on the host when not allowed: E9002, not a compiler bug', async () => {
    await useLauncher(path.join(dir, 'no-such-launcher'));
    const probe = new CompileProfileProbe(quick);
    const placed = await placeCompile({ probe, allowHost: false });
    expect(placed.where).toBe('refused');
    const r = await buildOrReport(unique(), { runCompiler: compileRunner({ probe, allowHost: false }) });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual([COMPILE_REFUSED_CODE]);
    expect(r.diagnostics[0].messageEn).toMatch(/cannot compile programs safely/);
  });

  it('compiles on the host when that is allowed', async () => {
    await useLauncher(path.join(dir, 'no-such-launcher'));
    const probe = new CompileProfileProbe(quick);
    expect((await placeCompile({ probe, allowHost: true })).where).toBe('host');
    const r = await buildOrReport(unique(), { runCompiler: compileRunner({ probe, allowHost: true }) });
    expect(r.ok).toBe(true);
    expect(r.executable).not.toBeNull();
  });

  it('compiles in the sandbox when the compile profile works', async () => {
    const probe = new CompileProfileProbe(quick);
    expect((await placeCompile({ probe, allowHost: false })).where).toBe('sandbox');
    const r = await buildOrReport(unique(), { runCompiler: compileRunner({ probe, allowHost: false }) });
    expect(r.ok).toBe(true);
  });

  it('follows SAJILO_ALLOW_HOST_COMPILE, and refuses in production when it is unset', () => {
    const base = { SAJILO_CACHE_DIR: path.join(dir, 'cache') } as unknown as NodeJS.ProcessEnv;
    const at = (env: Record<string, string>) => hostCompileAllowed(config({ ...base, ...env }));
    expect(at({ NODE_ENV: 'production' })).toBe(false);
    expect(at({ NODE_ENV: 'production', SAJILO_ALLOW_HOST_COMPILE: '1' })).toBe(true);
    expect(at({ NODE_ENV: 'development' })).toBe(true);
    expect(at({ NODE_ENV: 'development', SAJILO_ALLOW_HOST_COMPILE: '0' })).toBe(false);
  });

  it('doctor says the server refuses, and how to allow it', async () => {
    await useLauncher(path.join(dir, 'no-such-launcher'));
    process.env.SAJILO_ALLOW_HOST_COMPILE = '0';
    resetConfigForTests();
    const line = await describeCompilePlacement(new CompileProfileProbe(quick));
    expect(line).toMatch(/^compile profile: unavailable \(.*\); the server refuses to compile \(E9002\)/);
    expect(line).toContain('SAJILO_ALLOW_HOST_COMPILE=1');
  });
});

describe('the run pipeline with a broken compile profile', () => {
  it('answers a failed compile with E9002 and runs nothing', async () => {
    process.env.SAJILO_ALLOW_HOST_COMPILE = '0';
    resetConfigForTests();
    await useLauncher(path.join(dir, 'no-such-launcher'));
    const r = await runProgram({ source: unique() });
    expect(r.compile.ok).toBe(false);
    expect(r.compile.diagnostics.map((d) => d.code)).toEqual([COMPILE_REFUSED_CODE]);
    expect(r.run).toBeNull();
  });
});
