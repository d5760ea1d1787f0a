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

/** Whether the sandbox says it can isolate programs on this host (its own check). */
async function usable(mod: SandboxModule): Promise<boolean> {
  const m = mod as unknown as Record<string, unknown>;
  const probe = m.sandboxAvailable ?? m.isAvailable;
  if (typeof probe === 'function') return Boolean(await probe());
  // No availability probe exported: a trial run of a harmless program tells.
  const r = await mod.runSandboxed({ argv: ['/bin/true'], profile: 'compile', wallMs: 5000 });
  return r.verdict === 'ok';
}

export async function loadSandbox(): Promise<{ bridge: SandboxBridge | null; reason: string }> {
  const file = path.join(REPO_ROOT, 'sandbox/index.ts');
  if (!existsSync(file)) return { bridge: null, reason: 'sandbox/index.ts not found' };
  let mod: SandboxModule;
  try {
    mod = await import('../../../sandbox/index');
    if (!(await usable(mod))) return { bridge: null, reason: 'the sandbox reports it is unavailable on this host' };
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
