import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Runs independent pieces of a long read (verify's slices of the chain, a big export's slices of the
 * log): on worker threads when it can, else one by one on this thread.
 */
export interface TaskRunner<T, R> {
  readonly threads: number;
  run(task: T): Promise<R>;
  close(): Promise<void>;
}

/**
 * On this thread, one piece per turn of the event loop (a host keeps answering requests in between).
 * Used where no worker can be started: the sources under test, an in-memory database, PostgreSQL.
 */
export function inThreadRunner<T, R>(work: (task: T) => R | Promise<R>, pause: () => Promise<void>): TaskRunner<T, R> {
  let queue = Promise.resolve();
  return {
    threads: 1,
    run(task) {
      const result = queue.then(async () => {
        await pause();
        return work(task);
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
 * A built worker (an entry of electron.vite.config.ts, `<dir>/<name>.js`; `dir` is the host's wiring.workers).
 * Without one the work runs on the calling thread.
 */
export function builtWorkerFile(name: string, dir: string | undefined): string | null {
  const file = dir ? join(dir, `${name}.js`) : null;
  return file && existsSync(file) ? file : null;
}

interface Job<T, R> {
  task: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export interface WorkerOptions {
  /** Where the built workers are (CoreWiring.workers). */
  dir: string | undefined;
  /** What each thread is started with (e.g. the database file it opens read-only). */
  workerData: unknown;
  /** At most this many threads (and never more than the machine's cores). */
  max?: number;
  resourceLimits?: ResourceLimits;
}

/**
 * Worker threads running the built worker `name`, each taking pieces as it finishes the last (so a slow
 * piece does not hold the others). A worker answers each task with `{ result }` or `{ error }`. One that
 * cannot start or dies (e.g. an Electron build that cannot load the worker from its archive) hands its
 * piece, and the rest, to `fallback`: the work is slower then, never wrong or stuck.
 */
export function workerRunner<T, R>(
  name: string,
  opts: WorkerOptions,
  fallback: TaskRunner<T, R>,
): TaskRunner<T, R> | null {
  const file = builtWorkerFile(name, opts.dir);
  const threads = Math.min(opts.max ?? 2, availableParallelism());
  // One core: a worker would only take turns with this thread.
  if (!file || availableParallelism() < 2) return null;
  const queue: Job<T, R>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<T, R>>();
  let alive = 0;

  const toFallback = (job: Job<T, R>) => fallback.run(job.task).then(job.resolve, job.reject);
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
      w = new Worker(file, { workerData: opts.workerData, resourceLimits: opts.resourceLimits });
    } catch {
      continue; // no threads here: the pieces go to `fallback`
    }
    alive++;
    workers.push(w);
    idle.push(w);
    w.on('message', (m: { result?: R; error?: string }) => {
      const job = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      if ('result' in m) job.resolve(m.result as R);
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
      new Promise<R>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      }),
    async close() {
      const all = workers.splice(0);
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/**
 * Readers of a database file: `name`'s threads, each opening `dataFile` read-only (the worker is given
 * `{ dataFile }`), or `local` where there is no file to open or no thread to start.
 */
export function fileReaders<T, R>(
  name: string,
  dataFile: string | null | undefined,
  local: TaskRunner<T, R>,
  opts: Omit<WorkerOptions, 'workerData'>,
): TaskRunner<T, R> {
  if (!dataFile || !existsSync(dataFile)) return local;
  return workerRunner(name, { ...opts, workerData: { dataFile } }, local) ?? local;
}
