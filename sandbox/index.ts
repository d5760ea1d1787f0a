// Sandbox API (docs/interfaces.md). Runs any executable under the native launcher.
export * from './types';
import type { SandboxOptions, SandboxResult } from './types';

export async function runSandboxed(options: SandboxOptions): Promise<SandboxResult> {
  void options;
  return {
    verdict: 'internal_error', exitCode: null, signal: null, cpuMs: 0, wallMs: 0, memoryKb: 0,
    stdout: '', stderr: '', truncated: false, detail: 'launcher not built yet',
  };
}
