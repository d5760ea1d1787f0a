// A sandbox supervisor listening on two FIFOs, for `sajilo-launcher client`: the launcher's own
// small native client, which hands one request to the running supervisor and prints the
// program's output (process spawn + full sandboxed run). Used by the sandbox and CLI benchmarks.
import { execFileSync, spawn } from 'node:child_process';
import { openSync, readSync } from 'node:fs';
import path from 'node:path';
import { LAUNCHER, LIMIT_WIRE_KEYS, SANDBOX_DEFAULT_LIMITS, type SandboxLimits } from '../sandbox/index';

/** Starts the supervisor in DIR; `command(program)` is the client's command line for hyperfine. */
export function startFifoSupervisor(dir: string): { command: (program: string) => string; stop: () => void } {
  // We hold a writer of req and a reader of resp, so clients come and go without EOF; the
  // supervisor holds only its own ends, so it sees EOF (and cleans up) when we exit.
  const req = path.join(dir, 'req.fifo');
  const resp = path.join(dir, 'resp.fifo');
  execFileSync('mkfifo', [req, resp]);
  openSync(req, 'r+');
  const holdResp = openSync(resp, 'r+');
  const reqFd = openSync(req, 'r');
  const respFd = openSync(resp, 'w');
  const sup = spawn(LAUNCHER, ['serve'], { stdio: [reqFd, respFd, 'inherit'] });
  // Consume the supervisor's READY line, so that clients see only replies.
  const b = Buffer.alloc(1);
  let line = '';
  while (!line.endsWith('\n') && readSync(holdResp, b) === 1) line += b.toString();
  if (!line.startsWith('READY')) throw new Error(`supervisor: ${line}`);
  const limits = Object.entries(LIMIT_WIRE_KEYS)
    .map(([k, wire]) => `${wire}=${SANDBOX_DEFAULT_LIMITS.run[k as keyof SandboxLimits]}`)
    .join(' ');
  return { command: (program) => `${LAUNCHER} client ${req} ${resp} ${limits} -- ${program}`, stop: () => sup.kill() };
}
