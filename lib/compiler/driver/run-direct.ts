// Runs an executable directly on the host (sajilo run --no-sandbox, or no sandbox here),
// with rlimits so a runaway program cannot take the machine: CPU seconds, address space,
// file size, processes, no core dumps. stdin, stdout and stderr are the caller's own.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { DIRECT_RUN_LIMITS } from '../../run/limits';
import { findOnPath } from './detect';

function limitedArgv(exe: string, args: string[]): string[] {
  const L = DIRECT_RUN_LIMITS;
  const prlimit = findOnPath('prlimit');
  if (prlimit) {
    return [
      prlimit,
      `--cpu=${L.cpuSeconds}`,
      `--as=${L.addressSpaceBytes}`,
      `--fsize=${L.fileBytes}`,
      `--nproc=${L.processes}`,
      '--core=0',
      '--',
      exe,
      ...args,
    ];
  }
  // POSIX sh: one limit per ulimit call (dash takes no more); the program path is "$0".
  const script =
    `ulimit -t ${L.cpuSeconds}; ulimit -v ${L.addressSpaceBytes / 1024}; ` +
    `ulimit -f ${L.fileBytes / 512}; ulimit -c 0; exec "$0" "$@"`;
  return ['/bin/sh', '-c', script, exe, ...args];
}

/** Runs with inherited stdio; resolves to the exit status (128 + signal number when killed). */
export function runDirect(exe: string, args: string[] = []): Promise<{ status: number; signal: string | null }> {
  const argv = limitedArgv(exe, args);
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal) resolve({ status: 128 + (signalNumber(signal) ?? 0), signal });
      else resolve({ status: code ?? 1, signal: null });
    });
  });
}

function signalNumber(name: string): number | undefined {
  return (constants.signals as Record<string, number>)[name];
}
