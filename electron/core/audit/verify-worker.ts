import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from '../db/open';
import { runTask, type VerifyTask } from './verify-tasks';

/**
 * A verify worker thread (built to out/main/verify-worker.js for every host: CLI, web host, Electron's
 * utility process). Its own read-only connection to the file; answers each piece of work it is given.
 */
const db = openReadOnly((workerData as { dataFile: string }).dataFile);
// Every piece reads its rows once, in order: a page cache larger than SQLite's 2 MB default (better-sqlite3
// sets 16 MB) saves nothing here and counts towards verify's memory once per thread.
db.pragma('cache_size = -2000');
parentPort!.on('message', (task: VerifyTask) => {
  try {
    parentPort!.postMessage({ result: runTask(db, task) });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
