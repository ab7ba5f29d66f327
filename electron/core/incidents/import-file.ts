import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { ZodError } from 'zod';
import { AppError, type FieldIssue } from '../contract/errors';
import { incidentImportLineSchema } from '../contract/incident-import';
import { toFieldIssues } from '../contract/zod-issues';
import type { CoreContext } from '../context';
import { incidentBatch } from './incident-batch';
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

function invalid(line: number, issues: FieldIssue[]): AppError {
  const located = issues.map((i) => ({ ...i, params: { ...i.params, line } }));
  return new AppError('incident.import_invalid', { line, field: located[0]?.path || '—' }, located);
}

/** Parses one line, or throws incident.import_invalid naming it. */
function parseLine(text: string, line: number) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid(line, [{ path: '', code: 'json_syntax' }]);
  }
  const parsed = incidentImportLineSchema.safeParse(raw);
  if (!parsed.success) throw invalid(line, toFieldIssues(parsed.error));
  return parsed.data;
}

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

async function recordAll(
  ctx: CoreContext,
  lines: Iterable<string>,
  hash: ReturnType<typeof createHash>,
  onProgress?: (recorded: number) => void,
): Promise<ImportResult> {
  let line = 0;
  let count = 0;
  const batch = await incidentBatch(ctx);
  for (const text of lines) {
    line++;
    hash.update(text).update('\n');
    if (!text.trim()) continue;
    const { reports, calls, ...facts } = parseLine(text.replace(/^\uFEFF/, ''), line);
    try {
      await batch.add(facts, reports || calls ? { reports: reports ?? [], calls: calls ?? [] } : undefined);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') throw invalid(line, e.issues ?? []);
      if (e instanceof ZodError) throw invalid(line, toFieldIssues(e));
      throw e;
    }
    count++;
    if (onProgress && count % 10_000 === 0) onProgress(count);
  }
  await batch.flush();
  const sha256 = hash.digest('hex');
  // One entry for the file as a whole (each incident also has its own): which file, how many records.
  await ctx.audit.append({ actor: await ctx.actor(), kind: 'incidents.import', payload: { count, sha256 } });
  return { count, sha256 };
}
