// The IDE's side of POST /api/run: sends the program, turns every answer into one shape.
import type { RunRequest, RunResponse } from '@/lib/validations/run';
import type { StringKey } from '@/lib/i18n/strings';

export type RunOutcome =
  | { kind: 'result'; response: RunResponse }
  | { kind: 'error'; messageKey: StringKey; vars?: Record<string, string | number> }
  | { kind: 'aborted' };

export async function requestRun(body: RunRequest, signal?: AbortSignal): Promise<RunOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') return { kind: 'aborted' };
    return { kind: 'error', messageKey: 'error.network' };
  }
  if (res.ok) {
    try {
      return { kind: 'result', response: (await res.json()) as RunResponse };
    } catch {
      return { kind: 'error', messageKey: 'error.server' };
    }
  }
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after'));
    return { kind: 'error', messageKey: 'error.overloaded', vars: { seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5 } };
  }
  if (res.status === 413) return { kind: 'error', messageKey: 'error.tooLarge' };
  if (res.status === 400) return { kind: 'error', messageKey: 'error.badRequest' };
  return { kind: 'error', messageKey: 'error.server' };
}
