import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { inThreadRunner, workerRunner, type TaskRunner } from '../app/worker-pool';
import { yieldToOthers } from '../app/progress';
import { AppError } from '../contract/errors';
import type { CoreContext } from '../context';
import { incidentBatch } from './incident-batch';
import { prepareLines, type PrepareResult, type PrepareTask } from './import-prepare';
import { withDeferredRefresh } from './open-deadlines';

/**
 * `duty-room import-incidents FILE`: a year of records from a previous system, one JSON object per line
 * (JSON lines: streamable, one record per line so an error names its line, and every export tool can
 * write it; CSV cannot carry the nested casualty figures without inventing column names). Each line is
 * checked with the contract's incidents.create schema and recorded through the same write path as the
 * form (number, version, audit entry, search index, open deadlines), all in one transaction: a bad
 * line refuses the whole file, naming the line and the field. A line may also carry the reports already
 * sent and the calls logged in the previous system (`reports`, `calls`: see incident-import.ts), checked
 * with the report and call forms' rules and written in the same batches.
 */

export interface ImportResult {
  count: number;
  sha256: string;
}

/** The lines of a file, read in 1 MiB slices so a million records never sit in memory as one string. */
export function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      let chunk = Buffer.concat([carry, buf.subarray(0, n)]);
      let nl: number;
      while ((nl = chunk.indexOf(10)) >= 0) {
        yield chunk.subarray(0, nl).toString('utf8');
        chunk = chunk.subarray(nl + 1);
      }
      carry = Buffer.from(chunk);
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Lines per prepared slice, the writer's slice too (see incident-batch.ts). Small enough that what a
 * slice touches of each table and index stays in SQLite's page cache from one table's inserts to the
 * next: on the bench's 100k file 125 ran at 0.60 of raw inserts where 500 ran at 0.52, and in the CLI
 * 1,000 was slower again; 64 gained nothing more, each slice having its own costs (a message each way,
 * the lookup of its numbers).
 */
const SLICE = 125;
/** Slices being prepared while the writer writes: enough to keep both threads busy, few enough to stay small. */
const AHEAD = 2;

export async function importIncidents(
  ctx: CoreContext,
  lines: Iterable<string>,
  onProgress?: (recorded: number) => void,
): Promise<ImportResult> {
  const hash = createHash('sha256');
  // The chain's head kept in memory and the deadline refreshes done once at the end: all-or-nothing, so
  // nothing a failed line undoes can outlive it.
  return await ctx.tx(async (ctx) =>
    ctx.audit.batch(() => withDeferredRefresh(ctx, () => recordAll(ctx, lines, hash, onProgress))),
  );
}

/**
 * A file of up to this many lines is prepared on this thread: a thread takes a few hundred milliseconds
 * to start and warm up, about what preparing 2,000 lines here costs.
 */
const WORKER_AFTER = 2_000;

/**
 * Where lines are prepared: this thread, one slice per turn, or (for a larger file, in a built host) a
 * worker thread, so parsing, checking and serialising run beside the inserts on the second core. The
 * worker is started before the first slice is handed out, and that slice is prepared here while the
 * thread boots, so its start overlaps work this thread has anyway.
 */
function preparers(workers: string | undefined, large: boolean): TaskRunner<PrepareTask, PrepareResult> {
  const local = inThreadRunner(prepareLines, yieldToOthers);
  const worker = large ? workerRunner('import-worker', { dir: workers, workerData: null, max: 1 }, local) : null;
  if (!worker) return local;
  let handed = 0;
  return {
    threads: 1,
    run: (task) => (handed++ === 0 ? local : worker).run(task),
    close: () => worker.close(),
  };
}

/** The lines as given, and whether there are more than `n`, found by reading that many ahead. */
function lookAhead(lines: Iterable<string>, n: number): { more: boolean; lines: Iterable<string> } {
  const rest = lines[Symbol.iterator]();
  const head: string[] = [];
  while (head.length <= n) {
    const r = rest.next();
    if (r.done) break;
    head.push(r.value);
  }
  return {
    more: head.length > n,
    // Delegating to `rest` hands an early end (a refused line) on to it: a file's reader closes its file.
    lines: (function* () {
      yield* head;
      yield* { [Symbol.iterator]: () => rest };
    })(),
  };
}

async function recordAll(
  ctx: CoreContext,
  lines: Iterable<string>,
  hash: ReturnType<typeof createHash>,
  onProgress?: (recorded: number) => void,
): Promise<ImportResult> {
  let line = 0;
  let count = 0;
  const batch = await incidentBatch(ctx);
  const ahead = lookAhead(lines, WORKER_AFTER);
  const runner = preparers(ctx.wiring.workers, ahead.more);
  const inFlight: Promise<PrepareResult>[] = [];
  let slice: { line: number; text: string }[] = [];
  const send = async () => {
    if (!slice.length) return;
    inFlight.push(runner.run(await batch.task(slice)));
    slice = [];
  };
  const writeNext = async () => {
    const r = await inFlight.shift()!;
    if ('refused' in r) throw new AppError(r.refused.code, r.refused.params, r.refused.issues);
    await batch.write(r);
    const before = count;
    count += r.incidents.length;
    if (onProgress && Math.floor(count / 10_000) > Math.floor(before / 10_000)) onProgress(count);
  };
  try {
    for (const text of ahead.lines) {
      line++;
      hash.update(text).update('\n');
      if (!text.trim()) continue;
      slice.push({ line, text: text.replace(/^\uFEFF/, '') });
      if (slice.length < SLICE) continue;
      await send();
      while (inFlight.length > AHEAD) await writeNext();
    }
    await send();
    while (inFlight.length) await writeNext();
  } finally {
    // A refused line ends the import: what is still being prepared is not wanted.
    for (const p of inFlight) p.catch(() => {});
    await runner.close();
  }
  const sha256 = hash.digest('hex');
  // One entry for the file as a whole (each incident also has its own): which file, how many records.
  await ctx.audit.append({ actor: await ctx.actor(), kind: 'incidents.import', payload: { count, sha256 } });
  return { count, sha256 };
}
