// Many programs at once, supervisors that die, processes that exit: nothing is left behind.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxed, shutdownSandbox, supervisorPids } from '../../sandbox/index';
import { alive, buildHostile, slotDirsOf, tempDir } from './helpers';

let dir: string;
let work: string;
let hostile: string;

beforeAll(() => {
  dir = tempDir();
  work = tempDir();
  hostile = buildHostile(dir);
});
afterAll(async () => {
  await shutdownSandbox();
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox lifecycle', () => {
  it('runs 20 programs in parallel, fork bombs among them, each with its own verdict', async () => {
    const jobs = Array.from({ length: 20 }, (_, i) => {
      if (i % 4 === 0)
        return {
          want: 'time_limit',
          p: runSandboxed({
            profile: 'compile',
            workDir: work,
            readOnlyPaths: [hostile],
            argv: [hostile, 'forkbomb'],
            cpuMs: 400,
            wallMs: 3000,
            pids: 32,
            memoryMb: 256,
          }),
        };
      if (i % 4 === 1) return { want: 'ok:threads=15', p: runSandboxed({ argv: [hostile, 'threadbomb'], pids: 16 }) };
      return {
        want: `ok:argv0=hostile args=2 stdin=${i}`,
        p: runSandboxed({ argv: [hostile, 'hello'], stdin: String(i) }),
      };
    });
    const results = await Promise.all(jobs.map((j) => j.p));
    results.forEach((r, i) => {
      const [verdict, out] = jobs[i].want.split(':');
      expect(r.verdict, `job ${i}: ${JSON.stringify(r).slice(0, 300)}`).toBe(verdict);
      if (out) expect(r.stdout).toBe(`${out}\n`);
    });
  });

  it('a supervisor killed mid-run answers internal_error, takes its program down, and its cgroups are swept', async () => {
    const pending = runSandboxed({ argv: [hostile, 'sleep'], wallMs: 30_000, cpuMs: 30_000 });
    await sleep(300);
    const victims = supervisorPids();
    expect(victims.length).toBeGreaterThan(0);
    for (const p of victims) process.kill(p, 'SIGKILL');
    const r = await pending;
    expect(r.verdict).toBe('internal_error');
    await sleep(200);
    for (const p of victims) {
      expect(alive(p)).toBe(false);
      // The sandbox's init died with its supervisor (PR_SET_PDEATHSIG), and the namespace with it.
      for (const d of slotDirsOf(p)) expect(readFileSync(path.join(d, 'cgroup.procs'), 'utf8')).toBe('');
    }
    // The next supervisor to start sweeps slots whose owner is gone.
    const next = await runSandboxed({ argv: [hostile, 'hello'] });
    expect(next.verdict).toBe('ok');
    for (const p of victims) expect(slotDirsOf(p)).toEqual([]);
  });

  it('idle supervisors do not keep Node alive, and they clean up when it exits', () => {
    const script = `
      const { runSandboxed, supervisorPids } = await import(${JSON.stringify(path.resolve('sandbox/index.ts'))});
      const r = await runSandboxed({ argv: [${JSON.stringify(hostile)}, 'hello'] });
      console.log(JSON.stringify({ verdict: r.verdict, pids: supervisorPids() }));`;
    const t0 = Date.now();
    const p = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(p.status, p.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const { verdict, pids } = JSON.parse(p.stdout.trim().split('\n').pop()!);
    expect(verdict).toBe('ok');
    expect(pids.length).toBe(1);
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && (alive(pids[0]) || slotDirsOf(pids[0]).length)) spawnSync('sleep', ['0.05']);
    expect(alive(pids[0])).toBe(false);
    expect(slotDirsOf(pids[0])).toEqual([]);
  });
});
