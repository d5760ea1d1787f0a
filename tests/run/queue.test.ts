import { describe, expect, test } from 'vitest';
import { OverloadedError, RunQueue } from '@/lib/run/queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RunQueue', () => {
  test('runs at most `concurrency` jobs at once, the rest in arrival order', async () => {
    const q = new RunQueue({ concurrency: 2, maxQueued: 10 });
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const jobs = gates.map((g, i) => q.run(async () => {
      started.push(i);
      active++; peak = Math.max(peak, active);
      await g.promise;
      active--;
      return i;
    }));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(q.stats).toMatchObject({ running: 2, queued: 3 });
    gates[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(q.stats).toMatchObject({ running: 0, queued: 0 });
  });

  test('refuses beyond the queue bound with OverloadedError and a Retry-After estimate', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 1 });
    const g = deferred();
    const a = q.run(() => g.promise);
    const b = q.run(() => g.promise);
    await expect(q.run(async () => 1)).rejects.toBeInstanceOf(OverloadedError);
    try { await q.run(async () => 1); } catch (e) {
      expect((e as OverloadedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    g.resolve();
    await Promise.all([a, b]);
    expect(await q.run(async () => 'free again')).toBe('free again');
  });

  test('a failing job frees its slot', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 0 });
    await expect(q.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await q.run(async () => 2)).toBe(2);
  });

  test('raising concurrency starts waiting jobs', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 5 });
    const g = deferred();
    let second = false;
    const a = q.run(() => g.promise);
    const b = q.run(async () => { second = true; });
    await tick();
    expect(second).toBe(false);
    q.configure({ concurrency: 2 });
    await b;
    expect(second).toBe(true);
    g.resolve();
    await a;
  });
});
