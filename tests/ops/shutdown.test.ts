// Graceful shutdown, piece by piece in this process (tests/ops/graceful-server.test.ts does it
// to a real `next start` with SIGTERM): the work under way — a plain run and a streamed one,
// through the real route and sandbox — finishes with its whole answer before the closers run;
// new runs are refused meanwhile; a run longer than the grace period does not hold the exit.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { POST as runPOST } from '@/app/api/run/route';
import { runQueue } from '@/lib/run';
import { log } from '@/lib/ops/log';
import { holdUntil, onShutdown, resetShutdownForTests, shutDown, workInFlight } from '@/lib/ops/shutdown';
import { LAUNCHER } from '@/sandbox/index';
import { postJson } from './helpers';

/** Ends at the run's time limit: a run that is surely still running when the shutdown begins. */
const ENDLESS = 'जबसम्म सत्य\nअन्त्य\n';

afterEach(() => resetShutdownForTests());
// The warnings these cases provoke on purpose (grace over, a closer failing) are not news.
const level = log.level;
beforeAll(() => void (log.level = 'silent'));
afterAll(() => void (log.level = level));

async function untilRunning(n: number) {
  while (runQueue.stats.running < n) await new Promise((r) => setTimeout(r, 20));
}

describe('holdUntil and drained work', () => {
  test('a shutdown waits for held work, then runs the closers in order', async () => {
    const events: string[] = [];
    let finish!: () => void;
    void holdUntil(new Promise<void>((r) => (finish = r))).then(() => events.push('work done'));
    onShutdown(async () => void events.push('first closer'));
    onShutdown(async () => void events.push('second closer'));
    expect(workInFlight()).toBe(1);
    const shutting = shutDown(10_000);
    setTimeout(finish, 50);
    expect(await shutting).toBe(true);
    expect(events).toEqual(['work done', 'first closer', 'second closer']);
    expect(workInFlight()).toBe(0);
  });

  test('the grace period bounds the wait: the closers run and the answer says it did not drain', async () => {
    const closed: string[] = [];
    let finish!: () => void;
    const work = holdUntil(new Promise<void>((r) => (finish = r)));
    onShutdown(async () => void closed.push('closed'));
    expect(await shutDown(50)).toBe(false);
    expect(closed).toEqual(['closed']);
    finish();
    await work;
  });

  test('a failing closer does not keep the others from running', async () => {
    const closed: string[] = [];
    onShutdown(() => Promise.reject(new Error('cannot close')));
    onShutdown(async () => void closed.push('second'));
    expect(await shutDown(0)).toBe(true);
    expect(closed).toEqual(['second']);
  });
});

/** Whether a promise has settled, without waiting for it. */
function tracked<T>(p: Promise<T>) {
  const state = { settled: false, promise: p };
  void p.finally(() => (state.settled = true));
  return state;
}

describe.skipIf(!existsSync(LAUNCHER))('a shutdown while runs are running', () => {
  test('waits until a running run has its whole answer read; a new run is refused meanwhile', async () => {
    const running = runPOST(postJson('/api/run', { source: ENDLESS }));
    await untilRunning(1);
    const closed: string[] = [];
    onShutdown(async () => void closed.push('closed'));
    const shutting = tracked(shutDown(60_000));

    const refused = await runPOST(postJson('/api/run', { source: 'देखाउ(1)\n' }));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error).toBe('shutting_down');

    const res = await running;
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(shutting.settled, 'the answer is not read yet').toBe(false);
    expect(closed).toEqual([]);
    const body = await res.json();
    expect(body.run.verdict).toBe('time_limit');
    expect(await shutting.promise).toBe(true);
    expect(closed).toEqual(['closed']);
  });

  test('waits for a streamed run until its last line, not only until its answer began', async () => {
    const res = await runPOST(postJson('/api/run', { source: ENDLESS }, { accept: 'application/x-ndjson' }));
    expect(res.status).toBe(200);
    const shutting = tracked(shutDown(60_000));
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(JSON.parse(new TextDecoder().decode(first.value).split('\n')[0])).toMatchObject({
      type: 'compile',
      ok: true,
    });
    expect(shutting.settled, 'the program still runs').toBe(false);
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines.at(-1)).toMatchObject({ type: 'result', run: { verdict: 'time_limit' } });
    expect(await shutting.promise).toBe(true);
  });
});
