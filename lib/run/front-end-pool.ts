// The compiler front end and C generator off the server's event loop: a pool of worker
// threads (as many as the machine has cores, and one more kept for small sources), one job per
// thread at a time, the shortest source first, each job with a
// CPU-time budget. A job that spends its budget, or runs its thread out of memory, has its
// thread ended (a new one takes its place) and answers one diagnostic, "program too large or
// complex to analyse", instead of stalling anything else.
//
// Our own small pool rather than a library: the budget is CPU time of the one thread running
// the job, read from /proc/self/task/<tid>/stat, which needs the kernel thread id of each
// worker; pools such as piscina hide which thread runs a task. Wall time is only a backstop
// (a busy machine slows a job without it costing more).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { programTooComplex, type CheckSummary } from '@/lib/compiler';
import { REPO_ROOT } from '@/lib/compiler/driver/paths';
import type { Translation, Translator } from '@/lib/compiler/translate';
import { config } from '@/lib/config';
import { runFrontEndJob, type FrontEndAnswer, type FrontEndJob } from './front-end-jobs';

/** Loaded by path from the repository, never bundled (see the file's header): the comments
 *  keep Next's bundler from following the path into tsx and esbuild's native binary. */
const THREAD_ENTRY = path.join(/* turbopackIgnore: true */ REPO_ROOT, 'lib/run/front-end-thread.mjs');
/** How often running jobs' CPU time is read. */
const WATCH_INTERVAL_MS = 20;
/** /proc reports CPU time in USER_HZ ticks, 100 per second on every Linux architecture. */
const MS_PER_TICK = 10;
/**
 * Sources up to this many characters may also use the pool's one extra "express" thread, which
 * larger ones never get: a learner's program (almost always a few KiB) is never queued behind
 * 64 KiB programs that take every other thread.
 */
const EXPRESS_MAX_SOURCE_CHARS = 8 * 1024;
/** A job waiting longer than this goes first, whatever its size (see takeNextJob). */
const MAX_WAIT_BEFORE_FIRST_MS = 2000;
/** A job still running after this many times its CPU budget in wall time is ended too. */
const WALL_BACKSTOP_FACTOR = 20;

export interface FrontEndPoolOptions {
  threads: number; // worker threads (started when first needed)
  cpuBudgetMs: number; // CPU time one job may use
  memoryMb: number; // V8 heap limit of one thread
  inProcess: boolean; // no threads: jobs run on the caller's thread, unbudgeted (benchmarks only)
}

interface Job {
  id: number;
  queuedAt: number;
  job: FrontEndJob;
  resolve: (answer: FrontEndAnswer | null) => void; // null: the budget ran out
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  express: boolean; // takes only sources up to EXPRESS_MAX_SOURCE_CHARS
  tid: number | null;
  ready: boolean;
  current: { job: Job; cpuAtStart: number; startedAt: number } | null;
}

export function defaultPoolOptions(): FrontEndPoolOptions {
  const settings = config();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    threads: settings.SAJILO_FRONTEND_THREADS || Math.max(1, cores),
    cpuBudgetMs: settings.SAJILO_FRONTEND_CPU_MS,
    memoryMb: settings.SAJILO_FRONTEND_MEMORY_MB,
    inProcess: settings.SAJILO_FRONTEND_IN_PROCESS === '1',
  };
}

/** CPU time (user + system) a thread of this process has used, in ms; null if unreadable. */
function threadCpuMs(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The thread's name (field 2) is in parentheses and may hold spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK; // utime, stime
  } catch {
    return null;
  }
}

