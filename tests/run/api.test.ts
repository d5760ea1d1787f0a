// Route handlers of the IDE's API, called as Next calls them: exported POST with a real Request.
// The 200 cases go through the real pipeline (compiler + sandbox).
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { POST as runPOST } from '@/app/api/run/route';
import { POST as checkPOST } from '@/app/api/check/route';
import { checkQueue, runQueue } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { LAUNCHER } from '@/sandbox/index';
import { MAX_BODY_BYTES, MAX_FIELD_BYTES } from '@/lib/validations/run';

const post = (handler: (r: Request) => Promise<Response>, body: unknown, headers: Record<string, string> = {}) =>
  handler(
    new Request('http://localhost/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

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
const DIAGNOSTIC_KEYS = ['column', 'endColumn', 'endLine', 'line', 'message', 'messageEn', 'severity'];

const sandboxReason = existsSync(LAUNCHER)
  ? null
  : `the sandbox launcher is not built (${LAUNCHER}): run npm run setup`;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(typeof body.messageEn).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  return body;
}

describe('POST /api/run: malformed requests', () => {
  test('invalid JSON is 400 bad_json', async () => {
    await expectError(await post(runPOST, '{"source": "देखाउ(1)"'), 400, 'bad_json');
    await expectError(await post(runPOST, ''), 400, 'bad_json');
  });

  test.each([
    ['no source', { stdin: '' }],
    ['source not a string', { source: 42 }],
    ['stdin not a string', { source: 'देखाउ(१)', stdin: ['x'] }],
    ['latinDigits not a boolean', { source: 'देखाउ(१)', latinDigits: 'yes' }],
    ['an unknown field', { source: 'देखाउ(१)', latin_digits: true }],
    ['an array', ['देखाउ(१)']],
    ['null', null],
  ])('%s is 400 invalid_request with the field named', async (_name, body) => {
    const res = await expectError(await post(runPOST, body), 400, 'invalid_request');
    expect(Array.isArray(res.issues)).toBe(true);
    expect(res.issues.length).toBeGreaterThan(0);
  });
});

describe('POST /api/run: size limits', () => {
  test('a source over 64 KiB of UTF-8 is 413, even when under 64 Ki characters', async () => {
    const source = 'क'.repeat(Math.floor(MAX_FIELD_BYTES / 3) + 1); // 3 bytes each
    expect(source.length).toBeLessThan(MAX_FIELD_BYTES);
    await expectError(await post(runPOST, { source }), 413, 'too_large');
  });

  test('stdin over 64 KiB is 413', async () => {
    await expectError(
      await post(runPOST, { source: 'देखाउ(१)', stdin: 'x'.repeat(MAX_FIELD_BYTES + 1) }),
      413,
      'too_large',
    );
  });

  test('a raw body over the limit is refused before parsing (even if it is not JSON)', async () => {
    await expectError(await post(runPOST, 'x'.repeat(MAX_BODY_BYTES + 1)), 413, 'too_large');
  });

  test('a declared Content-Length over the limit is refused without reading', async () => {
    await expectError(await post(runPOST, '{}', { 'content-length': String(MAX_BODY_BYTES + 1) }), 413, 'too_large');
  });
});

describe('POST /api/run: overload', () => {
  afterEach(() => runQueue.configure(defaultLimits()));

  test('a full queue answers 429 with Retry-After, and runs again once a slot frees', async () => {
    runQueue.configure({ concurrency: 1, maxQueued: 0 });
    let release!: () => void;
    const held = runQueue.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const res = await post(runPOST, { source: 'देखाउ(१)' });
    await expectError(res, 429, 'overloaded');
    const retry = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThanOrEqual(1);
    release();
    await held;
    const again = await post(runPOST, { source: 'देखाउ(१' }); // compile error: no sandbox needed
    expect(again.status).toBe(200);
  });
});

describe.skipIf(sandboxReason)('POST /api/run: programs', () => {
  test('hello world: 200 with exactly the contract fields', async () => {
    const res = await post(runPOST, { source: 'देखाउ("नमस्ते, संसार!")\n' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['compile', 'run']);
    expect(body.compile).toEqual({ ok: true, diagnostics: [], omittedDiagnostics: 0 });
    expect(Object.keys(body.run).sort()).toEqual(RUN_KEYS);
    expect(body.run.verdict).toBe('ok');
    expect(body.run.exitCode).toBe(0);
    expect(body.run.stdout).toBe('नमस्ते, संसार!\n');
    expect(body.run.memoryKb).toBeGreaterThan(0);
  });

  test('stdin reaches the program and latinDigits changes the digits it prints', async () => {
    const source = 'राख क = संख्या(पढ())\nदेखाउ(क * २)\n';
    const ne = await (await post(runPOST, { source, stdin: '२१\n' })).json();
    expect(ne.run.stdout).toBe('४२\n');
    const latin = await (await post(runPOST, { source, stdin: '21\n', latinDigits: true })).json();
    expect(latin.run.stdout).toBe('42\n');
  });

  test('a compile error: run is null, diagnostics have line, column and both languages', async () => {
    const res = await post(runPOST, { source: 'देखाउ("क")\nयदि भने\n' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.run).toBeNull();
    expect(body.compile.ok).toBe(false);
    expect(body.compile.diagnostics.length).toBeGreaterThan(0);
    const d = body.compile.diagnostics[0];
    expect(Object.keys(d).sort()).toEqual(DIAGNOSTIC_KEYS);
    expect(d.line).toBe(2);
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(/[\u0900-\u097F]/);
    expect(d.messageEn).toMatch(/[a-z]/);
  });

  test('a runtime error: runtime_error verdict, exit 1, position in stderr', async () => {
    const body = await (await post(runPOST, { source: 'राख क = ०\nदेखाउ(५ / क)\n' })).json();
    expect(body.run.verdict).toBe('runtime_error');
    expect(body.run.exitCode).toBe(1);
    expect(body.run.stderr).toMatch(/line 2, column \d+/);
    expect(body.run.runtimeError).toMatchObject({ line: 2, messageEn: 'division by zero' });
    expect(body.run.stderr).not.toContain('SAJILO-RUNTIME-ERROR');
  });

  test('an infinite loop ends with the time_limit verdict', async () => {
    const body = await (await post(runPOST, { source: 'जबसम्म सत्य\nअन्त्य\n' })).json();
    expect(body.run.verdict).toBe('time_limit');
    expect(['cpu-time', 'wall-time']).toContain(body.run.limitExceeded.kind);
    expect(body.run.runtimeError).toBeUndefined();
  });

  test('program output is returned as is (HTML and escapes are data)', async () => {
    const body = await (await post(runPOST, { source: 'देखाउ("<b>x</b>")\n' })).json();
    expect(body.run.stdout).toBe('<b>x</b>\n');
  });
});

describe('POST /api/check', () => {
  test('a correct program has no diagnostics', async () => {
    const res = await post(checkPOST, { source: 'देखाउ("नमस्ते")\n' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ diagnostics: [], omittedDiagnostics: 0 });
  });

  test('an error comes back with exactly the contract fields', async () => {
    const body = await (await post(checkPOST, { source: 'राख क = \n' })).json();
    expect(body.diagnostics.length).toBeGreaterThan(0);
    expect(Object.keys(body.diagnostics[0]).sort()).toEqual(DIAGNOSTIC_KEYS);
    expect(body.diagnostics[0].line).toBe(1);
  });

  test('a full check queue answers 429 with Retry-After', async () => {
    const limits = checkQueue.stats;
    checkQueue.configure({ concurrency: 1, maxQueued: 0 });
    let release!: () => void;
    const held = checkQueue.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    try {
      const res = await post(checkPOST, { source: 'देखाउ(१)' });
      await expectError(res, 429, 'overloaded');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      release();
      await held;
      checkQueue.configure({ concurrency: limits.concurrency, maxQueued: limits.maxQueued });
    }
    expect((await post(checkPOST, { source: 'देखाउ(१)' })).status).toBe(200);
  });

  test('64 KiB of "@": the first hundred diagnostics and the count of the rest, a small answer', async () => {
    const res = await post(checkPOST, { source: '@'.repeat(64 * 1024) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const body = JSON.parse(text);
    expect(body.diagnostics).toHaveLength(100);
    expect(body.omittedDiagnostics).toBe(64 * 1024 - 100);
    const run = await (await post(runPOST, { source: '@'.repeat(64 * 1024) })).json();
    expect(run.compile).toMatchObject({ ok: false, omittedDiagnostics: 64 * 1024 - 100 });
    expect(run.compile.diagnostics).toHaveLength(100);
    expect(run.run).toBeNull();
  });

  test('a function with more parameters than the C compiler takes is a diagnostic, on check and run', async () => {
    const parameters = Array.from({ length: 251 }, (_, i) => `p${i}`).join(', ');
    const source = `कार्य f(${parameters})\n  फर्काउ ०\nअन्त्य\nदेखाउ(१)\n`;
    const check = await (await post(checkPOST, { source })).json();
    expect(
      check.diagnostics
        .filter((d: { severity: string }) => d.severity === 'error')
        .map((d: { messageEn: string }) => d.messageEn),
    ).toEqual([
      'Function "f" has too many parameters (at most 200); pass some of the values together in a list or a map',
    ]);
    const res = await post(runPOST, { source });
    expect(res.status).toBe(200);
    expect((await res.json()).compile.ok).toBe(false);
  });

  test('malformed and oversize requests', async () => {
    await expectError(await post(checkPOST, 'nope'), 400, 'bad_json');
    await expectError(await post(checkPOST, { source: 'x', stdin: '' }), 400, 'invalid_request');
    await expectError(await post(checkPOST, { source: 'क'.repeat(MAX_FIELD_BYTES) }), 413, 'too_large');
  });
});
