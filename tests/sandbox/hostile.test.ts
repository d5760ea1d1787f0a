// The hostile battery (docs/sandbox.md): each behaviour with its expected verdict, in both profiles,
// then a check that nothing was left behind and that a normal program still runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSandboxed, shutdownSandbox, supervisorPids, type SandboxOptions, type Verdict } from '../../sandbox/index';
import { alive, buildHostile, mountTable, slotDirsOf, slotDirsPerSupervisor, tempDir } from './helpers';

let dir: string;
let work: string;
let hostile: string;
let server: Server;
let port = 0;
let connections = 0;
let mountsBefore: string;
let victim: ChildProcess; // a host process the hostile programs try to reach

beforeAll(async () => {
  dir = tempDir();
  work = tempDir();
  hostile = buildHostile(dir);
  server = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  mountsBefore = mountTable();
  victim = spawn('sleep', ['600'], { stdio: 'ignore' });
});

afterAll(() => {
  victim?.kill();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function run(args: string[], extra: Partial<SandboxOptions> = {}) {
  const compile = extra.profile === 'compile';
  return runSandboxed({
    argv: [hostile, ...args],
    cpuMs: 700,
    wallMs: 3000,
    memoryMb: 64,
    outputBytes: 4096,
    ...(compile ? { workDir: work, readOnlyPaths: [hostile] } : {}),
    ...extra,
  });
}

type Case = [
  name: string,
  args: string[],
  verdict: Verdict,
  check?: (r: Awaited<ReturnType<typeof run>>) => void,
  extra?: Partial<SandboxOptions>,
];
// CPU cases get a wall limit far above the CPU limit, so that only the CPU limit can end them
// even when other test workers keep both cores busy.
const CPU_ONLY: Partial<SandboxOptions> = { wallMs: 60_000 };

const runCases: Case[] = [
  ['normal program, argv and stdin', ['hello'], 'ok', (r) => expect(r.stdout).toBe('argv0=hostile args=2 stdin=\n')],
  [
    'non-zero exit',
    ['exit3'],
    'runtime_error',
    (r) => {
      expect(r.exitCode).toBe(3);
      expect(r.signal).toBeNull();
    },
  ],
  ['segfault', ['segv'], 'runtime_error', (r) => expect(r.signal).toBe('SIGSEGV')],
  ['busy loop', ['spin'], 'time_limit', (r) => expect(r.cpuMs).toBeGreaterThanOrEqual(700), CPU_ONLY],
  [
    'busy loops in four threads (CPU of all threads)',
    ['threads'],
    'time_limit',
    (r) => {
      expect(r.cpuMs).toBeGreaterThanOrEqual(700);
      expect(r.cpuMs).toBeLessThan(1700); // all threads counted, not one of them
      expect(r.wallMs).toBeLessThan(60_000); // ended by CPU, not by the wall clock
    },
    CPU_ONLY,
  ],
  [
    'sleep forever (wall clock)',
    ['sleep'],
    'time_limit',
    (r) => {
      expect(r.wallMs).toBeGreaterThanOrEqual(3000);
      expect(r.cpuMs).toBeLessThan(300);
    },
  ],
  ['memory bomb', ['membomb'], 'memory_limit'],
  [
    'stdout flood',
    ['flood'],
    'output_limit',
    (r) => {
      expect(r.truncated).toBe(true);
      expect(r.stdout.length).toBe(4096);
    },
  ],
  [
    'stderr flood counts against the same cap',
    ['errflood'],
    'output_limit',
    (r) => expect(r.stdout.length + r.stderr.length).toBe(4096),
  ],
  [
    'exactly the cap is not truncated',
    ['exact', '4096'],
    'ok',
    (r) => {
      expect(r.truncated).toBe(false);
      expect(r.stdout.length).toBe(4096);
    },
  ],
  [
    'fork bomb (fork is not allowed in the run profile)',
    ['forkbomb'],
    'security_violation',
    (r) => expect(r.signal).toBe('SIGSYS'),
  ],
  ['thread bomb stops at the pids limit', ['threadbomb'], 'ok', (r) => expect(r.stdout).toBe('threads=15\n')],
  [
    'disk fill: the root is read-only',
    ['diskfill'],
    'ok',
    (r) => expect(r.stdout).toContain('/fill: Read-only file system'),
  ],
  ['reading host files and /proc', ['readhost', '/work'], 'ok', (r) => expect(r.stdout).not.toContain('READ')],
  ['network connect', ['connect', 'PORT'], 'security_violation'],
  ['ptrace', ['ptrace'], 'security_violation'],
  ['kill(-1)', ['killall'], 'security_violation'],
  ['setuid(0)', ['setuid'], 'security_violation'],
  ['unshare + mount', ['unshare'], 'security_violation'],
  ['chroot escape', ['chroot'], 'security_violation'],
  ['execve of a shell', ['shell'], 'security_violation', (r) => expect(r.stdout).not.toContain('pwned')],
  ['execveat of a descriptor it holds (stdin)', ['execstdin'], 'security_violation', (r) => expect(r.stdout).toBe('')],
  ['io_uring_setup', ['io_uring'], 'security_violation'],
  ['bpf', ['bpf'], 'security_violation'],
  ['x32 system call numbers', ['x32'], 'security_violation'],
  ['clone3 answers ENOSYS', ['clone3'], 'ok', (r) => expect(r.stdout).toBe('clone3 errno=38\n')],
  ['clone with namespace flags', ['clonens'], 'security_violation'],
  ['TIOCSTI has no terminal to reach', ['tiocsti'], 'ok', (r) => expect(r.stdout).toContain('tiocsti=-1')],
  ['open files are capped', ['fds'], 'ok', (r) => expect(r.stdout).toBe('fds=61\n')],
  ['environment is clean', ['env'], 'ok', (r) => expect(r.stdout).toBe('PATH=/usr/bin:/bin\nLANG=C.UTF-8\n')],
];

const compileCases: Case[] = [
  ['normal program', ['hello'], 'ok'],
  // 64 processes' kernel memory can reach a 64 MB limit first (memory_limit, also right): give
  // this one room, so that it shows the pids limit holding and the CPU limit ending it.
  [
    'fork bomb is held by the pids limit, then the CPU limit',
    ['forkbomb'],
    'time_limit',
    (r) => expect(r.cpuMs).toBeGreaterThanOrEqual(700),
    { ...CPU_ONLY, memoryMb: 256 },
  ],
  ['thread bomb stops at the pids limit', ['threadbomb'], 'ok', (r) => expect(r.stdout).toBe('threads=63\n')],
  [
    'disk fill stops at the file size limit',
    ['diskfill'],
    'runtime_error',
    (r) => {
      expect(r.stdout).toContain('/fill: Read-only file system');
      expect(r.stdout).toContain('/tmp/fill: wrote 16777216 then File too large');
    },
  ],
  ['reading host files and /proc', ['readhost', '/root'], 'ok', (r) => expect(r.stdout).not.toContain('READ')],
  [
    'network connect reaches nothing',
    ['connect', 'PORT'],
    'ok',
    (r) => expect(r.stdout).toContain('Network is unreachable'),
  ],
  ['ptrace', ['ptrace'], 'security_violation'],
  ['kill(-1) reaches no host process', ['killall'], 'ok'],
  [
    'kill of a host process by its pid finds no such process',
    ['killpid', 'VICTIM'],
    'ok',
    (r) => {
      expect(r.stdout).toContain('No such process');
      expect(victim.exitCode).toBeNull();
      expect(victim.signalCode).toBeNull();
    },
  ],
  ['ptrace of a host process by its pid', ['ptrace', 'VICTIM'], 'security_violation'],
  ['unshare + mount', ['unshare'], 'security_violation'],
  ['chroot escape', ['chroot'], 'security_violation'],
  ['io_uring_setup', ['io_uring'], 'security_violation'],
  ['bpf', ['bpf'], 'security_violation'],
  ['x32 system call numbers', ['x32'], 'security_violation'],
  ['clone with namespace flags', ['clonens'], 'security_violation'],
  ['TIOCSTI', ['tiocsti'], 'security_violation'],
  ['memory bomb', ['membomb'], 'memory_limit'],
];

describe('run profile', () => {
  it.concurrent.each(runCases)('%s', async (_name, args, verdict, check, extra) => {
    const r = await run(
      args.map((a) => (a === 'PORT' ? String(port) : a)),
      extra,
    );
    expect(r.verdict, JSON.stringify(r).slice(0, 400)).toBe(verdict);
    check?.(r);
  });
});

describe('compile profile', () => {
  it.concurrent.each(compileCases)('%s', async (_name, args, verdict, check, extra) => {
    const r = await run(
      args.map((a) => (a === 'PORT' ? String(port) : a === 'VICTIM' ? String(victim.pid) : a)),
      { profile: 'compile', ...extra },
    );
    expect(r.verdict, JSON.stringify(r).slice(0, 400)).toBe(verdict);
    check?.(r);
  });
});

describe('after the battery', () => {
  it('no connection reached the host listener', () => expect(connections).toBe(0));

  it('a normal program still runs, with stdin passed through', async () => {
    const r = await run(['hello'], { stdin: 'नमस्ते' });
    expect(r).toMatchObject({
      verdict: 'ok',
      exitCode: 0,
      signal: null,
      stdout: 'argv0=hostile args=2 stdin=नमस्ते\n',
      truncated: false,
    });
  });

  it('refuses a dynamically linked program in the run profile, saying why', async () => {
    const r = await runSandboxed({ argv: ['/bin/true'] });
    expect(r).toMatchObject({ verdict: 'internal_error', exitCode: null, signal: null });
    expect(r.detail).toContain('not a statically linked executable');
  });

  it('leaves no cgroup, process or mount behind', async () => {
    const pids = supervisorPids();
    expect(pids.length).toBeGreaterThan(0);
    const perSupervisor = slotDirsPerSupervisor();
    for (const p of pids) expect(slotDirsOf(p).length).toBe(perSupervisor);
    await shutdownSandbox();
    for (const p of pids) {
      expect(alive(p)).toBe(false);
      expect(slotDirsOf(p)).toEqual([]);
    }
    expect(mountTable()).toBe(mountsBefore);
  });
});
