// Tiered compilation through the real compilers and sandbox: a program that ran is rebuilt
// with gcc -O2 in the background and later runs are served by that build with identical
// results; the background queue is bounded, yields to interactive work, and a failed
// optimised build leaves the program on the fast tier (logged, never shown to the user).
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCachedExecutable } from '@/lib/compiler/build';
import { loadRuntimeLibs } from '@/lib/compiler/driver/runtime-libs';
import { tierPlan } from '@/lib/compiler/driver/tiers';
import { BACKGROUND_COMPILE_LIMITS, backgroundCompiler, runProgram, runQueue, tiering, upgradeQueue } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { UpgradeQueue } from '@/lib/run/tiers';
import { LAUNCHER } from '@/sandbox/index';

function skipReason(): string | null {
  if (!existsSync(LAUNCHER)) return `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`;
  try {
    if (!tierPlan(loadRuntimeLibs()).optimised) return 'no optimised tier on this host (gcc missing)';
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}
const reason = skipReason();

// A fresh cache per file, and a program nobody has run before in it.
const savedCacheDir = process.env.SAJILO_CACHE_DIR;
let cacheDir = '';
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'sajilo-tiers-'));
  process.env.SAJILO_CACHE_DIR = cacheDir;
});
afterAll(async () => {
  await upgradeQueue.idle();
  if (savedCacheDir === undefined) delete process.env.SAJILO_CACHE_DIR;
  else process.env.SAJILO_CACHE_DIR = savedCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});
let counter = 0;
function freshProgram(): string {
  counter++;
  return (
    `कार्य फिब(न)\n    यदि न < 2 भने\n        फर्काउ न\n    अन्त्य\n    फर्काउ फिब(न - 1) + फिब(न - 2)\nअन्त्य\n` +
    `राख क = पढ()\nदेखाउ("${counter}-${Date.now()}", फिब(20), क)\nराख अप्रयुक्त = 1\n`
  );
}

