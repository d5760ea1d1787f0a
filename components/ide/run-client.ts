// The IDE's side of POST /api/run: sends the program, asks for the streaming form (NDJSON lines,
// docs/interfaces.md) and passes output on as it arrives; turns every answer into one shape.
import '@/components/zod-without-eval'; // first: before any zod schema is made
import { NDJSON_TYPE, type RunRequest, type RunResponse, type RunStreamLine } from '@/lib/validations/run';
import type { StringKey } from '@/lib/i18n/strings';

export type RunOutcome =
  | { kind: 'result'; response: RunResponse }
  | { kind: 'error'; messageKey: StringKey; vars?: Record<string, string | number> }
  | { kind: 'aborted' };

export interface RunProgress {
  /** The program's output so far grows by `chunk` (text, never to be interpreted). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

export async function requestRun(
  body: RunRequest,
  signal?: AbortSignal,
  progress: RunProgress = {},
): Promise<RunOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: `${NDJSON_TYPE}, application/json;q=0.9` },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (isAbort(e)) return { kind: 'aborted' };
    return { kind: 'error', messageKey: 'error.network' };
  }
  if (res.ok) {
    try {
      if ((res.headers.get('content-type') ?? '').startsWith(NDJSON_TYPE)) return await readLines(res, progress);
      return { kind: 'result', response: (await res.json()) as RunResponse };
    } catch (e) {
      if (isAbort(e) || signal?.aborted) return { kind: 'aborted' };
      return { kind: 'error', messageKey: 'error.server' };
    }
  }
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    return {
      kind: 'error',
      messageKey: 'error.overloaded',
      vars: { seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5 },
    };
  }
  // The server is draining (a deploy, a restart): the next attempt reaches another one.
  if (res.status === 503) return { kind: 'error', messageKey: 'error.shuttingDown' };
  if (res.status === 413) return { kind: 'error', messageKey: 'error.tooLarge' };
  if (res.status === 400) return { kind: 'error', messageKey: 'error.badRequest' };
  return { kind: 'error', messageKey: 'error.server' };
}

/** Reads the NDJSON lines as they arrive. The lines are read from a clone; the answer itself is
 *  read whole by the browser (`blob()`): Chromium reports a request whose body only a script's
 *  stream reads as cancelled in most runs (DevTools "(canceled)", net::ERR_ABORTED) although
 *  every byte arrived, while a body the browser reads itself ends as a finished load. The two
 *  copies cost the answer's size twice, which the output limit keeps small. */
async function readLines(res: Response, progress: RunProgress): Promise<RunOutcome> {
  const lines = res.clone();
  // Settles when the whole answer has arrived; a Stop (abort) rejects it, which the lines see too.
  const whole = res.blob().then(
    () => undefined,
    () => undefined,
  );
  const reader = lines.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  let compile: RunResponse['compile'] | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    buf += decoder.decode(value, { stream: !done });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const text = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!text) continue;
      const line = JSON.parse(text) as RunStreamLine;
      if (line.type === 'compile')
        compile = { ok: line.ok, diagnostics: line.diagnostics, omittedDiagnostics: line.omittedDiagnostics ?? 0 };
      else if (line.type === 'stdout' || line.type === 'stderr') progress.onOutput?.(line.type, line.data);
      else if (line.type === 'result' && compile) {
        await untilEnd(whole);
        return { kind: 'result', response: { compile, run: line.run } };
      } else return { kind: 'error', messageKey: 'error.server' };
    }
    if (done) return { kind: 'error', messageKey: 'error.server' }; // ended without a result
  }
}

/** How long the result waits for the end of the stream behind it (the server closes the
 *  stream right after the result line, so the end is normally there within milliseconds). */
export const STREAM_END_GRACE_MS = 1500;

/** The result is the stream's last line. The outcome is reported once the answer has ended too,
 *  so that when the result shows, the request is complete: a page left (or a run started) at
 *  that moment has no request still open for the browser to cancel and report as aborted.
 *  Never cancelled: if the end is late, the browser reads on in the background and the result shows. */
async function untilEnd(whole: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    whole,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, STREAM_END_GRACE_MS);
    }),
  ]);
  clearTimeout(timer);
}
