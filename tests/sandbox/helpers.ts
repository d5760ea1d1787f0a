// Shared by the sandbox tests: compiles the hostile fixture with gcc -static into a temp dir
// every sandbox uid can traverse (the sandbox runs programs as host nobody when root).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LAUNCHER } from '../../sandbox/index';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export function tempDir(prefix = 'sajilo-sbx-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(d, 0o755);
  return d;
}

export function buildHostile(dir: string): string {
  const out = path.join(dir, 'hostile');
  execFileSync('gcc', ['-static', '-O1', '-pthread', '-o', out, path.join(FIXTURES, 'hostile.c')]);
  return out;
}

// The controllers whose v1 hierarchies hold a supervisor's slot (sandbox/native/cgroup.c).
const V1_CONTROLLERS = ['memory', 'pids', 'cpuacct'];

/** Mount points of the cgroup hierarchies, with the controllers of each (empty for cgroup2). */
interface CgroupMount {
  mountPoint: string;
  version: 'v1' | 'v2';
  controllers: string[];
}

function cgroupMounts(): CgroupMount[] {
  return mountTable()
    .split('\n')
    .flatMap((line): CgroupMount[] => {
      const [before, after] = line.split(' - ');
      if (!after) return [];
      const [fsType, , superOptions = ''] = after.split(' ');
      const mountPoint = before.split(' ')[4];
      if (fsType === 'cgroup2') return [{ mountPoint, version: 'v2', controllers: [] }];
      if (fsType === 'cgroup') return [{ mountPoint, version: 'v1', controllers: superOptions.split(',') }];
      return [];
    });
}

/** What the launcher finds on this host (`sajilo-launcher doctor`: key=value lines). */
export function launcherFacts(): Record<string, string> {
  const out = execFileSync(LAUNCHER, ['doctor'], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** How many slot directories one supervisor makes on this host, as the launcher decides: one per
 *  v1 hierarchy holding memory, pids or cpuacct (fewer where they are mounted together), one
 *  on v2, none where cgroups are not usable (rlimits only). */
export function slotDirsPerSupervisor(): number {
  const facts = launcherFacts();
  if (!facts.cgroup_writable?.startsWith('1')) return 0;
  if (facts.cgroup_version === 'v2') return 1;
  const v1 = cgroupMounts().filter((m) => m.version === 'v1');
  const hierarchies = V1_CONTROLLERS.map((c) => v1.find((m) => m.controllers.includes(c))?.mountPoint);
  return new Set(hierarchies.filter((m) => m !== undefined)).size;
}

/** Slot cgroup directories of a supervisor pid, in every hierarchy a slot can be in. */
export function slotDirsOf(pid: number): string[] {
  const found = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (e.name.startsWith(`sajilo-${pid}-`)) found.add(path.join(dir, e.name));
      else walk(path.join(dir, e.name), depth + 1);
    }
  };
  const mounts = cgroupMounts().filter(
    (m) => m.version === 'v2' || m.controllers.some((c) => V1_CONTROLLERS.includes(c)),
  );
  for (const m of mounts) walk(m.mountPoint, 0);
  return [...found];
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function mountTable(): string {
  return readFileSync('/proc/self/mountinfo', 'utf8');
}
