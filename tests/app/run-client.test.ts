// The IDE's client side of the API: every answer becomes one outcome the panel can show.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { requestRun, STREAM_END_GRACE_MS } from '@/components/ide/run-client';
import { loadDraft } from '@/components/ide/use-draft';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }));

describe('requestRun', () => {
  test('sends the program as JSON to /api/run and returns the result', async () => {
    const result = { compile: { ok: true, diagnostics: [] }, run: null };
    const fetch = answer(200, result);
    vi.stubGlobal('fetch', fetch);
    const outcome = await requestRun({ source: 'देखाउ(१)', stdin: 'x', latinDigits: true });
    expect(outcome).toEqual({ kind: 'result', response: result });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/run');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ source: 'देखाउ(१)', stdin: 'x', latinDigits: true });
  });

  test.each([
    [429, { 'retry-after': '7' }, 'error.overloaded', { seconds: 7 }],
    [429, {}, 'error.overloaded', { seconds: 5 }],
    [413, {}, 'error.tooLarge', undefined],
    [400, {}, 'error.badRequest', undefined],
    [500, {}, 'error.server', undefined],
    [502, {}, 'error.server', undefined],
    [503, { 'retry-after': '1' }, 'error.shuttingDown', undefined],
  ])('HTTP %i becomes %s', async (status, headers, key, vars) => {
    vi.stubGlobal('fetch', answer(status, { error: 'x' }, headers));
    expect(await requestRun({ source: '' })).toEqual({ kind: 'error', messageKey: key, vars });
  });

  test('a 200 that is not JSON is a server error; a network failure says so', async () => {
    vi.stubGlobal('fetch', answer(200, '<html>'));
    expect(await requestRun({ source: '' })).toEqual({ kind: 'error', messageKey: 'error.server' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    expect(await requestRun({ source: '' })).toEqual({ kind: 'error', messageKey: 'error.network' });
  });

  test('an aborted request is reported as aborted, not as an error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new DOMException('aborted', 'AbortError');
      }),
    );
    expect(await requestRun({ source: '' })).toEqual({ kind: 'aborted' });
  });
});

describe('loadDraft', () => {
  const storage = (items: Record<string, string>) => ({ localStorage: { getItem: (k: string) => items[k] ?? null } });

  test('restores source, stdin and options', () => {
    vi.stubGlobal(
      'window',
      storage({ 'sajilo:draft:main': JSON.stringify({ source: 'क', stdin: 'ख', latinDigits: true }) }),
    );
    expect(loadDraft('draft:main')).toEqual({ source: 'क', stdin: 'ख', latinDigits: true });
  });

  test('ignores a missing, broken or foreign draft', () => {
    vi.stubGlobal('window', storage({ 'sajilo:a': '{not json', 'sajilo:b': JSON.stringify({ source: 42 }) }));
    expect(loadDraft('none')).toBeNull();
    expect(loadDraft('a')).toBeNull();
    expect(loadDraft('b')).toBeNull();
  });

  test('fills what an older draft lacks', () => {
    vi.stubGlobal('window', storage({ 'sajilo:old': JSON.stringify({ source: 'ग' }) }));
    expect(loadDraft('old')).toEqual({ source: 'ग', stdin: '', latinDigits: false });
  });
});

describe('requestRun, streaming', () => {
  test('reads the answer to its end after the result line (in the background, never cancelling), so the browser does not report the request aborted', async () => {
    const encoder = new TextEncoder();
    const lines = [
      { type: 'compile', ok: true, diagnostics: [] },
      { type: 'stdout', data: 'नमस्ते\n' },
      { type: 'result', run: { verdict: 'ok', exitCode: 0, stdout: 'नमस्ते\n', stderr: '' } },
    ];
    let closedByReading = false;
    let cancelled = false;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent < lines.length) controller.enqueue(encoder.encode(`${JSON.stringify(lines[sent++])}\n`));
          else {
            closedByReading = true;
            controller.close();
          }
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    ); // pulled only when read: nothing is read ahead

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })),
    );
    const output: string[] = [];
    const outcome = await requestRun({ source: 'देखाउ("नमस्ते")' }, undefined, {
      onOutput: (_s, chunk) => output.push(chunk),
    });
    expect(outcome.kind).toBe('result');
    expect(output).toEqual(['नमस्ते\n']);
    // The rest is read in the background, to the stream's end, never cancelled.
    await vi.waitFor(() => expect(closedByReading).toBe(true));
    expect(cancelled).toBe(false);
  });

  /** An NDJSON answer whose lines are read as asked, then ends `endAfterMs` after the result
   *  line was read (never, when null). */
  function streamedAnswer(endAfterMs: number | null) {
    const encoder = new TextEncoder();
    const lines = [
      { type: 'compile', ok: true, diagnostics: [] },
      { type: 'result', run: { verdict: 'ok', exitCode: 0, stdout: '', stderr: '' } },
    ];
    const state = { ended: false, cancelled: false };
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (sent < lines.length) return controller.enqueue(encoder.encode(`${JSON.stringify(lines[sent++])}\n`));
          if (endAfterMs === null) return new Promise<void>(() => {}); // the end never comes
          await new Promise((r) => setTimeout(r, endAfterMs));
          state.ended = true;
          controller.close();
        },
        cancel() {
          state.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })),
    );
    return state;
  }

  test('the result is reported once the answer has ended: no request is left open when it shows', async () => {
    const state = streamedAnswer(200);
    const outcome = await requestRun({ source: 'देखाउ(१)' });
    expect(outcome.kind).toBe('result');
    expect(state.ended).toBe(true);
    expect(state.cancelled).toBe(false);
  });

  test('an answer whose end does not come still shows its result, and is not cancelled', async () => {
    const state = streamedAnswer(null);
    const started = Date.now();
    const outcome = await requestRun({ source: 'देखाउ(१)' });
    expect(outcome.kind).toBe('result');
    expect(Date.now() - started).toBeGreaterThanOrEqual(STREAM_END_GRACE_MS - 50);
    expect(state.ended).toBe(false);
    expect(state.cancelled).toBe(false);
  });
});
