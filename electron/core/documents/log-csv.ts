import { fileReaders, inThreadRunner } from '../app/worker-pool';
import { yieldToOthers } from '../app/progress';
import type { Sql } from '../db/sql-port';
import type { FileSink } from './downloads';
import { incidentCells, logIncidents, type LogKey, type LogRange } from './log-rows';
import type { Cell } from './xlsx-writer';

/**
 * The log as CSV, in slices of SLICE rows. A big export (100,000 rows: reading the rows and turning them
 * into text cost about the same) is shared out to worker threads, each with its own read-only connection
 * to the file; this thread only writes the finished slices out in order. Without workers (the sources
 * under test, PostgreSQL, an in-memory database) the same slices are made here, one per turn.
 */
export const SLICE = 5_000;

/** A CSV field: quoted only when it holds a comma, a quote or a line break (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (v: Cell) =>
  typeof v === 'number' ? String(v) : NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** CRLF as RFC 4180 says. */
export function csvLines(rows: Cell[][]): string {
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) out += (i ? ',' : '') + csvCell(r[i]!);
    out += '\r\n';
  }
  return out;
}

/** One slice of the log to turn into CSV, read at the audit chain's `head` (the export's snapshot). */
export interface CsvTask {
  range: LogRange;
  tz: string;
  head: number;
}

/** A slice's CSV bytes, or `stale` from a worker whose connection saw a later write than the export's. */
export interface CsvPart {
  bytes?: Uint8Array;
  rows: number;
  stale?: boolean;
}

/** The slice's rows as CSV text (the caller's connection, in its transaction). */
export async function csvSlice(sql: Sql, task: CsvTask): Promise<CsvPart> {
  // Each page's text becomes bytes at once: outside V8's heap, so a slice held until it is written out
  // is not copied from one generation to the next by every collection.
  const pages: Buffer[] = [];
  let rows = 0;
  for await (const page of logIncidents(sql, task.range)) {
    pages.push(Buffer.from(csvLines(page.map((i) => incidentCells(i, task.tz))), 'utf8'));
    rows += page.length;
  }
  return { bytes: Buffer.concat(pages), rows };
}

/** The audit chain's head: every write to the incidents and reports appends to it. */
export const auditHead = async (sql: Sql) => ((await sql.value('SELECT max(id) FROM audit_log')) as number | null) ?? 0;

/**
 * [from, to) cut every `size` rows: one pass over the received_at index, whatever the period's length
 * (an OFFSET per cut would walk the index from the start each time).
 */
export async function sliceRanges(
  sql: Sql,
  from: string,
  to: string,
  count: number,
  size = SLICE,
): Promise<LogRange[]> {
  if (count <= size) return [{ from, to }];
  const cuts = await sql.arrays<LogKey>(
    `SELECT received_at, id FROM (
       SELECT received_at, id, row_number() OVER (ORDER BY received_at, id) AS n FROM incidents
        WHERE received_at >= ? AND received_at < ?) k
      WHERE n % ? = 0 ORDER BY n`,
    [from, to, size],
  );
  let after: LogKey | null = null;
  const ranges: LogRange[] = [];
  for (const until of cuts) {
    ranges.push({ from, to, after, until: [until[0], Number(until[1])] });
    after = ranges[ranges.length - 1]!.until!;
  }
  // The last cut is the period's last row when `size` divides the count: nothing after it.
  if (cuts.length * size < count) ranges.push({ from, to, after });
  return ranges;
}

/**
 * Writes the period's CSV rows to `sink` in order. At most one slice ahead per thread is held in memory;
 * a slice a worker read at another state of the file than the export's snapshot (a write landed between
 * the two) is made again here, from the snapshot.
 */
export async function writeCsvRows(
  reader: Sql,
  files: { dataFile: string | undefined; workers: string | undefined },
  ranges: LogRange[],
  tz: string,
  sink: FileSink,
  onRows: (n: number) => void,
): Promise<void> {
  const local = inThreadRunner((task: CsvTask) => csvSlice(reader, task), yieldToOthers);
  // One slice, or a server's rows: nothing to share out.
  const runner =
    ranges.length > 1 && reader.engine === 'sqlite'
      ? fileReaders('log-csv-worker', files.dataFile, local, { dir: files.workers })
      : local;
  try {
    const head = runner === local ? 0 : await auditHead(reader);
    const tasks = ranges.map((range): CsvTask => ({ range, tz, head }));
    const parts: Promise<CsvPart>[] = [];
    const submit = () => {
      const task = tasks[parts.length];
      if (!task) return;
      const part = runner.run(task).then((p) => (p.stale ? local.run(task) : p));
      part.catch(() => undefined); // awaited in turn below; a failure is reported there
      parts.push(part);
    };
    for (let i = 0; i <= runner.threads; i++) submit();
    for (let k = 0; k < tasks.length; k++) {
      const { bytes, rows } = await parts[k]!;
      // Bytes from a worker arrive as a plain Uint8Array: the same memory, viewed as a Buffer.
      await sink.write(Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength));
      onRows(rows);
      submit();
    }
  } finally {
    await runner.close();
  }
}
