// SandboxOptions.onOutput (output while the program runs) and SandboxOptions.signal (Stop).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxed, shutdownSandbox } from '../../sandbox/index';
import { tempDir } from './helpers';

let dir: string;
let prog: string;
const name = `sajilo-stream-${process.pid}`;

beforeAll(() => {
  dir = tempDir();
  const src = path.join(dir, 'p.c');
  writeFileSync(
    src,
    `#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  if (!strcmp(m, "slow")) { puts("first"); fflush(stdout); sleep(1); puts("second"); return 0; }
  if (!strcmp(m, "split")) {               /* नमस्ते, one byte at a time, with pauses */
    const char *s = "\\xe0\\xa4\\xa8\\xe0\\xa4\\xae\\n";
    for (const char *c = s; *c; c++) { write(1, c, 1); usleep(20000); }
    return 0;
  }
  if (!strcmp(m, "spin")) { puts("started"); fflush(stdout); for (;;) {} }
  if (!strcmp(m, "flood")) { for (;;) fputs("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\n", stdout); }
  puts("hello");
  return 0;
}
`,
  );
  prog = path.join(dir, name);
  execFileSync('gcc', ['-static', '-O1', '-o', prog, src]);
});
afterAll(async () => {
  await shutdownSandbox();
  rmSync(dir, { recursive: true, force: true });
});

function running(): number[] {
  const pids: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').startsWith(name)) pids.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return pids;
}

describe('sandbox output streaming', () => {
  it('delivers output while the program still runs, and the result holds the same bytes', async () => {
    const t0 = Date.now();
    const chunks: { s: string; c: string; at: number }[] = [];
    const r = await runSandboxed({
      argv: [prog, 'slow'],
      onOutput: (s, c) => chunks.push({ s, c, at: Date.now() - t0 }),
    });
    const end = Date.now() - t0;
    expect(r.verdict).toBe('ok');
    expect(r.stdout).toBe('first\nsecond\n');
    expect(chunks.map((x) => x.c).join('')).toBe(r.stdout);
    expect(chunks[0].c).toBe('first\n');
    expect(end - chunks[0].at).toBeGreaterThan(700); // the first line came a second early
  });

  it('never splits a UTF-8 character across chunks', async () => {
    const chunks: string[] = [];
    const r = await runSandboxed({ argv: [prog, 'split'], onOutput: (_s, c) => chunks.push(c) });
    expect(r.stdout).toBe('नम\n');
    expect(chunks.join('')).toBe('नम\n');
    for (const c of chunks) expect(c).not.toContain('\uFFFD');
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('streams no more than the output cap', async () => {
    let streamed = 0;
    const r = await runSandboxed({
      argv: [prog, 'flood'],
      outputBytes: 4096,
      onOutput: (_s, c) => {
        streamed += Buffer.byteLength(c);
      },
    });
    expect(r.verdict).toBe('output_limit');
    expect(streamed).toBe(4096);
    expect(Buffer.byteLength(r.stdout)).toBe(4096);
  });

  it('without onOutput the result is as before', async () => {
    const r = await runSandboxed({ argv: [prog] });
    expect(r).toMatchObject({ verdict: 'ok', stdout: 'hello\n' });
    expect(r.stopped).toBeUndefined();
  });
});

describe('sandbox stop (AbortSignal)', () => {
  it('kills an endless program, frees its slot, and leaves no process', async () => {
    const ac = new AbortController();
    let first = '';
    const pending = runSandboxed({
      argv: [prog, 'spin'],
      wallMs: 30_000,
      cpuMs: 30_000,
      onOutput: (_s, c) => {
        first += c;
        if (first.includes('started')) ac.abort();
      },
      signal: ac.signal,
    });
    const t0 = Date.now();
    const r = await pending;
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r).toMatchObject({ verdict: 'runtime_error', signal: 'SIGKILL', stopped: true, stdout: 'started\n' });
    expect(running()).toEqual([]);
    const next = await runSandboxed({ argv: [prog] });
    expect(next).toMatchObject({ verdict: 'ok', stdout: 'hello\n' });
  });

  it('an already aborted signal runs nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await runSandboxed({ argv: [prog], signal: ac.signal });
    expect(r).toMatchObject({ verdict: 'runtime_error', stopped: true, stdout: '' });
  });

  it('a stop that arrives after the run ended does no harm to the next run', async () => {
    const ac = new AbortController();
    const r = await runSandboxed({ argv: [prog], signal: ac.signal });
    expect(r.verdict).toBe('ok');
    ac.abort();
    for (let i = 0; i < 3; i++) expect((await runSandboxed({ argv: [prog] })).stdout).toBe('hello\n');
  });
});
