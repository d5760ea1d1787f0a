// Shared by the compiler's end-to-end tests: which compile paths this machine has, and
// compile-then-run of one program on one path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExecutable, type PathKind } from '../../../lib/compiler/build';
import { loadRuntimeLibs } from '../../../lib/compiler/driver/runtime-libs';
import { availableToolchains } from '../../../lib/compiler/driver/toolchain';

// Each test file starts from an empty compile cache of its own, removed by removeTestCache.
const ownCache = process.env.SAJILO_CACHE_DIR ? null : mkdtempSync(path.join(tmpdir(), 'sajilo-test-cache-'));
if (ownCache) process.env.SAJILO_CACHE_DIR = ownCache;

export function removeTestCache(): void {
  if (ownCache) rmSync(ownCache, { recursive: true, force: true });
}

export function compilePaths(): PathKind[] {
  return availableToolchains(loadRuntimeLibs()).map((t) => t.kind);
}

export interface RunOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

export async function compileAndRun(
  source: string,
  compilePath: PathKind,
  stdin = '',
  options: { latinDigits?: boolean; optimise?: boolean } = {},
): Promise<RunOutcome> {
  const built = await buildExecutable(source, { compilePath, ...options });
  if (!built.ok || !built.executable) {
    throw new Error(
      `compile failed: ${JSON.stringify(built.diagnostics.map((d) => `${d.line}:${d.column} ${d.messageEn}`))}`,
    );
  }
  const r = spawnSync(built.executable, { input: stdin, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
