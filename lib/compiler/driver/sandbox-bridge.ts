// The CLI's link to the project's sandbox (sandbox/index.ts), loaded only when present so the
// compiler works without it. Adapts runSandboxed to the build's CompilerRunner hook.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import type { CompilerRunner } from './local-runner';

type SandboxModule = typeof import('../../../sandbox/index');

export interface SandboxBridge {
  module: SandboxModule;
  compileRunner: CompilerRunner;
}

const COMPILE_LIMITS = { cpuMs: 30_000, wallMs: 60_000, memoryMb: 1024, pids: 32, outputBytes: 256 * 1024 };

/** Whether the sandbox can isolate programs on this host, by its own probe. */
async function usable(mod: SandboxModule): Promise<true | string> {
  const info = await mod.probeSlot();
  return typeof info === 'string' ? info : true;
}

export async function loadSandbox(): Promise<{ bridge: SandboxBridge | null; reason: string }> {
  const file = path.join(REPO_ROOT, 'sandbox/index.ts');
  if (!existsSync(file)) return { bridge: null, reason: 'sandbox/index.ts not found' };
  let mod: SandboxModule;
  try {
    mod = await import('../../../sandbox/index');
    const ok = await usable(mod);
    if (ok !== true) return { bridge: null, reason: `the sandbox is unavailable on this host: ${ok}` };
  } catch (err) {
    return { bridge: null, reason: `the sandbox failed to load: ${(err as Error).message}` };
  }
  const compileRunner: CompilerRunner = async (job) => {
    const r = await mod.runSandboxed({
      profile: 'compile', argv: job.argv, workDir: job.workDir, readOnlyPaths: job.readOnlyPaths,
      env: { PATH: '/usr/bin:/bin', TMPDIR: job.workDir }, ...COMPILE_LIMITS,
    });
    return { ok: r.verdict === 'ok' && r.exitCode === 0, stderr: r.stderr || `${r.verdict}${r.detail ? `: ${r.detail}` : ''}` };
  };
  return { bridge: { module: mod, compileRunner }, reason: 'sandbox in use' };
}
