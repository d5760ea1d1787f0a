// Shared by the operations tests: requests to the real route handlers, the metrics text read
// back as numbers, and the JSON log lines the process writes while a piece of work runs.
import { vi } from 'vitest';
import { log } from '@/lib/ops/log';

export function get(url: string, headers: Record<string, string> = {}): Request {
  return new Request(new URL(url, 'http://localhost:3000'), { headers });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(new URL(url, 'http://localhost:3000'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The value of one sample in Prometheus text (`name{labels} value`); 0 when it is absent. */
export function sample(text: string, name: string, labels = ''): number {
  const key = labels ? `${name}{${labels}}` : name;
  const line = text.split('\n').find((l) => l.startsWith(`${key} `));
  return line ? Number(line.slice(key.length + 1)) : 0;
}

/** The JSON log lines written while `work` runs, at level `info` and above. */
export async function logLines<T>(work: () => Promise<T>): Promise<{ result: T; lines: Record<string, unknown>[] }> {
  const written: string[] = [];
  const level = log.level;
  log.level = 'info';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    const result = await work();
    return {
      result,
      lines: written
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  } finally {
    write.mockRestore();
    log.level = level;
  }
}
