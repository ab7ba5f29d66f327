import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { runTask, type TaskResult, type VerifyTask } from './verify-tasks';

/** Runs verify's independent pieces: on worker threads when it can, else one by one on this thread. */
export interface TaskRunner {
  readonly threads: number;
  run(task: VerifyTask): Promise<TaskResult>;
  close(): Promise<void>;
}

/**
 * On this thread, one piece per turn of the event loop (a host keeps answering requests in between).
 * Used where no worker can be started: the sources under test, or an in-memory database.
 */
export function inThreadRunner(db: Database.Database, pause: () => Promise<void>): TaskRunner {
  let queue = Promise.resolve();
  return {
    threads: 1,
    run(task) {
      const result = queue.then(async () => {
        await pause();
        return runTask(db, task);
      });
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: async () => {},
  };
}

/**
 * The built worker (out/main/verify-worker.js, an entry of electron.vite.config.ts) beside this bundle.
 * Running from the TypeScript sources (tests) there is none: verify then runs on the calling thread.
 */
export function verifyWorkerFile(): string | null {
  const file = join(__dirname, 'verify-worker.js');
  return existsSync(file) ? file : null;
}

interface Job {
  task: VerifyTask;
  resolve: (r: TaskResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Worker threads, each with its own read-only connection to `dataFile`, taking pieces as they finish
 * the last (so a slow piece does not hold the others). The machine's cores, at most `max`. A worker
 * that cannot start or dies (e.g. an Electron build that cannot load the worker from its archive) hands
 * its piece, and the rest, to `fallback`: verify is slower then, never wrong or stuck.
 */
export function workerRunner(dataFile: string, fallback: TaskRunner, max = 2): TaskRunner | null {
  const file = verifyWorkerFile();
  const threads = Math.min(max, availableParallelism());
  // One core: a worker would only take turns with this thread.
  if (!file || availableParallelism() < 2 || !existsSync(dataFile)) return null;
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let alive = 0;

  const toFallback = (job: Job) => fallback.run(job.task).then(job.resolve, job.reject);
  const dispatch = () => {
    if (alive === 0) for (const job of queue.splice(0)) void toFallback(job);
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job);
      w.postMessage(job.task);
    }
  };
  const lose = (w: Worker) => {
    const job = busy.get(w);
    busy.delete(w);
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
    alive--;
    if (job) void toFallback(job);
    dispatch();
  };
  const workers: Worker[] = [];
  for (let i = 0; i < threads; i++) {
    let w: Worker;
    try {
      w = new Worker(file, {
        workerData: { dataFile },
        // A piece allocates small, short-lived things (a row, its bytes, a digest): a small young generation
        // keeps each thread's memory low (measured at 610k entries: peak RSS 240 MB with V8's default, 174 MB
        // with 2 MB, at the same CPU time), so verify stays within its 200 MB with two threads.
        resourceLimits: { maxYoungGenerationSizeMb: 2 },
      });
    } catch {
      continue; // no threads here: the pieces go to `fallback`
    }
    alive++;
    workers.push(w);
    idle.push(w);
    w.on('message', (m: { result?: TaskResult; error?: string }) => {
      const job = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      if (m.result) job.resolve(m.result);
      else job.reject(new Error(m.error));
      dispatch();
    });
    w.once('error', () => lose(w));
    w.once('exit', () => {
      if (workers.includes(w) && (busy.has(w) || idle.includes(w))) lose(w);
    });
  }
  if (alive === 0) return null;
  return {
    threads,
    run: (task) =>
      new Promise<TaskResult>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      }),
    async close() {
      const all = workers.splice(0);
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
