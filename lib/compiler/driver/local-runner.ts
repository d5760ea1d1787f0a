// The default CompilerRunner: runs the C compiler directly on the host, with a time limit.
// The server and `sajilo run` pass the runner lib/run/compile-runner.ts chooses instead (the
// compiler inside the sandbox; this one only where compiling on the host is allowed).
import { spawn } from 'node:child_process';
import { COMPILE_LIMITS } from '../../run/limits';

export interface CompilerJob {
  argv: string[];
  workDir: string;
  readOnlyPaths: string[];
}
export type CompilerRunner = (job: CompilerJob) => Promise<{ ok: boolean; stderr: string }>;

export const runCompilerLocally: CompilerRunner = (job) =>
  new Promise((resolve) => {
    const child = spawn(job.argv[0], job.argv.slice(1), {
      cwd: job.workDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: COMPILE_LIMITS.wallMs,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < COMPILE_LIMITS.outputBytes) stderr += d.toString('utf8');
    });
    child.on('error', (err) => resolve({ ok: false, stderr: String(err) }));
    child.on('close', (code, signal) => {
      // A timeout (signal) is a failure like any other, and failures are never cached.
      resolve({ ok: code === 0 && signal === null, stderr: signal ? `${stderr}\nkilled by ${signal}` : stderr });
    });
  });
