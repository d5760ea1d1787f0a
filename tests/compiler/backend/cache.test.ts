// The compile cache through buildExecutable: a hit skips the C compiler; any option change
// misses; a corrupted entry is rebuilt; failures are never cached; the size bound evicts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExecutable, CCompileError, type CompilerRunner } from '../../../lib/compiler/build';
import { CompileCache } from '../../../lib/compiler/driver/cache';
import { runCompilerLocally } from '../../../lib/compiler/driver/local-runner';

const SOURCE = 'देखाउ("क्यास", १)\n';

function countingRunner() {
  const calls: string[][] = [];
  const run: CompilerRunner = (job) => {
    calls.push(job.argv);
    return runCompilerLocally(job);
  };
  return { calls, run };
}

beforeEach(() => {
  process.env.SAJILO_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'sajilo-cache-test-'));
});
afterEach(() => rmSync(process.env.SAJILO_CACHE_DIR!, { recursive: true, force: true }));

describe('compile cache', () => {
  it('serves the second build of the same source without running the C compiler', async () => {
    const c = countingRunner();
    const first = await buildExecutable(SOURCE, { runCompiler: c.run });
    const second = await buildExecutable(SOURCE, { runCompiler: c.run });
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ ok: true, cached: true, executable: first.executable });
    expect(c.calls).toHaveLength(1);
    expect(spawnSync(second.executable!, { encoding: 'utf8' }).stdout).toBe('क्यास १\n');
  });

  it('misses when the source, digits, optimisation or compile path differ', async () => {
    const c = countingRunner();
    await buildExecutable(SOURCE, { runCompiler: c.run });
    await buildExecutable(`${SOURCE}\n`, { runCompiler: c.run });
    const latin = await buildExecutable(SOURCE, { runCompiler: c.run, latinDigits: true });
    await buildExecutable(SOURCE, { runCompiler: c.run, optimise: true });
    await buildExecutable(SOURCE, { runCompiler: c.run, compilePath: 'gcc' });
    expect(c.calls).toHaveLength(5);
    expect(spawnSync(latin.executable!, { encoding: 'utf8' }).stdout).toBe('क्यास 1\n');
  });

  it('rebuilds an entry whose executable was corrupted', async () => {
    const c = countingRunner();
    const first = await buildExecutable(SOURCE, { runCompiler: c.run });
    writeFileSync(first.executable!, '#!/bin/sh\necho hacked\n');
    const again = await buildExecutable(SOURCE, { runCompiler: c.run });
    expect(again.cached).toBe(false);
    expect(c.calls).toHaveLength(2);
    expect(spawnSync(again.executable!, { encoding: 'utf8' }).stdout).toBe('क्यास १\n');
  });

  it('never caches a failed or timed-out C compile', async () => {
    let calls = 0;
    const failing: CompilerRunner = async () => {
      calls++;
      return { ok: false, stderr: 'killed by SIGKILL' };
    };
    await expect(buildExecutable(SOURCE, { runCompiler: failing })).rejects.toBeInstanceOf(CCompileError);
    await expect(buildExecutable(SOURCE, { runCompiler: failing })).rejects.toBeInstanceOf(CCompileError);
    expect(calls).toBe(2);
    const tmp = path.join(process.env.SAJILO_CACHE_DIR!, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('does not compile or cache programs with errors', async () => {
    const c = countingRunner();
    const r = await buildExecutable('देखाउ(नभएको)\n', { runCompiler: c.run });
    expect(r).toMatchObject({ ok: false, executable: null, cached: false });
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 7, severity: 'error' });
    expect(c.calls).toHaveLength(0);
  });

  it('evicts least recently used entries beyond its size bound', async () => {
    const dir = process.env.SAJILO_CACHE_DIR!;
    const cache = new CompileCache(dir, 3000);
    const store = (key: string) => {
      const f = path.join(dir, `built-${key}`);
      writeFileSync(f, Buffer.alloc(1000, key));
      return cache.store(key.repeat(64), f, { compiler: 'test', diagnostics: [] });
    };
    // Use times are file times (ms resolution): space the steps out so their order is clear.
    const tick = () => new Promise((r) => setTimeout(r, 15));
    store('a');
    await tick();
    store('b');
    await tick();
    expect(cache.lookup('a'.repeat(64))).not.toBeNull(); // a is now more recent than b
    await tick();
    store('c');
    await tick();
    store('d');
    expect(cache.lookup('b'.repeat(64))).toBeNull();
    expect(cache.lookup('d'.repeat(64))).not.toBeNull();
  });
});
