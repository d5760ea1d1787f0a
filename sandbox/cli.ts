// `sajilo-sandbox` command (contract: docs/sandbox.md; bin/sajilo-sandbox.mjs runs its bundle or this file):
//   sajilo-sandbox run [options] -- PROGRAM [ARG...]   prints one JSON object (SandboxResult keys)
//     --profile run|compile --cpu-ms N --wall-ms N --memory-mb N --pids N --output-bytes N
//     compile profile also: --work-dir DIR --read-only PATH (repeatable) --env K=V (repeatable)
//     The tool's stdin is passed to the program (read to its end first; a terminal gives none).
//     Exit status: 0 verdict ok, 1 any other verdict of the program, 2 internal_error or usage.
//   sajilo-sandbox doctor [--json]   which protections are active on this host, what is degraded
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LAUNCHER, probeSlot, runSandboxed, shutdownSandbox, type SandboxOptions } from './index';

const KEYS = ['verdict', 'exitCode', 'signal', 'cpuMs', 'wallMs', 'memoryKb', 'stdout', 'stderr', 'truncated'] as const;

function usage(msg: string): never {
  process.stderr.write(
    `sajilo-sandbox: ${msg}\nusage: sajilo-sandbox run [--profile run|compile] [--cpu-ms N] [--wall-ms N] [--memory-mb N] [--pids N] [--output-bytes N] [--work-dir DIR] [--read-only PATH] [--env K=V] -- PROGRAM [ARG...]\n       sajilo-sandbox doctor [--json]\n`,
  );
  process.exit(2);
}

function parseRun(args: string[]): SandboxOptions {
  const o: SandboxOptions = { argv: [] };
  const int = (flag: string, v: string | undefined) => {
    if (v === undefined || !/^[1-9][0-9]*$/.test(v)) usage(`${flag} needs a positive integer`);
    return Number(v);
  };
  let i = 0;
  for (; i < args.length && args[i] !== '--'; i++) {
    const a = args[i];
    const v = args[i + 1];
    switch (a) {
      case '--profile':
        if (v !== 'run' && v !== 'compile') usage('--profile is run or compile');
        o.profile = v;
        i++;
        break;
      case '--cpu-ms':
        o.cpuMs = int(a, v);
        i++;
        break;
      case '--wall-ms':
        o.wallMs = int(a, v);
        i++;
        break;
      case '--memory-mb':
        o.memoryMb = int(a, v);
        i++;
        break;
      case '--pids':
        o.pids = int(a, v);
        i++;
        break;
      case '--output-bytes':
        o.outputBytes = int(a, v);
        i++;
        break;
      case '--work-dir':
        if (!v) usage('--work-dir needs a directory');
        o.workDir = v;
        i++;
        break;
      case '--read-only':
        if (!v) usage('--read-only needs a path');
        (o.readOnlyPaths ??= []).push(v);
        i++;
        break;
      case '--env': {
        const eq = v?.indexOf('=') ?? -1;
        if (!v || eq <= 0) usage('--env needs K=V');
        (o.env ??= {})[v.slice(0, eq)] = v.slice(eq + 1);
        i++;
        break;
      }
      default:
        usage(`unknown option ${a}`);
    }
  }
  o.argv = args.slice(i + 1);
  if (i >= args.length || o.argv.length === 0) usage('missing -- PROGRAM');
  return o;
}

async function run(args: string[]) {
  const o = parseRun(args);
  try {
    o.stdin = process.stdin.isTTY ? '' : readFileSync(0);
  } catch {
    o.stdin = '';
  } // closed stdin: none
  const r = await runSandboxed(o);
  const out: Record<string, unknown> = {};
  for (const k of KEYS) out[k] = r[k];
  process.stdout.write(`${JSON.stringify(out)}\n`);
  if (r.verdict === 'internal_error' && r.detail) process.stderr.write(`sajilo-sandbox: ${r.detail}\n`);
  await shutdownSandbox();
  process.exit(r.verdict === 'ok' ? 0 : r.verdict === 'internal_error' ? 2 : 1);
}

