// A lock file beside a PGlite data directory. PGlite gives no error when a second process
// opens the same directory — it hangs, or worse — so we refuse with a clear message instead.
// A lock left by a process that died (SIGKILL, power loss) is detected by its pid and taken.
import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export interface DirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, '..', `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx'); // fails if it exists: atomic
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {}
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(`the database ${dir} is in use by process ${pid}; only one process may open it`);
      }
      // Stale (its process is gone), or our own from an earlier open that was never closed.
      if (pid === process.pid) {
        throw new Error(`the database ${dir} is already open in this process`);
      }
      try {
        unlinkSync(file);
      } catch {}
    }
  }
  throw new Error(`could not lock ${dir}`);
}
