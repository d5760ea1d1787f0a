// Every API answer carries a request id (the client's, when it is a safe token), and every
// request writes one JSON log line with it; a run's own log lines carry the same id.
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { GET as healthGET, POST as healthPOST } from '@/app/api/health/route';
import { POST as runPOST } from '@/app/api/run/route';
import { requestIdOf } from '@/lib/ops/log';
import { LAUNCHER } from '@/sandbox/index';
import { get, logLines, postJson } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  test.each(['lb-7f3a', 'a.b:c_d-9', 'x'.repeat(64)])('keeps the safe token %s', (id) => {
    expect(requestIdOf(get('/api/health', { 'x-request-id': id }))).toBe(id);
  });

  test.each([
    ['spaces', 'a b'],
    ['too long', 'x'.repeat(65)],
    ['markup', '<script>'],
    ['a quote', 'id"x'],
    ['non-ASCII', 'ïd'],
  ])('replaces an unsafe one (%s) with a new UUID', (_name, id) => {
    const got = requestIdOf(get('/api/health', { 'x-request-id': id }));
    expect(got).not.toBe(id);
    expect(got).toMatch(UUID);
  });

  test('a request without one gets a new UUID each time', () => {
    const a = requestIdOf(get('/api/health'));
    const b = requestIdOf(get('/api/health'));
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });
});

describe('the x-request-id answer header', () => {
  test('echoes a safe id, on a success and on a refusal alike', async () => {
    const ok = await healthGET(get('/api/health', { 'x-request-id': 'probe-1' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('probe-1');
    const refused = await healthPOST(postJson('/api/health', {}, { 'x-request-id': 'probe-2' }));
    expect(refused.status).toBe(405);
    expect(refused.headers.get('x-request-id')).toBe('probe-2');
    const invalid = await runPOST(postJson('/api/run', { source: 5 }, { 'x-request-id': 'probe-3' }));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-request-id')).toBe('probe-3');
  });

  test('is a fresh UUID when the client sent none or an unsafe one', async () => {
    const none = await healthGET(get('/api/health'));
    expect(none.headers.get('x-request-id')).toMatch(UUID);
    const unsafe = await healthGET(get('/api/health', { 'x-request-id': 'a b c' }));
    expect(unsafe.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('the request log', () => {
  test('one JSON line per request: method, route, status, ms and the request id', async () => {
    const { lines } = await logLines(() =>
      runPOST(postJson('/api/run', '{"source":', { 'x-request-id': 'log-line-1' })),
    );
    const mine = lines.filter((l) => l.requestId === 'log-line-1');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'info', method: 'POST', route: '/api/run', status: 400, msg: 'request' });
    expect(typeof mine[0].ms).toBe('number');
    expect(typeof mine[0].time).toBe('string');
  });

  test.skipIf(!existsSync(LAUNCHER))("a run's own line carries the request's id and its verdict", async () => {
    const { result, lines } = await logLines(() =>
      runPOST(postJson('/api/run', { source: 'देखाउ("नमस्ते")\n' }, { 'x-request-id': 'run-follow-1' })),
    );
    expect(result.status).toBe(200);
    const mine = lines.filter((l) => l.requestId === 'run-follow-1');
    expect(mine.map((l) => l.msg).sort()).toEqual(['request', 'run finished']);
    const run = mine.find((l) => l.msg === 'run finished')!;
    expect(run.verdict).toBe('ok');
    for (const phase of ['queueWaitMs', 'compileMs', 'runMs']) expect(typeof run[phase], phase).toBe('number');
  });

  test('quiet routes (health, ready, metrics) log their requests at debug level only', async () => {
    const { lines } = await logLines(() => healthGET(get('/api/health', { 'x-request-id': 'quiet-1' })));
    expect(lines.filter((l) => l.requestId === 'quiet-1')).toEqual([]);
  });
});
