// The default CompilerRunner: runs the C compiler directly on the host, with a time limit.
// The server passes its own runner that puts the compiler inside the sandbox instead.
import { spawn } from 'node:child_process';

export interface CompilerJob { argv: string[]; workDir: string; readOnlyPaths: string[] }
export type CompilerRunner = (job: CompilerJob) => Promise<{ ok: boolean; stderr: string }>;

const COMPILE_TIMEOUT_MS = 60_000;
const MAX_STDERR = 64 * 1024;

export const runCompilerLocally: CompilerRunner = (job) => new Promise((resolve) => {
  const child = spawn(job.argv[0], job.argv.slice(1), {
    cwd: job.workDir, stdio: ['ignore', 'ignore', 'pipe'], timeout: COMPILE_TIMEOUT_MS,
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { if (stderr.length < MAX_STDERR) stderr += d.toString('utf8'); });
  child.on('error', (err) => resolve({ ok: false, stderr: String(err) }));
  child.on('close', (code, signal) => {
    // A timeout (signal) is a failure like any other, and failures are never cached.
    resolve({ ok: code === 0 && signal === null, stderr: signal ? `${stderr}\nkilled by ${signal}` : stderr });
  });
});
