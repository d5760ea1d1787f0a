// Sandbox API (docs/interfaces.md). Runs any executable under the native launcher
// (build/sandbox/sajilo-launcher, built by sandbox/build.mjs at npm install).
//
// Each Node process keeps a small pool of long-lived supervisors ("slots"). A supervisor
// has moved itself into its own cgroups once, at start, and forks every program from inside,
// so no cgroup attach (slow on v1 after idle) happens on the run path; as root it also sits
// in an empty network namespace that every run joins. A slot runs one program at a time;
// callers beyond the pool size wait in a queue. Idle supervisors do not keep Node alive, and
// they exit (removing their cgroups) when this process goes away and their stdin closes.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { completeLimits, LIMIT_WIRE_KEYS, type SandboxLimits } from './limits';
import { VERDICTS, type LimitExceeded, type SandboxOptions, type SandboxResult, type Verdict } from './types';

export * from './types';
export * from './limits';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The launcher sandbox/build.mjs builds (and this module builds on first use when missing). */
export const LAUNCHER = path.join(ROOT, 'build', 'sandbox', 'sajilo-launcher');
const MAX_STDIN = 16 << 20;
const KNOWN_VERDICTS: ReadonlySet<string> = new Set(VERDICTS);

function internal(detail: string, degraded?: string[]): SandboxResult {
  return {
    verdict: 'internal_error',
    exitCode: null,
    signal: null,
    cpuMs: 0,
    wallMs: 0,
    memoryKb: 0,
    stdout: '',
    stderr: '',
    truncated: false,
    detail,
    ...(degraded?.length ? { degraded } : {}),
  };
}

/** What a supervisor said about its protections when it started. */
export interface SlotInfo {
  cgroup: 'v1' | 'v2' | 'none';
  swapAccounted: boolean;
  root: boolean;
  netns: 'pre' | 'fresh';
}

function degradedOf(info: SlotInfo): string[] {
  const d: string[] = [];
  if (info.cgroup === 'none')
    d.push('cgroups: none writable; memory and process limits fall back to rlimits, CPU time counts per process');
  else if (!info.swapAccounted)
    d.push('swap: not accounted by the memory cgroup; a program may use swap beyond its memory limit');
  return d;
}

