// runProgram through the real compiler and sandbox: limits hold, the queue bounds the work.
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { OverloadedError, runProgram, runQueue, RUN_LIMITS } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { LAUNCHER } from '@/sandbox/index';

const sandboxReason = existsSync(LAUNCHER)
  ? null
  : `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`;

describe.skipIf(sandboxReason)('runProgram', () => {
  afterEach(() => {
    runQueue.configure(defaultLimits());
    runQueue.onStart = null;
  });

  test('an output flood is cut at the output limit', async () => {
    const r = await runProgram({ source: 'जबसम्म सत्य\n    देखाउ("कखगघङ")\nअन्त्य\n' });
    expect(r.run?.verdict).toBe('output_limit');
    expect(r.run?.truncated).toBe(true);
    expect(Buffer.byteLength(r.run!.stdout)).toBeLessThanOrEqual(RUN_LIMITS.outputBytes);
  });

  test('a program that eats memory is stopped', async () => {
    const r = await runProgram({ source: 'राख सूची = []\nजबसम्म सत्य\n    थप(सूची, "कखगघङचछजझञ")\nअन्त्य\n' });
    expect(r.run?.verdict).toBe('memory_limit');
    expect(r.run!.memoryKb).toBeGreaterThan(RUN_LIMITS.memoryMb * 1024 * 0.9);
  });

  test('never more programs at once than the concurrency; the queue beyond its bound refuses', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 1 });
    // The count is recorded at each start, so an excess however brief cannot fall between samples.
    let peak = 0;
    runQueue.onStart = (running) => {
      peak = Math.max(peak, running);
    };
    const results = await Promise.allSettled([0, 1, 2].map((i) => runProgram({ source: `देखाउ(${i})\n` })));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(OverloadedError);
    const done = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<
      Awaited<ReturnType<typeof runProgram>>
    >[];
    expect(done.map((r) => r.value.run?.verdict)).toEqual(['ok', 'ok']);
    expect(peak).toBe(1);
  });
});
