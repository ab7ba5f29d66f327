import { parentPort } from 'node:worker_threads';
import { prepareLines, type PrepareTask } from './import-prepare';

/**
 * An import's preparing thread (built to out/main/import-worker.js, started by import-file.ts in any host
 * or the CLI): parses, checks and serialises each slice of lines while the writer's thread inserts the
 * one before. No database: a refused line comes back as the slice's answer, not as an error.
 */
parentPort!.on('message', (task: PrepareTask) => {
  try {
    const result = prepareLines(task);
    // The entries' middles are bytes in one buffer: handed over, not copied.
    parentPort!.postMessage({ result }, 'mids' in result ? [result.mids] : []);
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