/** `bytes` without a last UTF-8 sequence that lacks some of its bytes (a cut one). */
export function completeUtf8(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

function limitExceeded(r: SandboxResult, limits: SandboxLimits): LimitExceeded | undefined {
  if (r.verdict === 'time_limit') {
    // The wall clock is the one measured exactly: a run that ended before it was stopped by its
    // CPU limit (whose accounting may read a little under the limit at the kill).
    return r.wallMs >= limits.wallMs
      ? { kind: 'wall-time', limit: limits.wallMs }
      : { kind: 'cpu-time', limit: limits.cpuMs };
  }
  if (r.verdict === 'memory_limit') return { kind: 'memory', limit: limits.memoryMb };
  if (r.verdict === 'output_limit') return { kind: 'output', limit: limits.outputBytes };
  return undefined;
}

type Proc = ChildProcessByStdio<Writable, Readable, null>;

class Supervisor {
  readonly proc: Proc;
  info: SlotInfo | null = null;
  dead = false;
  private buf = Buffer.alloc(0);
  private waiter: ((r: SandboxResult) => void) | null = null;
  private output: ((stream: 1 | 2, bytes: Buffer) => void) | null = null;
  private readyWaiter: ((err: string | null) => void) | null = null;
  readonly ready: Promise<string | null>;

  constructor(
    slot: number,
    private onExit: (s: Supervisor) => void,
  ) {
    this.proc = spawn(/*turbopackIgnore: true*/ settings.launcher, ['serve', String(slot)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.ready = new Promise((resolve) => {
      this.readyWaiter = resolve;
    });
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.parse();
    });
    this.proc.stdin.on('error', () => {});
    this.proc.on('error', (e) => this.exit(`launcher: ${e.message}`));
    this.proc.on('exit', (code, sig) => this.exit(`supervisor exited (${sig ?? code})`));
    this.busy();
  }

  private exit(why: string) {
    if (this.dead) return;
    this.dead = true;
    this.readyWaiter?.(why);
    this.readyWaiter = null;
    this.waiter?.(internal(why));
    this.waiter = null;
    this.onExit(this);
  }

  private parse() {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const head = this.buf.subarray(0, nl).toString().split(' ');
      if (head[0] === 'READY' || head[0] === 'FATAL') {
        this.buf = this.buf.subarray(nl + 1);
        if (head[0] === 'READY') {
          this.info = {
            cgroup: head[1] === 'v1' ? 'v1' : head[1] === 'v2' ? 'v2' : 'none',
            swapAccounted: head[2] === '1',
            root: head[3] === '1',
            netns: head[4] === 'pre' ? 'pre' : 'fresh',
          };
          this.readyWaiter?.(null);
        } else this.readyWaiter?.(head.slice(1).join(' '));
        this.readyWaiter = null;
        continue;
      }
      if (head[0] === 'OUT' && head.length === 3 && (head[1] === '1' || head[1] === '2')) {
        const end = nl + 1 + Number(head[2]);
        if (this.buf.length < end) return;
        const bytes = this.buf.subarray(nl + 1, end);
        this.buf = this.buf.subarray(end);
        try {
          this.output?.(head[1] === '1' ? 1 : 2, bytes);
        } catch {
          /* a caller's bug must not break the slot */
        }
        continue;
      }
      if (head[0] !== 'RES' || head.length !== 11) {
        this.kill();
        return;
      }
      const [outLen, errLen, detailLen] = head.slice(8).map(Number);
      const end = nl + 1 + outLen + errLen + detailLen;
      if (this.buf.length < end) return;
      const body = this.buf.subarray(nl + 1, end);
      this.buf = this.buf.subarray(end);
      const verdict = head[1] as Verdict;
      const truncated = head[7] === '1';
      // Cut by the output cap: the last character may be missing bytes; end at the one before it.
      const text = (b: Buffer) => (truncated ? completeUtf8(b) : b).toString('utf8');
      const detail = body.subarray(outLen + errLen).toString();
      const degraded = this.info ? degradedOf(this.info) : [];
      const r: SandboxResult = {
        verdict: KNOWN_VERDICTS.has(verdict) ? (verdict as Verdict) : 'internal_error',
        exitCode: head[2] === '-' ? null : Number(head[2]),
        signal: head[3] === '-' ? null : head[3],
        cpuMs: Number(head[4]),
        wallMs: Number(head[5]),
        memoryKb: Number(head[6]),
        stdout: text(body.subarray(0, outLen)),
        stderr: text(body.subarray(outLen, outLen + errLen)),
        truncated,
        ...(degraded.length ? { degraded } : {}),
        ...(detail ? { detail } : {}),
      };
      const w = this.waiter;
      this.waiter = null;
      this.output = null;
      w?.(r);
    }
  }

  /** While idle, neither the process nor its pipes keep the event loop alive. */
  idle() {
    this.proc.unref();
    (this.proc.stdout as unknown as { unref?: () => void }).unref?.();
    (this.proc.stdin as unknown as { unref?: () => void }).unref?.();
  }

  busy() {
    this.proc.ref();
    (this.proc.stdout as unknown as { ref?: () => void }).ref?.();
    (this.proc.stdin as unknown as { ref?: () => void }).ref?.();
  }

  run(
    payload: Buffer,
    stdin: Buffer,
    timeoutMs: number,
    output: ((stream: 1 | 2, bytes: Buffer) => void) | null,
    signal?: AbortSignal,
  ): Promise<SandboxResult> {
    return new Promise((resolve) => {
      this.busy();
      // The supervisor enforces the wall limit itself; this only catches a hung supervisor.
      const timer = setTimeout(() => {
        this.kill();
      }, timeoutMs);
      // Stop: the supervisor kills the run's sandbox (its PID namespace) and answers with RES.
      const stop = () => {
        if (!this.dead) this.proc.stdin.write('STOP\n');
      };
      this.output = output;
      this.waiter = (r) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        resolve(r);
      };
      this.proc.stdin.write(Buffer.concat([Buffer.from(`RUN ${payload.length} ${stdin.length}\n`), payload, stdin]));
      signal?.addEventListener('abort', stop, { once: true });
    });
  }

  kill() {
    if (!this.dead) this.proc.kill('SIGKILL');
  }
}

export interface SandboxSettings {
  /** Supervisors this process keeps (default: 2 × the CPUs, at least 2). */
  slots: number;
  /** The native launcher to start supervisors from (default LAUNCHER). */
  launcher: string;
}

const settings: SandboxSettings = { slots: Math.max(2, os.cpus().length * 2), launcher: LAUNCHER };

/**
 * Changes the pool size or the launcher for supervisors started from now on. The sandbox reads
 * no environment itself: whoever embeds it passes its settings here.
 */
export function configureSandbox(changes: Partial<SandboxSettings>): SandboxSettings {
  if (changes.slots !== undefined) settings.slots = Math.max(1, Math.floor(changes.slots));
  if (changes.launcher !== undefined) settings.launcher = path.resolve(changes.launcher);
  return { ...settings };
}

const free: Supervisor[] = [];
const all = new Set<Supervisor>();
const queue: ((s: Supervisor | string) => void)[] = [];
let built = false;
let slotCounter = 0; // with SAJILO_SANDBOX_PIN=1 supervisors pin to CPU (slot mod CPUs)

