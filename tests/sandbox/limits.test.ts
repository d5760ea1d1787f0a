// The limits have one table (sandbox/limits.ts) and the launcher has no defaults of its own:
// talking to a real supervisor on its wire, a request that leaves any limit out is refused,
// and a request with exactly the table's limits runs. Through the API, a limit not given is
// the table's: a busy loop is stopped by the default time limits.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAUNCHER,
  LIMIT_WIRE_KEYS,
  SANDBOX_DEFAULT_LIMITS,
  completeLimits,
  runSandboxed,
  shutdownSandbox,
  type SandboxLimits,
} from '@/sandbox/index';
import { buildHostile, tempDir } from './helpers';

type Supervisor = ChildProcessByStdio<Writable, Readable, null>;
let sup: Supervisor;
let pending = Buffer.alloc(0);
let hostile: string;

/** Reads the next reply line (READY / RES …) and its bodies; returns the line and the detail. */
function nextReply(): Promise<{ head: string[]; detail: string }> {
  return new Promise((resolve) => {
    const tryParse = () => {
      const nl = pending.indexOf(10);
      if (nl < 0) return false;
      const head = pending.subarray(0, nl).toString().split(' ');
      if (head[0] !== 'RES') {
        pending = pending.subarray(nl + 1);
        resolve({ head, detail: '' });
        return true;
      }
      const [out, err, det] = head.slice(8).map(Number);
      if (pending.length < nl + 1 + out + err + det) return false;
      const detail = pending.subarray(nl + 1 + out + err, nl + 1 + out + err + det).toString();
      pending = pending.subarray(nl + 1 + out + err + det);
      resolve({ head, detail });
      return true;
    };
    if (tryParse()) return;
    const onData = () => {
      if (tryParse()) sup.stdout.off('data', onData);
    };
    sup.stdout.on('data', onData);
  });
}

function request(limits: Partial<Record<keyof SandboxLimits, number>>) {
  const fields = [
    'profile=run',
    ...Object.entries(limits).map(([k, v]) => `${LIMIT_WIRE_KEYS[k as keyof SandboxLimits]}=${v}`),
    `arg=${hostile}`,
    'arg=hello',
  ];
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''));
  sup.stdin.write(Buffer.concat([Buffer.from(`RUN ${payload.length} 0\n`), payload]));
  return nextReply();
}

beforeAll(async () => {
  hostile = buildHostile(tempDir());
  sup = spawn(LAUNCHER, ['serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  sup.stdout.on('data', (d: Buffer) => {
    pending = Buffer.concat([pending, d]);
  });
  const ready = await nextReply();
  expect(ready.head[0]).toBe('READY');
});

afterAll(async () => {
  sup?.stdin.end();
  await shutdownSandbox();
});

describe('the launcher and the limits table', () => {
  it("runs a request that carries exactly the table's limits", async () => {
    const r = await request(SANDBOX_DEFAULT_LIMITS.run);
    expect(r.head[1], r.detail).toBe('ok');
  });

  for (const key of Object.keys(LIMIT_WIRE_KEYS) as (keyof SandboxLimits)[]) {
    it(`refuses a request without ${key} (${LIMIT_WIRE_KEYS[key]}=): no default in the launcher`, async () => {
      const { [key]: _left, ...rest } = SANDBOX_DEFAULT_LIMITS.run;
      const r = await request(rest);
      expect(r.head[1]).toBe('internal_error');
      expect(r.detail).toContain(`missing limit(${LIMIT_WIRE_KEYS[key]})`);
    });
  }
});

describe('limits through the API', () => {
  it("fills every limit a caller leaves out from the profile's defaults", () => {
    expect(completeLimits('compile', { cpuMs: 500.7 })).toEqual({ ...SANDBOX_DEFAULT_LIMITS.compile, cpuMs: 500 });
    expect(completeLimits('run', {})).toEqual(SANDBOX_DEFAULT_LIMITS.run);
  });

  it('stops a busy loop at the default time limits when none is given', async () => {
    // The launcher refuses a request without limits (internal_error): a time limit proves the
    // API sent the table's.
    const r = await runSandboxed({ argv: [hostile, 'spin'] });
    expect(r.verdict, r.detail).toBe('time_limit');
  });
});
