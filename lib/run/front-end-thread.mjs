// Entry of a front-end worker thread (front-end-pool.ts). Plain JavaScript, loaded by path and
// never bundled, so it works the same under vitest, tsx and `next start`: it loads the
// compiler's TypeScript through tsx, tells the pool its kernel thread id (the pool reads that
// thread's CPU time from /proc to enforce the budget), then answers jobs one at a time.
import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runFrontEndJob } = await tsImport('./front-end-jobs.ts', import.meta.url);

// A synchronous read runs on the calling thread, so /proc/thread-self is this thread's entry
// ("<pid>/task/<tid>"). Null where there is no /proc: the pool then falls back to wall time.
function kernelThreadId() {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || null;
  } catch {
    return null;
  }
}

parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, answer: runFrontEndJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true, tid: kernelThreadId() });
