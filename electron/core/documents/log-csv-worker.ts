import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from '../db/open';
import { sqliteSql } from '../db/sql-sqlite';
import { auditHead, csvSlice, type CsvPart, type CsvTask } from './log-csv';

/**
 * A log CSV worker thread (built to out/main/log-csv-worker.js, started by log-csv.ts in any host). Its
 * own read-only connection to the file; each slice is read in a transaction of its own, and only if the
 * file is still at the export's audit head (else the slice is made on the export's snapshot instead).
 */
const db = openReadOnly((workerData as { dataFile: string }).dataFile);
// Each slice reads its rows once, in order: a bigger page cache than SQLite's 2 MB default saves nothing
// and counts towards the export's memory once per thread.
db.pragma('cache_size = -2000');
const sql = sqliteSql(db);

async function answer(task: CsvTask): Promise<CsvPart> {
  db.exec('BEGIN');
  try {
    if ((await auditHead(sql)) !== task.head) return { rows: 0, stale: true };
    return await csvSlice(sql, task);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

parentPort!.on('message', (task: CsvTask) => {
  answer(task).then(
    (result) => parentPort!.postMessage({ result }, ownBuffer(result.bytes)),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});

/** A slice's bytes are moved, not copied, when they fill their memory (small ones share Node's pool). */
function ownBuffer(bytes: Uint8Array | undefined): ArrayBuffer[] {
  return bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer as ArrayBuffer]
    : [];
}
