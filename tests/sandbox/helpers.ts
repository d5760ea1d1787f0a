// Shared by the sandbox tests: compiles the hostile fixture with gcc -static into a temp dir
// every sandbox uid can traverse (the sandbox runs programs as host nobody when root).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

/** Slot cgroup directories of a supervisor pid, across the v1 hierarchies. */
export function slotDirsOf(pid: number): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (e.name.startsWith(`sajilo-${pid}-`)) found.push(path.join(dir, e.name));
      else walk(path.join(dir, e.name), depth + 1);
    }
  };
  for (const c of ['memory', 'pids', 'cpuacct']) walk(`/sys/fs/cgroup/${c}`, 0);
  return found;
}

export function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

export function mountTable(): string {
  return readFileSync('/proc/self/mountinfo', 'utf8');
}
