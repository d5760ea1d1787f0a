import { describe, expect, test } from 'vitest';
import { OverloadedError, RunQueue, USAGE_HALF_LIFE_MS } from '@/lib/run/queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
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
    const jobs = gates.map((g, i) =>
      q.run(async () => {
        started.push(i);
        active++;
        peak = Math.max(peak, active);
        await g.promise;
        active--;
        return i;
      }),
    );
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
    const refused = await q.run(async () => 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OverloadedError);
    expect((refused as OverloadedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    g.resolve();
    await Promise.all([a, b]);
    expect(await q.run(async () => 'free again')).toBe('free again');
  });

  test('a failing job frees its slot', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 0 });
    await expect(
      q.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await q.run(async () => 2)).toBe(2);
  });

  test('raising concurrency starts waiting jobs', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 5 });
    const g = deferred();
    let second = false;
    const a = q.run(() => g.promise);
    const b = q.run(async () => {
      second = true;
    });
    await tick();
    expect(second).toBe(false);
    q.configure({ concurrency: 2 });
    await b;
    expect(second).toBe(true);
    g.resolve();
    await a;
  });
});

/** The queue's clock in these tests: time passes only when a job says it took some. */
const testClock = () => ({
  t: 0,
  now() {
    return this.t;
  },
});

/** A job that runs until released (then takes `ms` on `clock`), with a promise that settles
 *  when it has started. */
function gatedJob(name: string, log: string[], clock?: { t: number }, ms = 0) {
  const gate = deferred();
  const started = deferred();
  return {
    gate,
    started: started.promise,
    job: async () => {
      log.push(name);
      started.resolve();
      await gate.promise;
      if (clock) clock.t += ms;
      return name;
    },
  };
}

