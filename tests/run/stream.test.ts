// POST /api/run with Accept: application/x-ndjson: lines in order while the program runs, the
// JSON contract untouched for other clients, and a client that goes away stops its program.
import { readdirSync, readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { POST as runPOST } from '@/app/api/run/route';
import { runQueue } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { LAUNCHER } from '@/sandbox/index';

const RUN_KEYS = [
  'cpuMs',
  'exitCode',
  'memoryKb',
  'signal',
  'stderr',
  'stdout',
  'tier',
  'truncated',
  'verdict',
  'wallMs',
];
const sandboxReason = existsSync(LAUNCHER)
  ? null
  : `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`;

function request(body: unknown, opts: { accept?: string; signal?: AbortSignal } = {}) {
  return new Request('http://localhost/api/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.accept ? { accept: opts.accept } : {}) },
    body: JSON.stringify(body),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/** Reads NDJSON lines as they come, with the time each arrived (ms since `t0`). */
async function* lines(res: Response, t0: number): AsyncGenerator<{ line: Record<string, unknown>; at: number }> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      yield { line: JSON.parse(text), at: Date.now() - t0 };
    }
  }
  expect(buf).toBe('');
}

async function all(res: Response) {
  const out: Record<string, unknown>[] = [];
  for await (const { line } of lines(res, Date.now())) out.push(line);
  return out;
}

/** Compiled programs alive (the sandbox gives a program its base name: `<cache key>.exe`). */
function programsAlive(): number {
  let n = 0;
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (/^[0-9a-z]+\.exe\0$/.test(readFileSync(`/proc/${e}/cmdline`, 'utf8'))) n++;
    } catch {
      /* gone */
    }
  }
  return n;
}

