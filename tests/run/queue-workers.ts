// `sajilo worker` processes for the job queue's tests (docs/queue.md): each a child process on
// the given PostgreSQL, resolved once it takes jobs, with its log kept for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** The worker's node id (its row in sajilo_queue.node, `worker_id` of the runs it claims). */
  id: string;
  log: string[];
  exited: Promise<number | null>;
}

export async function startWorker(databaseUrl: string, slots = 2): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/sajilo.mjs'), 'worker'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SAJILO_WORKER_CONCURRENCY: String(slots),
      SAJILO_TIERING: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const id = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${log.join('')}`)), 90_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      const ready = /\[sajilo worker\] ([0-9a-f]{12}) takes jobs/.exec(log.join(''));
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before taking jobs:\n${log.join('')}`)));
  });
  return { child, id, log, exited };
}

/** SIGTERM (the worker finishes its jobs first); resolves with its exit status. */
export async function stopWorker(w: WorkerProcess): Promise<number | null> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  return w.exited;
}