export class FrontEndPool {
  private readonly options: FrontEndPoolOptions;
  private readonly threads: Thread[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private watch: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  /** Jobs ended for their budget since the pool started (for tests and logs). */
  budgetExceeded = 0;

  constructor(options: Partial<FrontEndPoolOptions> = {}) {
    this.options = { ...defaultPoolOptions(), ...options };
  }

  /** Diagnostics only (POST /api/check). */
  async check(source: string): Promise<CheckSummary> {
    const answer = await this.submit({ kind: 'check', source });
    return answer ? (answer as CheckSummary) : { diagnostics: [programTooComplex()], omittedDiagnostics: 0 };
  }

  /** For buildExecutable: the front end and the C generator in a worker thread. */
  readonly translate: Translator = async (source, options) => {
    const answer = await this.submit({ kind: 'translate', source, options });
    return answer ? (answer as Translation) : { c: null, diagnostics: [programTooComplex()], omittedDiagnostics: 0 };
  };

  get stats() {
    return {
      ...this.options,
      started: this.threads.filter((t) => !t.express).length,
      busy: this.threads.filter((t) => t.current).length,
      queued: this.waiting.length,
    };
  }

  /** Ends every thread; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the front-end pool is closed'));
    this.stopWatching();
    await Promise.all(this.threads.splice(0).map((t) => t.worker.terminate()));
  }

  private submit(job: FrontEndJob): Promise<FrontEndAnswer | null> {
    if (this.closed) return Promise.reject(new Error('the front-end pool is closed'));
    if (this.options.inProcess) return Promise.resolve(runFrontEndJob(job));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, queuedAt: performance.now(), job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const idle = this.threads.find((t) => t.ready && !t.current && !t.express);
      if (idle) {
        this.start(idle, this.takeNextJob());
        continue;
      }
      const express = this.threads.find((t) => t.ready && !t.current && t.express);
      const small = this.waiting.findIndex((j) => j.job.source.length <= EXPRESS_MAX_SOURCE_CHARS);
      if (express && small >= 0) {
        this.start(express, this.waiting.splice(small, 1)[0]);
        continue;
      }
      this.startThreadsForWaitingJobs();
      return;
    }
  }

  private start(thread: Thread, job: Job): void {
    thread.current = {
      job,
      cpuAtStart: thread.tid === null ? 0 : (threadCpuMs(thread.tid) ?? 0),
      startedAt: performance.now(),
    };
    thread.worker.postMessage({ id: job.id, job: job.job });
    this.startWatching();
  }

  /** Starts threads for the jobs that threads already starting will not take, while there is
   *  room, and the express thread with the first. */
  private startThreadsForWaitingJobs(): void {
    const general = this.threads.filter((t) => !t.express);
    const starting = general.filter((t) => !t.ready).length;
    const wanted = Math.min(this.waiting.length - starting, this.options.threads - general.length);
    for (let i = 0; i < wanted; i++) this.startThread(false);
    if (!this.threads.some((t) => t.express)) this.startThread(true);
  }

  /**
   * The shortest source first: the front end's cost grows with the source, so a hello world
   * is not kept waiting behind a queue of 64 KiB programs. A job that has waited long goes
   * first whatever its size, so a steady stream of small ones cannot starve a large one.
   */
  private takeNextJob(): Job {
    // `waiting` is in arrival order: its first job is the one that has waited longest.
    if (performance.now() - this.waiting[0].queuedAt > MAX_WAIT_BEFORE_FIRST_MS) return this.waiting.shift()!;
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      if (this.waiting[i].job.source.length < this.waiting[best].job.source.length) best = i;
    }
    return this.waiting.splice(best, 1)[0];
  }

  private startThread(express: boolean): void {
    const worker = new Worker(/* turbopackIgnore: true */ /* webpackIgnore: true */ THREAD_ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      stdout: false,
      stderr: false,
    });
    worker.unref(); // an idle pool never keeps the process alive
    const thread: Thread = { worker, express, tid: null, ready: false, current: null };
    this.threads.push(thread);
    worker.on(
      'message',
      (message: { ready?: boolean; tid?: number | null; id?: number; answer?: FrontEndAnswer; error?: string }) => {
        if (message.ready) {
          thread.ready = true;
          thread.tid = message.tid ?? null;
          this.dispatch();
          return;
        }
        const running = thread.current;
        if (!running || running.job.id !== message.id) return;
        thread.current = null;
        if (message.error !== undefined) running.job.reject(new Error(`front-end thread: ${message.error}`));
        else running.job.resolve(message.answer!);
        this.dispatch();
      },
    );
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash: the job gets the budget diagnostic
    // when it was memory, an error otherwise; either way the thread is replaced.
    worker.on('error', (error: Error & { code?: string }) => {
      const running = thread.current;
      thread.current = null;
      this.retire(thread, error);
      if (!running) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.budgetExceeded++;
        running.job.resolve(null);
      } else {
        running.job.reject(error);
      }
    });
    worker.on('exit', (code) => {
      const running = thread.current;
      thread.current = null;
      this.retire(thread, new Error(`the front-end thread exited (${code})`));
      running?.job.reject(new Error('the front-end thread exited'));
    });
  }

  /**
   * Takes a thread that is ending out of the pool at once (no job goes to it), and lets the
   * queue start a replacement. A thread that ends before it was ready could not load the
   * compiler: the waiting jobs fail with its error rather than restart threads in a loop.
   */
  private retire(thread: Thread, failure?: Error): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    if (!thread.ready && failure) {
      console.error(`[run] a front-end thread failed to start: ${failure.message}`);
      for (const job of this.waiting.splice(0)) job.reject(failure);
      return;
    }
    if (!this.closed) this.dispatch();
  }

  private startWatching(): void {
    if (this.watch) return;
    this.watch = setInterval(() => this.enforceBudgets(), WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  private stopWatching(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }

  private enforceBudgets(): void {
    const now = performance.now();
    let busy = 0;
    for (const thread of [...this.threads]) {
      // retire() removes from the list
      const running = thread.current;
      if (!running) continue;
      busy++;
      const cpu = thread.tid === null ? null : threadCpuMs(thread.tid);
      const spent = cpu === null ? now - running.startedAt : cpu - running.cpuAtStart;
      const overBudget =
        spent > this.options.cpuBudgetMs || now - running.startedAt > this.options.cpuBudgetMs * WALL_BACKSTOP_FACTOR;
      if (!overBudget) continue;
      thread.current = null;
      this.budgetExceeded++;
      console.warn(
        `[run] a front-end job was ended after ${Math.round(spent)} ms (${running.job.job.source.length} characters of source)`,
      );
      running.job.resolve(null);
      this.retire(thread);
      void thread.worker.terminate();
    }
    if (busy === 0) this.stopWatching();
  }
}