interface Check {
  name: string;
  status: 'active' | 'degraded' | 'missing';
  detail: string;
}

async function doctor(json: boolean) {
  const facts: Record<string, string> = {};
  const d = spawnSync(LAUNCHER, ['doctor'], { encoding: 'utf8' });
  for (const line of (d.stdout ?? '').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) facts[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const checks: Check[] = [];
  const add = (name: string, ok: boolean | 'degraded', detail: string) =>
    checks.push({ name, status: ok === true ? 'active' : ok === 'degraded' ? 'degraded' : 'missing', detail });
  add('launcher', d.status === 0, d.status === 0 ? LAUNCHER : `cannot run ${LAUNCHER} (npm run setup builds it)`);
  add(
    'namespaces',
    facts.namespaces === '1',
    'user, pid, mount, network, ipc, uts, cgroup' + (facts.namespaces === '1' ? '' : `: ${facts.namespaces ?? '?'}`),
  );
  add('seccomp', facts.seccomp === '1', 'run: allowlist (kill on anything else); compile: denylist');
  const slot = await probeSlot();
  const started = typeof slot !== 'string';
  add('supervisor', started, started ? `started as ${slot.root ? 'root' : 'an unprivileged user'}` : slot);
  const cg = facts.cgroup_writable?.startsWith('1');
  add(
    'cgroups',
    cg ? true : 'degraded',
    cg
      ? `${facts.cgroup_version}: memory, pids, CPU of all threads; pre-attached slots (no attach on the run path)`
      : `${facts.cgroup_version ?? 'none'} not writable (${facts.cgroup_writable?.slice(2) ?? '?'}): limits fall back to rlimits (RLIMIT_AS, RLIMIT_NPROC, RLIMIT_CPU per process)`,
  );
  if (cg)
    add(
      'swap accounting',
      facts.cgroup_swap_accounting === '1' ? true : 'degraded',
      facts.cgroup_swap_accounting === '1'
        ? 'memory limit includes swap (memory.memsw / memory.swap.max)'
        : 'memory.memsw.* absent (kernel without swap accounting): swap is not counted against the memory limit',
    );
  if (started) {
    // What a compiler gets: callers that compile only in the sandbox (Sajilo's server) refuse to
    // compile while this is missing.
    const probe = await runSandboxed({ profile: 'compile', argv: ['/bin/true'] });
    const works = probe.verdict === 'ok' && probe.exitCode === 0;
    add(
      'compile profile',
      works,
      works
        ? 'runs /bin/true with the host toolchain directories read-only'
        : `unavailable (${probe.detail ?? probe.verdict}): callers that compile only in the sandbox refuse to compile`,
    );
  }
  if (started)
    add(
      'network',
      true,
      slot.netns === 'pre'
        ? 'run profile: pre-made empty user, mount and network namespaces per supervisor; compile: fresh ones per run (loopback down)'
        : 'fresh empty user, mount and network namespaces per run (loopback down; pre-made ones could not be built)',
    );
  add(
    'terminal injection',
    true,
    `setsid and no terminal handed to programs (legacy_tiocsti=${facts.legacy_tiocsti}); TIOCSTI killed by seccomp in compile`,
  );
  await shutdownSandbox();
  if (json) process.stdout.write(`${JSON.stringify({ facts, checks }, null, 2)}\n`);
  else for (const c of checks) process.stdout.write(`${c.status.padEnd(8)} ${c.name.padEnd(18)} ${c.detail}\n`);
  process.exit(checks.some((c) => c.status === 'missing') ? 1 : 0);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'run') await run(rest);
else if (cmd === 'doctor') await doctor(rest.includes('--json'));
else usage(cmd ? `unknown command ${cmd}` : 'missing command');