describe('RunQueue: fairness between clients', () => {
  test('round-robin: a freed slot goes to the client that used least, everyone once before anyone twice', async () => {
    const clock = testClock();
    const q = new RunQueue({ concurrency: 1, maxQueued: 10, perClient: 5 }, clock);
    const log: string[] = [];
    const first = gatedJob('a1', log, clock, 10);
    const jobs = [q.run(first.job, { client: 'A' })];
    await first.started;
    for (const [name, client] of [
      ['a2', 'A'],
      ['a3', 'A'],
      ['b1', 'B'],
      ['b2', 'B'],
      ['c1', 'C'],
    ]) {
      jobs.push(
        q.run(
          async () => {
            log.push(name);
            clock.t += 10;
            return name;
          },
          { client },
        ),
      );
    }
    expect(q.stats).toMatchObject({ running: 1, queued: 5 });
    first.gate.resolve();
    await Promise.all(jobs);
    // Everyone's first job before anyone's second; unused clients first, then A, B, A.
    expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    expect(q.stats).toMatchObject({ running: 0, queued: 0 });
  });

  test("a client's share is capped: its next job is refused at once, others still get in", async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 10, perClient: 2 });
    const log: string[] = [];
    const a1 = gatedJob('a1', log);
    const jobs = [q.run(a1.job, { client: 'A' }), q.run(async () => 'a2', { client: 'A' })];
    const refused = await q.run(async () => 'a3', { client: 'A' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OverloadedError);
    expect((refused as OverloadedError).scope).toBe('client');
    expect((refused as OverloadedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    jobs.push(q.run(async () => 'b1', { client: 'B' }));
    expect(q.heldBy('A')).toBe(2);
    expect(q.heldBy('B')).toBe(1);
    a1.gate.resolve();
    expect(await Promise.all(jobs)).toEqual(['a1', 'a2', 'b1']);
    expect(await q.run(async () => 'a again', { client: 'A' })).toBe('a again');
  });

  test('the global bound holds; a full queue refuses the job that would be served last', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 2, perClient: 5 });
    const log: string[] = [];
    const a1 = gatedJob('a1', log);
    const refusedBy: string[] = [];
    const submit = (name: string, client: string) =>
      q
        .run(
          async () => {
            log.push(name);
          },
          { client },
        )
        .catch((e: unknown) => {
          expect(e).toBeInstanceOf(OverloadedError);
          expect((e as OverloadedError).scope).toBe('server');
          refusedBy.push(name);
        });
    const all = [q.run(a1.job, { client: 'A' }), submit('a2', 'A'), submit('a3', 'A')];
    await a1.started;
    expect(q.stats.queued).toBe(2);
    all.push(submit('b1', 'B')); // B was never served: it takes a3's place
    all.push(submit('c1', 'C')); // and C takes a2's
    all.push(submit('d1', 'D')); // D ties with B and C but came later: refused
    await Promise.resolve();
    expect(q.stats.queued).toBe(2);
    a1.gate.resolve();
    await Promise.all(all);
    expect(refusedBy.sort()).toEqual(['a2', 'a3', 'd1']);
    expect(log).toEqual(['a1', 'b1', 'c1']);
  });

  test('greedy clients filling the queue get the 429s; a newcomer gets in and runs next, again and again', async () => {
    const clock = testClock();
    const q = new RunQueue({ concurrency: 2, maxQueued: 4, perClient: 2 }, clock);
    const log: string[] = [];
    const refused: string[] = [];
    const live = new Map<string, ReturnType<typeof gatedJob>>();
    const settled: Promise<unknown>[] = [];
    let n = 0;
    // Greedy jobs hold a slot for 2 s each; the newcomer's hello world for 50 ms.
    const submit = (client: string) => {
      const name = `${client}.${n++}`;
      const g = gatedJob(name, log, clock, client === 'N' ? 50 : 2000);
      live.set(name, g);
      settled.push(
        q.run(g.job, { client }).then(
          () => live.delete(name),
          (e: unknown) => {
            expect(e).toBeInstanceOf(OverloadedError);
            refused.push(client);
            live.delete(name);
          },
        ),
      );
      return g;
    };
    const turn = () => new Promise((r) => setImmediate(r)); // lets every settled promise run on
    const greedy = ['G0', 'G1', 'G2', 'G3', 'G4', 'G5'];
    const served = (c: string) => log.some((l) => l.startsWith(`${c}.`));
    const refill = () => {
      for (const c of greedy) for (let k = q.heldBy(c); k < 2; k++) submit(c);
    };
    // Rounds: every greedy client posts up to its share, then every running job ends.
    for (let round = 0; round < 10 && !greedy.every(served); round++) {
      refill();
      await turn();
      expect(q.stats.queued).toBeLessThanOrEqual(4);
      for (const name of log) live.get(name)?.gate.resolve();
      await turn();
    }
    expect(greedy.every(served)).toBe(true);
    for (let i = 0; i < 3; i++) {
      refill();
      await turn();
      expect(q.stats).toMatchObject({ running: 2, queued: 4 });
      // The newcomer: admitted although the queue is full, and the next to start.
      const hello = submit('N');
      await turn();
      expect(refused).not.toContain('N');
      expect(q.stats.queued).toBe(4);
      const before = log.length;
      live.get(log.find((l) => live.has(l))!)!.gate.resolve(); // one greedy job ends
      await hello.started;
      expect(log[before]).toMatch(/^N\./);
      hello.gate.resolve();
      await turn();
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((c) => greedy.includes(c))).toBe(true);
    while (live.size > 0) {
      for (const g of live.values()) g.gate.resolve();
      await turn();
    }
    await Promise.all(settled);
    expect(q.stats).toMatchObject({ running: 0, queued: 0 });
  });

  test('usage decays: a client that kept the slots busy long ago is not held back for ever', async () => {
    const clock = testClock();
    const q = new RunQueue({ concurrency: 1, maxQueued: 4 }, clock);
    await q.run(
      async () => {
        clock.t += 30_000;
      },
      { client: 'old' },
    );
    clock.t += 10 * USAGE_HALF_LIFE_MS;
    await q.run(
      async () => {
        clock.t += 100;
      },
      { client: 'recent' },
    );
    expect(q.usedBy('old')).toBeLessThan(q.usedBy('recent'));
    const log: string[] = [];
    const hold = gatedJob('hold', log);
    const all: Promise<unknown>[] = [q.run(hold.job, { client: 'third' })];
    all.push(
      q.run(
        async () => {
          log.push('recent');
        },
        { client: 'recent' },
      ),
    );
    all.push(
      q.run(
        async () => {
          log.push('old');
        },
        { client: 'old' },
      ),
    );
    hold.gate.resolve();
    await Promise.all(all);
    expect(log).toEqual(['hold', 'old', 'recent']);
  });

  test('a waiting job whose caller goes away leaves the queue and frees its share at once', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 2, perClient: 1 });
    const log: string[] = [];
    const a1 = gatedJob('a1', log);
    const held = q.run(a1.job, { client: 'A' });
    const gone = new AbortController();
    const waiting = q.run(
      async () => {
        log.push('b1');
      },
      { client: 'B', signal: gone.signal },
    );
    expect(q.stats.queued).toBe(1);
    gone.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(q.stats.queued).toBe(0);
    expect(q.heldBy('B')).toBe(0);
    const again = q.run(
      async () => {
        log.push('b2');
      },
      { client: 'B' },
    ); // B's share is free again
    a1.gate.resolve();
    await Promise.all([held, again]);
    expect(log).toEqual(['a1', 'b2']);
  });

  test('a running job stopped by its signal passes the slot on at once', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 2, perClient: 1 });
    const gone = new AbortController();
    const stopped = q.run(
      () =>
        new Promise<string>((resolve) => {
          gone.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
        }),
      { client: 'A', signal: gone.signal },
    );
    const log: string[] = [];
    const next = gatedJob('b1', log);
    const waiting = q.run(next.job, { client: 'B' });
    expect(q.stats).toMatchObject({ running: 1, queued: 1 });
    gone.abort();
    expect(await stopped).toBe('stopped');
    await next.started; // no timer: the slot went to B as the stopped job returned
    expect(q.stats).toMatchObject({ running: 1, queued: 0 });
    next.gate.resolve();
    await waiting;
  });

  test('an aborted signal is refused before the job is queued', async () => {
    const q = new RunQueue({ concurrency: 1, maxQueued: 1 });
    const gone = new AbortController();
    gone.abort(new Error('already gone'));
    await expect(q.run(async () => 1, { signal: gone.signal })).rejects.toThrow('already gone');
    expect(q.stats).toMatchObject({ running: 0, queued: 0 });
  });
});
