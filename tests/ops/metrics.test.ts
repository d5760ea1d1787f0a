// GET /api/metrics: Prometheus text behind the metrics token, and counts that follow what
// really happened (real runs through the real pipeline, real refusals).
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { GET as metricsGET } from '@/app/api/metrics/route';
import { POST as runPOST } from '@/app/api/run/route';
import { runQueue } from '@/lib/run';
import { defaultLimits } from '@/lib/run/queue';
import { bearerMatches, serveMetrics } from '@/lib/ops/metrics';
import { MAX_FIELD_BYTES } from '@/lib/validations/run';
import { LAUNCHER } from '@/sandbox/index';
import { get, postJson, sample } from './helpers';

const TOKEN = 'metrics-token-for-tests-0123456789';
const saved = process.env.SAJILO_METRICS_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.SAJILO_METRICS_TOKEN;
  else process.env.SAJILO_METRICS_TOKEN = saved;
  runQueue.configure(defaultLimits());
});

async function scrape(): Promise<string> {
  process.env.SAJILO_METRICS_TOKEN = TOKEN;
  const res = await metricsGET(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }));
  expect(res.status).toBe(200);
  return res.text();
}

describe('GET /api/metrics: access', () => {
  test('is 404 not_found while no token is configured', async () => {
    delete process.env.SAJILO_METRICS_TOKEN;
    const res = await metricsGET(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
  });

  test.each([
    ['no Authorization header', undefined],
    ['a wrong token of the same length', `Bearer ${TOKEN.slice(0, -1)}X`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`],
    ['the token without the Bearer scheme', TOKEN],
    ['Basic credentials', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
  ])('is 401 unauthorized with %s', async (_name, authorization) => {
    process.env.SAJILO_METRICS_TOKEN = TOKEN;
    const res = await metricsGET(get('/api/metrics', authorization ? { authorization } : {}));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = await res.json();
    expect(body.error).toBe('unauthorized');
    expect(JSON.stringify(body)).not.toContain(TOKEN.slice(0, 10));
  });

  test('the right token gets the Prometheus text format', async () => {
    process.env.SAJILO_METRICS_TOKEN = TOKEN;
    const res = await metricsGET(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    for (const name of [
      'sajilo_runs_total',
      'sajilo_run_queue_wait_seconds',
      'sajilo_compile_seconds',
      'sajilo_run_seconds',
      'sajilo_busy_run_slots',
      'sajilo_rejected_requests_total',
    ])
      expect(text, name).toContain(`# TYPE ${name} `);
  });

  test('bearerMatches compares the whole token, case of the scheme aside', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(bearerMatches('Bearer ', TOKEN)).toBe(false);
    expect(bearerMatches(null, TOKEN)).toBe(false);
  });
});

describe.skipIf(!existsSync(LAUNCHER))('GET /api/metrics: the counts follow the runs', () => {
  test('a program that runs and one that does not compile are counted by verdict, with their phases', async () => {
    const before = await scrape();
    const ok = await runPOST(postJson('/api/run', { source: 'देखाउ("नमस्ते")\n' }));
    expect((await ok.json()).run.verdict).toBe('ok');
    const broken = await runPOST(postJson('/api/run', { source: 'देखाउ(\n' }));
    expect((await broken.json()).compile.ok).toBe(false);
    const after = await scrape();

    const delta = (name: string, labels = '') => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('sajilo_runs_total', 'verdict="ok"')).toBe(1);
    expect(delta('sajilo_runs_total', 'verdict="compile_error"')).toBe(1);
    expect(delta('sajilo_run_queue_wait_seconds_count')).toBe(2);
    expect(delta('sajilo_compile_seconds_count')).toBe(2);
    expect(delta('sajilo_run_seconds_count')).toBe(1); // the broken program never ran
    expect(delta('sajilo_run_seconds_sum')).toBeGreaterThan(0);
    expect(sample(after, 'sajilo_busy_run_slots')).toBe(0);
  });

  test('refusals are counted by reason', async () => {
    const before = await scrape();
    const big = await runPOST(postJson('/api/run', { source: 'क'.repeat(MAX_FIELD_BYTES) }));
    expect(big.status).toBe(413);
    const invalid = await runPOST(postJson('/api/run', '{"source":'));
    expect(invalid.status).toBe(400);
    runQueue.configure({ perClient: 0 }); // every client's share is full
    const overloaded = await runPOST(postJson('/api/run', { source: 'देखाउ(1)\n' }));
    expect(overloaded.status).toBe(429);
    const after = await scrape();

    const delta = (reason: string) =>
      sample(after, 'sajilo_rejected_requests_total', `reason="${reason}"`) -
      sample(before, 'sajilo_rejected_requests_total', `reason="${reason}"`);
    expect(delta('too_large')).toBe(1);
    expect(delta('invalid')).toBe(1);
    expect(delta('overloaded_client')).toBe(1);
    expect(delta('overloaded_server')).toBe(0);
  });
});

describe("serveMetrics: a worker's own metrics port", () => {
  const stop = (server: import('node:http').Server) =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(r);
    });

  test('serves the text at /metrics and 404 elsewhere', async () => {
    delete process.env.SAJILO_METRICS_TOKEN;
    const server = await serveMetrics(3137, '127.0.0.1');
    try {
      const open = await fetch('http://127.0.0.1:3137/metrics');
      expect(open.status).toBe(200);
      expect(await open.text()).toContain('# TYPE sajilo_runs_total counter');
      expect((await fetch('http://127.0.0.1:3137/')).status).toBe(404);
      expect((await fetch('http://127.0.0.1:3137/metrics', { method: 'POST' })).status).toBe(404);
    } finally {
      await stop(server);
    }
  });

  test('asks for the bearer token when SAJILO_METRICS_TOKEN is set', async () => {
    process.env.SAJILO_METRICS_TOKEN = TOKEN;
    const server = await serveMetrics(3138, '127.0.0.1');
    try {
      const refused = await fetch('http://127.0.0.1:3138/metrics');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      const allowed = await fetch('http://127.0.0.1:3138/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(allowed.status).toBe(200);
    } finally {
      await stop(server);
    }
  });
});