function ensureBuilt(): string | null {
  if (settings.launcher !== LAUNCHER) return null; // someone else's launcher: theirs to build
  if (built || existsSync(LAUNCHER)) {
    built = true;
    return null;
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'sandbox', 'build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(LAUNCHER)) return 'launcher not built (node sandbox/build.mjs failed)';
  built = true;
  return null;
}

async function acquire(): Promise<Supervisor | string> {
  for (;;) {
    const s = free.pop();
    if (!s) break;
    if (!s.dead) return s;
  }
  if (all.size >= settings.slots) return new Promise((resolve) => queue.push(resolve));
  const err = ensureBuilt();
  if (err) return err;
  const s = new Supervisor(slotCounter++, (dead) => {
    all.delete(dead);
    const i = free.indexOf(dead);
    if (i >= 0) free.splice(i, 1);
  });
  all.add(s);
  const fatal = await s.ready;
  if (fatal) {
    s.kill();
    all.delete(s);
    release(null);
    return `sandbox refused to start: ${fatal}`;
  }
  return s;
}

function release(s: Supervisor | null) {
  const next = queue.shift();
  if (next) {
    if (s && !s.dead) next(s);
    else void acquire().then(next);
  } else if (s && !s.dead) {
    s.idle();
    free.push(s);
  }
}

function stoppedResult(): SandboxResult {
  return {
    verdict: 'runtime_error',
    exitCode: null,
    signal: null,
    cpuMs: 0,
    wallMs: 0,
    memoryKb: 0,
    stdout: '',
    stderr: '',
    truncated: false,
    stopped: true,
  };
}

/** The request payload: every limit always written out (the launcher has no defaults). */
function encode(o: SandboxOptions, limits: SandboxLimits): Buffer {
  const profile = o.profile ?? 'run';
  const fields = [`profile=${profile}`];
  for (const [k, wire] of Object.entries(LIMIT_WIRE_KEYS)) fields.push(`${wire}=${limits[k as keyof SandboxLimits]}`);
  if (o.onOutput) fields.push('stream=1');
  if (o.workDir) fields.push(`wd=${path.resolve(o.workDir)}`);
  for (const p of o.readOnlyPaths ?? []) fields.push(`ro=${path.resolve(p)}`);
  const env: Record<string, string> = {
    PATH: '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    ...(profile === 'compile' ? { TMPDIR: '/tmp', HOME: '/tmp' } : {}),
    ...o.env,
  };
  for (const [k, v] of Object.entries(env)) fields.push(`env=${k}=${v}`);
  o.argv.forEach((a, i) => fields.push(`arg=${i === 0 ? path.resolve(a) : a}`));
  for (const f of fields) if (f.includes('\0')) throw new Error('NUL byte in sandbox option');
  return Buffer.from(fields.map((f) => `${f}\0`).join(''));
}

export async function runSandboxed(options: SandboxOptions): Promise<SandboxResult> {
  if (!options.argv?.length || !options.argv[0]) return internal('argv is empty');
  if ((options.profile ?? 'run') === 'run' && (options.workDir || options.readOnlyPaths?.length))
    return internal('workDir and readOnlyPaths belong to the compile profile');
  const limits = completeLimits(options.profile ?? 'run', options);
  let payload: Buffer;
  try {
    payload = encode(options, limits);
  } catch (e) {
    return internal((e as Error).message);
  }
  const stdin =
    options.stdin === undefined
      ? Buffer.alloc(0)
      : typeof options.stdin === 'string'
        ? Buffer.from(options.stdin)
        : Buffer.from(options.stdin);
  if (stdin.length > MAX_STDIN) return internal(`stdin larger than ${MAX_STDIN} bytes`);
  if (options.signal?.aborted) return stoppedResult();
  const s = await acquire();
  if (typeof s === 'string') return internal(s);
  if (options.signal?.aborted) {
    release(s);
    return stoppedResult();
  }
  const { onOutput, signal } = options;
  let output: ((stream: 1 | 2, bytes: Buffer) => void) | null = null;
  const dec = { 1: new StringDecoder('utf8'), 2: new StringDecoder('utf8') };
  if (onOutput)
    output = (n, bytes) => {
      const t = dec[n].write(bytes);
      if (t) onOutput(n === 1 ? 'stdout' : 'stderr', t);
    };
  const r = await s.run(payload, stdin, limits.wallMs + 10_000, output, signal);
  release(s);
  // After a cut, bytes left in a decoder are a character the cap split: dropped, as in the result.
  if (onOutput && !r.truncated)
    for (const n of [1, 2] as const) {
      const t = dec[n].end();
      if (t) onOutput(n === 1 ? 'stdout' : 'stderr', t);
    }
  const exceeded = limitExceeded(r, limits);
  const result = exceeded ? { ...r, limitExceeded: exceeded } : r;
  return signal?.aborted ? { ...result, stopped: true } : result;
}

/** Starts one supervisor and reports what it could set up (for `doctor`). */
export async function probeSlot(): Promise<SlotInfo | string> {
  const s = await acquire();
  if (typeof s === 'string') return s;
  const info = s.info!;
  release(s);
  return info;
}

/** Ends every supervisor of this process (tests, graceful shutdown). */
export async function shutdownSandbox(): Promise<void> {
  const waits = [...all].map(
    (s) =>
      new Promise<void>((res) => {
        if (s.dead) return res();
        s.proc.once('exit', () => res());
        s.proc.ref();
        s.proc.stdin.end();
      }),
  );
  await Promise.all(waits);
}

/** Process ids of this process's live supervisors (for tests and diagnostics). */
export function supervisorPids(): number[] {
  return [...all].filter((s) => !s.dead && s.proc.pid).map((s) => s.proc.pid!);
}