describe.skipIf(reason)('tiered compilation', () => {
  afterEach(() => {
    runQueue.configure(defaultLimits());
    upgradeQueue.configure({ compiler: backgroundCompiler(), maxQueued: 8 });
    tiering.enabled = true;
    vi.restoreAllMocks();
  });

  test('the second run of a program that ran is served by the optimised build, with the same result', async () => {
    const source = freshProgram();
    const built = upgradeQueue.settled({ source, latinDigits: false });
    const first = await runProgram({ source, stdin: 'नमस्ते\n' });
    expect(first.run?.tier).toBe('fast');
    expect(first.run?.verdict).toBe('ok');
    expect(await built).toBe('built');
    expect(findCachedExecutable(source, { optimise: true })?.compiler).toMatch(/gcc/);

    const second = await runProgram({ source, stdin: 'नमस्ते\n' });
    expect(second.run?.tier).toBe('optimised');
    expect(second.run?.stdout).toBe(first.run?.stdout);
    expect(second.run?.stdout).toContain('६७६५ नमस्ते');
    expect(second.run?.exitCode).toBe(first.run?.exitCode);
    expect(second.compile).toEqual(first.compile); // the same diagnostics (a warning here) on both tiers
  });

  test('runtime errors read the same on both tiers', async () => {
    const source = `देखाउ("${Date.now()}")\nराख स = [1, 2]\nदेखाउ(स[5])\n`;
    const built = upgradeQueue.settled({ source, latinDigits: false });
    const first = await runProgram({ source });
    expect(await built).toBe('built');
    const second = await runProgram({ source });
    expect([first.run?.tier, second.run?.tier]).toEqual(['fast', 'optimised']);
    expect(first.run?.verdict).toBe('runtime_error');
    expect({ ...second.run, tier: 0, cpuMs: 0, wallMs: 0, memoryKb: 0 }).toEqual({
      ...first.run,
      tier: 0,
      cpuMs: 0,
      wallMs: 0,
      memoryKb: 0,
    });
  });

  test('with tiering off every run stays on the fast tier and nothing is queued', async () => {
    tiering.enabled = false;
    const source = freshProgram();
    await runProgram({ source });
    expect(upgradeQueue.stats).toMatchObject({ building: false, queued: 0 });
    await upgradeQueue.idle();
    expect(findCachedExecutable(source, { optimise: true })).toBeNull();
    expect((await runProgram({ source })).run?.tier).toBe('fast');
  });

  test('the queue is bounded: offers beyond its bound are dropped', async () => {
    upgradeQueue.configure({ maxQueued: 1 });
    const [a, b] = [freshProgram(), freshProgram()];
    const outcomes = [
      upgradeQueue.settled({ source: a, latinDigits: false }),
      upgradeQueue.settled({ source: b, latinDigits: false }),
    ];
    expect(upgradeQueue.offer({ source: a, latinDigits: false })).toBe('queued');
    expect(upgradeQueue.offer({ source: a, latinDigits: false })).toBe('duplicate');
    expect(upgradeQueue.offer({ source: b, latinDigits: false })).toBe('dropped');
    expect(await Promise.all(outcomes)).toEqual(['built', 'dropped']);
    await upgradeQueue.idle();
  });

  test('under load (interactive runs waiting, every slot busy) upgrades are dropped, and a running one is killed', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 4 });
    let release!: () => void;
    const holding = runQueue.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    // Every slot busy: the upgrade is accepted, then dropped when it would start.
    const source = freshProgram();
    const outcome = upgradeQueue.settled({ source, latinDigits: false });
    expect(upgradeQueue.offer({ source, latinDigits: false })).toBe('queued');
    expect(await outcome).toBe('dropped');
    // A run waiting for the slot: the upgrade is dropped at once.
    const waiting = runQueue.run(async () => {});
    const other = freshProgram();
    const otherOutcome = upgradeQueue.settled({ source: other, latinDigits: false });
    expect(upgradeQueue.offer({ source: other, latinDigits: false })).toBe('dropped');
    expect(await otherOutcome).toBe('dropped');
    release();
    await Promise.all([holding, waiting]);

    // A build in progress is killed when an interactive run arrives at a full queue.
    const slow = freshProgram();
    const killed = upgradeQueue.settled({ source: slow, latinDigits: false });
    let blocker: Promise<unknown> | null = null;
    upgradeQueue.once('started', () => {
      blocker = Promise.all([
        runQueue.run(
          () =>
            new Promise<void>((r) => {
              release = r;
            }),
        ),
        runProgram({ source: freshProgram() }), // finds the slot taken: the build yields
      ]);
    });
    expect(upgradeQueue.offer({ source: slow, latinDigits: false })).toBe('queued');
    expect(await killed).toBe('dropped');
    release();
    await blocker;
    await upgradeQueue.idle(); // the interactive run's own upgrade
    // A dropped program is not marked as failed: it is offered again after its next run.
    expect(upgradeQueue.offer({ source: slow, latinDigits: false })).toBe('queued');
    await upgradeQueue.idle();
    expect(findCachedExecutable(slow, { optimise: true })).not.toBeNull();
  });

  test('a failed optimised build falls back to the fast tier silently, and is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A real failure: the background compile's CPU budget is too small for gcc.
    upgradeQueue.configure({ compiler: backgroundCompiler({ ...BACKGROUND_COMPILE_LIMITS, cpuMs: 1, wallMs: 1 }) });
    const source = freshProgram();
    const outcome = upgradeQueue.settled({ source, latinDigits: false });
    const first = await runProgram({ source, stdin: 'क\n' });
    expect(await outcome).toBe('failed');
    expect(warn.mock.calls.some((c) => String(c[0]).startsWith('[tiers] optimised build failed'))).toBe(true);
    const second = await runProgram({ source, stdin: 'क\n' });
    expect(second.run?.tier).toBe('fast');
    expect(second.run?.stdout).toBe(first.run?.stdout);
    expect(second.compile).toEqual(first.compile);
    // Not retried after every run.
    expect(upgradeQueue.offer({ source, latinDigits: false })).toBe('known_failure');
  });

  test('gcc only: the fast tier is gcc -O0 and the optimised tier gcc -O2; tcc only: no optimised tier', () => {
    const rt = loadRuntimeLibs();
    expect(tierPlan(rt, 'gcc')).toEqual({ fast: 'gcc', optimised: 'gcc' });
    expect(tierPlan(rt, 'tcc-musl')).toEqual({ fast: 'tcc-musl', optimised: null });
  });

  test('keys ignore nothing that changes the executable', () => {
    expect(UpgradeQueue.keyOf({ source: 'क', latinDigits: false })).not.toBe(
      UpgradeQueue.keyOf({ source: 'क', latinDigits: true }),
    );
  });
});
