import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { AuditHead, AuditProblem, VerifyResult } from '../contract/audit';
import { canonicalJson } from './canonical-json';
import { AUDIT_ANCHORS, AUDITED_TABLES, type AuditedTable } from './audited-tables';
import { GENESIS_PREV } from './chain';
import { scanChain } from './chain-scan';
import { witnessHeads } from './witness';

export interface VerifyOptions {
  /** Witness files to hold the chain against: the live one beside the database, a backup's, a copy. */
  witnesses?: string[];
  /** Adds SQLite's page-level integrity_check (reads every page: slower). */
  full?: boolean;
  /** Called every few thousand entries, for a progress line or bar. */
  onProgress?: (done: number, total: number, phase: 'chain' | 'rows') => void;
}

const PROGRESS_EVERY = 20_000;

/**
 * Recomputes the whole chain, compares every audited row with the entry that last recorded it, checks
 * the heads recorded outside the chain (witness files, handover signatures, issued documents), all
 * streaming: memory stays flat whatever the number of entries.
 */
export function verifyChain(db: Database.Database, opts: VerifyOptions = {}): VerifyResult {
  const steps = verifySteps(db, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, for a host serving other requests meanwhile: between slices (20,000 entries or rows, each
 * read by a query that completes, so the connection is free) the event loop gets a turn.
 */
export async function verifyChainAsync(
  db: Database.Database,
  opts: VerifyOptions,
  pause: () => Promise<void>,
): Promise<VerifyResult> {
  const steps = verifySteps(db, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* verifySteps(db: Database.Database, opts: VerifyOptions): Generator<void, VerifyResult> {
  const problems: AuditProblem[] = [];
  let integrity: string | undefined;
  if (opts.full) {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push({ kind: 'integrity', entryId: null });
    yield;
  }
  const total = (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const { head, entries, witnessed } = yield* checkChain(db, opts, total, problems);
  checkAnchors(db, problems);
  for (const t of AUDITED_TABLES) if (tableExists(db, t.table)) yield* checkRows(db, t, problems, opts);
  // The chain's own problems first (where it was cut or rewritten), then rows that disagree with it
  // (a row problem names the entry that last recorded the row, not where the tampering happened).
  const rank = (p: AuditProblem) => (p.kind.startsWith('row_') ? 1 : 0);
  problems.sort((a, b) => rank(a) - rank(b) || (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
  return {
    ok: problems.length === 0,
    entries,
    head,
    firstProblem: problems[0] ?? null,
    problems: problems.length,
    witnessed,
    ...(integrity !== undefined ? { integrity } : {}),
  };
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function* checkChain(
  db: Database.Database,
  opts: VerifyOptions,
  total: number,
  problems: AuditProblem[],
): Generator<void, { head: AuditHead | null; entries: number; witnessed: number }> {
  const byId = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  // The live witness is read alongside the chain (both ascend); a head out of order (two writers) or
  // from another witness file is looked up on its own.
  const files = (opts.witnesses ?? []).filter((f) => existsSync(f));
  const [live, ...others] = files.map((f) => witnessHeads(f));
  let next = live?.next();
  let witnessed = 0;
  let lastAgreed = 0;
  // The first entry that disagrees lies after the last head both agree on.
  const disagree = (found: string | undefined) =>
    problems.push({ kind: found === undefined ? 'witness_missing' : 'witness_mismatch', entryId: lastAgreed + 1 });
  const point = (w: AuditHead) => {
    witnessed++;
    const found = byId.get(w.id) as string | undefined;
    if (found === w.hash) lastAgreed = Math.max(lastAgreed, w.id);
    else disagree(found);
  };

  let prevHash = GENESIS_PREV;
  let expectedId = 1;
  let entries = 0;
  let lastId = 0;
  let witnessFailed = false;
  const visit = (id: number, prev: string, hash: string, hashOk: boolean) => {
    entries++;
    if (id !== expectedId) problems.push({ kind: 'sequence_gap', entryId: id });
    if (prev !== prevHash) problems.push({ kind: 'prev_mismatch', entryId: id });
    if (!hashOk) problems.push({ kind: 'hash_mismatch', entryId: id });
    while (next && !next.done && next.value.id <= id) {
      const w = next.value;
      if (w.id < id) point(w);
      else {
        witnessed++;
        if (w.hash === hash) lastAgreed = Math.max(lastAgreed, w.id);
        else if (!witnessFailed) {
          // Report the first disagreement only: every later head disagrees with a rewritten chain too.
          witnessFailed = true;
          disagree(hash);
        }
      }
      next = live!.next();
    }
    prevHash = hash;
    expectedId = id + 1;
    lastId = id;
    if (opts.onProgress && entries % PROGRESS_EVERY === 0) opts.onProgress(entries, total, 'chain');
  };
  while (scanChain(db, lastId, visit, PROGRESS_EVERY) === PROGRESS_EVERY) yield;
  const head: AuditHead | null = entries ? { id: lastId, hash: prevHash } : null;
  // Heads beyond the chain's end: the tail was cut off.
  while (next && !next.done) {
    if (!witnessFailed) {
      witnessed++;
      const found = byId.get(next.value.id) as string | undefined;
      if (found === next.value.hash) lastAgreed = Math.max(lastAgreed, next.value.id);
      else {
        witnessFailed = true;
        disagree(found);
      }
    }
    next = live!.next();
  }
  for (const other of others) {
    let failed = false;
    for (const w of other) {
      witnessed++;
      const found = byId.get(w.id) as string | undefined;
      if (found !== w.hash && !failed) {
        failed = true;
        problems.push({ kind: found === undefined ? 'witness_missing' : 'witness_mismatch', entryId: w.id });
      }
    }
  }
  return { head, entries, witnessed };
}

function checkAnchors(db: Database.Database, problems: AuditProblem[]): void {
  const byId = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  for (const a of AUDIT_ANCHORS) {
    if (!tableExists(db, a.table)) continue; // an older backup, from before that feature
    const rows = db
      .prepare(
        `SELECT ${a.pk} AS pk, ${a.idColumn} AS id, ${a.hashColumn} AS hash FROM ${a.table} WHERE ${a.idColumn} IS NOT NULL`,
      )
      .iterate() as Iterable<{ pk: unknown; id: number; hash: string }>;
    for (const r of rows) {
      if (byId.get(r.id) !== r.hash)
        problems.push({ kind: 'anchor_mismatch', entryId: r.id, table: a.table, rowId: String(r.pk) });
    }
  }
}

/** The latest entry that may have recorded a row (its payload has a "row" key; confirmed below). */
const LATEST_ROW_ENTRY = `(SELECT a.id FROM audit_log a
   WHERE a.ref_table = @table AND a.ref_id = CAST(x.__pk AS TEXT) AND instr(a.payload, '"row":') > 0
   ORDER BY a.id DESC LIMIT 1)`;
const CHUNK = 20_000;
/**
 * The entry's recorded row differs from the row's JSON. Most entries are exactly `{"row":<row>}`, and
 * when the payload is that text the row is the same: one string comparison, where json_extract parses
 * the whole payload (measured half the time of the row check on the bench's reports). Any other payload
 * is compared by its parsed "row", as before.
 */
const ROW_DIFFERS = `(e.payload IS NOT '{"row":' || x.__json || '}' AND json_extract(e.payload, '$.row') IS NOT x.__json)`;

/**
 * Every row of the table against the entry that last recorded it. The comparison runs inside SQLite:
 * the row as canonical JSON (json_object with sorted keys) against the row text stored in the entry's
 * canonical payload, so only rows that differ come back to JavaScript, where they are compared
 * exactly (a number SQLite prints differently is not a change). Chunked by rowid for progress.
 */
function* checkRows(
  db: Database.Database,
  t: AuditedTable,
  problems: AuditProblem[],
  opts: VerifyOptions,
): Generator<void> {
  const { table, pk, project } = t;
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
  const json = `json_object(${cols.map((c) => `'${c}', t."${c}"`).join(', ')})`;
  // A projected table (PINs: a digest in place of the hash) is small and compared in JavaScript.
  const suspects = db.prepare(
    `SELECT x.__pk AS pk, e.id AS eid FROM (SELECT t.${pk} AS __pk, ${project ? "'-'" : json} AS __json FROM ${table} t
       WHERE t.rowid > @lo AND t.rowid <= @hi) x
     LEFT JOIN audit_log e ON e.id = ${LATEST_ROW_ENTRY}
     WHERE e.id IS NULL OR ${project ? '1' : ROW_DIFFERS}`,
  );
  const maxRowid = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  const byPk = db.prepare(`SELECT * FROM ${table} WHERE ${pk} = ?`);
  for (let lo = 0; lo < maxRowid; lo += CHUNK) {
    let rows: { pk: unknown; eid: number | null }[];
    try {
      rows = suspects.all({ table, lo, hi: lo + CHUNK }) as typeof rows;
    } catch {
      // A payload that is not JSON (altered; the chain check names it): compare this chunk row by row.
      rows = db
        .prepare(`SELECT ${pk} AS pk, NULL AS eid FROM ${table} WHERE rowid > ? AND rowid <= ?`)
        .all(lo, lo + CHUNK) as typeof rows;
    }
    for (const r of rows) {
      const id = String(r.pk);
      const data = byPk.get(r.pk) as Record<string, unknown>;
      const mine = canonicalJson(project ? project(data) : data);
      const recorded = latestRecordedRow(db, table, id);
      if (!recorded) problems.push({ kind: 'row_unaudited', entryId: null, table, rowId: id });
      else if (recorded.row !== mine)
        problems.push({ kind: 'row_changed', entryId: recorded.entryId, table, rowId: id });
    }
    if (opts.onProgress) opts.onProgress(Math.min(lo + CHUNK, maxRowid), maxRowid, 'rows');
    yield;
  }
  // Rows gone: entries about a key the table no longer has, whose last recorded row was not a removal.
  const gone = db
    .prepare(
      `SELECT a.ref_id AS id FROM audit_log a
       WHERE a.ref_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.${pk} = a.ref_id)
       GROUP BY a.ref_id`,
    )
    .pluck()
    .all(table) as string[];
  for (const id of gone) {
    const last = latestRecordedRow(db, table, id);
    if (last && last.row !== 'null') problems.push({ kind: 'row_missing', entryId: last.entryId, table, rowId: id });
  }
}

/** The row (canonical JSON; 'null' for a removal) the latest entry about `table`/`id` recorded, exactly. */
function latestRecordedRow(db: Database.Database, table: string, id: string): { entryId: number; row: string } | null {
  const entries = db
    .prepare('SELECT id, payload FROM audit_log WHERE ref_table = ? AND ref_id = ? ORDER BY id DESC')
    .iterate(table, id) as Iterable<{ id: number; payload: string }>;
  for (const e of entries) {
    try {
      const payload = JSON.parse(e.payload) as { row?: unknown };
      if (payload.row !== undefined) return { entryId: e.id, row: canonicalJson(payload.row) };
    } catch {
      // An unreadable payload records nothing (the chain check reports the entry itself).
    }
  }
  return null;
}
