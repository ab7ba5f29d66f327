import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from '../db/open';
import { runTask, type VerifyTask } from './verify-tasks';

/**
 * A verify worker thread (built to out/main/verify-worker.js for every host: CLI, web host, Electron's
 * utility process). Its own read-only connection to the file; answers each piece of work it is given.
 */
const db = openReadOnly((workerData as { dataFile: string }).dataFile);
parentPort!.on('message', (task: VerifyTask) => {
  try {
    parentPort!.postMessage({ result: runTask(db, task) });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