const NDJSON = 'application/x-ndjson';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(sandboxReason)('POST /api/run as NDJSON', () => {
  afterEach(() => runQueue.configure(defaultLimits()));

  test('compile, then output lines, then the result with exactly the contract run fields', async () => {
    const res = await runPOST(request({ source: 'देखाउ("एक")\nदेखाउ("<b>दुई</b>")\n' }, { accept: NDJSON }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const got = await all(res);
    expect(got[0]).toEqual({ type: 'compile', ok: true, diagnostics: [], omittedDiagnostics: 0 });
    const last = got[got.length - 1] as { type: string; run: Record<string, unknown> };
    expect(last.type).toBe('result');
    expect(Object.keys(last.run).sort()).toEqual(RUN_KEYS);
    expect(last.run).toMatchObject({ verdict: 'ok', exitCode: 0, stdout: 'एक\n<b>दुई</b>\n' });
    const middle = got.slice(1, -1);
    expect(middle.length).toBeGreaterThan(0);
    for (const l of middle) {
      expect(l.type).toBe('stdout');
      expect(Object.keys(l).sort()).toEqual(['data', 'type']);
    }
    expect(middle.map((l) => l.data).join('')).toBe(last.run.stdout);
  });

  test('stderr arrives as stderr lines', async () => {
    const got = await all(await runPOST(request({ source: 'राख क = ०\nदेखाउ(५ / क)\n' }, { accept: NDJSON })));
    const err = got
      .filter((l) => l.type === 'stderr')
      .map((l) => l.data)
      .join('');
    expect(err).toMatch(/line 2/);
    expect((got[got.length - 1] as { run: { verdict: string; stderr: string } }).run).toMatchObject({
      verdict: 'runtime_error',
      stderr: err,
    });
  });

  test('a compile error: the compile line, then a result whose run is null', async () => {
    const got = await all(await runPOST(request({ source: 'देखाउ("क")\nयदि भने\n' }, { accept: NDJSON })));
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ type: 'compile', ok: false });
    expect((got[0].diagnostics as unknown[]).length).toBeGreaterThan(0);
    expect(got[1]).toEqual({ type: 'result', run: null });
  });

  test('output arrives before the program ends', async () => {
    const t0 = Date.now();
    const res = await runPOST(request({ source: 'देखाउ("सुरु")\nजबसम्म सत्य\nअन्त्य\n' }, { accept: NDJSON }));
    let firstAt = -1;
    let end = -1;
    let verdict = '';
    for await (const { line, at } of lines(res, t0)) {
      if (line.type === 'stdout' && firstAt < 0) {
        expect(line.data).toBe('सुरु\n');
        firstAt = at;
      }
      if (line.type === 'result') {
        end = at;
        verdict = (line.run as { verdict: string }).verdict;
      }
    }
    expect(verdict).toBe('time_limit');
    expect(firstAt).toBeGreaterThanOrEqual(0);
    expect(end - firstAt).toBeGreaterThan(1000);
  });

  test('the default Accept still gets the JSON contract (no lines)', async () => {
    // Also every header that does not really ask for NDJSON: refused with q=0, a type that only
    // starts with it, a malformed quality, JSON preferred, or not a list of media ranges.
    for (const accept of [
      undefined,
      'application/json',
      '*/*',
      'application/x-ndjson;q=0',
      'application/x-ndjsonfoo',
      'application/x-ndjson;q=abc',
      'application/json, application/x-ndjson;q=0.5',
      ',,;;;=',
    ]) {
      const res = await runPOST(request({ source: 'देखाउ("नमस्ते")\n' }, { accept }));
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(['compile', 'run']);
      expect(Object.keys(body.run).sort()).toEqual(RUN_KEYS);
      expect(body.run.stdout).toBe('नमस्ते\n');
    }
  });

  test('NDJSON whenever the Accept header asks for it: any case, with parameters, preferred over JSON', async () => {
    for (const accept of [
      'APPLICATION/X-NDJSON',
      'application/x-ndjson; charset=utf-8',
      `${NDJSON}, application/json;q=0.9`, // what the IDE sends
      'text/html;q=0.2, application/x-ndjson;q=0.5, application/json;q=0.5',
    ]) {
      const res = await runPOST(request({ source: 'देखाउ("नमस्ते")\n' }, { accept }));
      expect(res.headers.get('content-type'), accept).toMatch(/^application\/x-ndjson/);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type);
      expect([lines[0], lines.at(-1)]).toEqual(['compile', 'result']);
    }
  });

  test('a full queue is a 429 before any line', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 0 });
    let release!: () => void;
    const held = runQueue.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const res = await runPOST(request({ source: 'देखाउ(१)' }, { accept: NDJSON }));
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).error).toBe('overloaded');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    release();
    await held;
  });

  test('a client that disconnects stops its program: the slot frees and no process is left', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 4 });
    const ac = new AbortController();
    const t0 = Date.now();
    const res = await runPOST(
      request({ source: 'देखाउ("सुरु")\nजबसम्म सत्य\nअन्त्य\n' }, { accept: NDJSON, signal: ac.signal }),
    );
    for await (const { line } of lines(res, t0)) {
      if (line.type === 'stdout') break; // the program runs; now go away
    }
    expect(programsAlive()).toBe(1);
    ac.abort();
    const again = Date.now();
    const next = await (await runPOST(request({ source: 'देखाउ("फेरि")\n' }))).json();
    expect(next.run).toMatchObject({ verdict: 'ok', stdout: 'फेरि\n' });
    expect(Date.now() - again).toBeLessThan(1500); // not after the 2 s CPU limit of the loop
    expect(Date.now() - t0).toBeLessThan(2000);
    await sleep(50);
    expect(programsAlive()).toBe(0);
  });

  test('cancelling the response body stops the program too', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 4 });
    const t0 = Date.now();
    const res = await runPOST(request({ source: 'जबसम्म सत्य\nअन्त्य\n' }, { accept: NDJSON }));
    await res.body!.cancel();
    const next = await (await runPOST(request({ source: 'देखाउ(१)\n' }))).json();
    expect(next.run.verdict).toBe('ok');
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});
