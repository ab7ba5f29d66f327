import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { AuditHead, AuditProblem, VerifyResult } from '../contract/audit';
import { canonicalJson } from './canonical-json';
import { AUDIT_ANCHORS, AUDITED_TABLES, type AuditedTable } from './audited-tables';
import { GENESIS_PREV, entryHash, type AuditRow } from './chain';
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
  const problems: AuditProblem[] = [];
  let integrity: string | undefined;
  if (opts.full) {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push({ kind: 'integrity', entryId: null });
  }
  const total = (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  const { head, entries, witnessed } = checkChain(db, opts, total, problems);
  checkAnchors(db, problems);
  for (const t of AUDITED_TABLES) if (tableExists(db, t.table)) checkRows(db, t, problems, opts, total);
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

function checkChain(db: Database.Database, opts: VerifyOptions, total: number, problems: AuditProblem[]) {
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
  let head: AuditHead | null = null;
  let witnessFailed = false;
  for (const r of db
    .prepare('SELECT id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as Iterable<AuditRow>) {
    entries++;
    if (r.id !== expectedId) problems.push({ kind: 'sequence_gap', entryId: r.id });
    if (r.prev_hash !== prevHash) problems.push({ kind: 'prev_mismatch', entryId: r.id });
    if (entryHash(r.prev_hash, r) !== r.hash) problems.push({ kind: 'hash_mismatch', entryId: r.id });
    while (next && !next.done && next.value.id <= r.id) {
      const w = next.value;
      if (w.id < r.id) point(w);
      else {
        witnessed++;
        if (w.hash === r.hash) lastAgreed = Math.max(lastAgreed, w.id);
        else if (!witnessFailed) {
          // Report the first disagreement only: every later head disagrees with a rewritten chain too.
          witnessFailed = true;
          disagree(r.hash);
        }
      }
      next = live!.next();
    }
    prevHash = r.hash;
    expectedId = r.id + 1;
    head = { id: r.id, hash: r.hash };
    if (opts.onProgress && entries % PROGRESS_EVERY === 0) opts.onProgress(entries, total, 'chain');
  }
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

/** The latest entry that recorded a row (an object, or null once the row was removed by the app). */
const LATEST_ROW_ENTRY = `(SELECT a.id FROM audit_log a
   WHERE a.ref_table = @table AND a.ref_id = CAST(x.__pk AS TEXT)
     AND (CASE WHEN json_valid(a.payload) THEN json_type(a.payload, '$.row') END) IS NOT NULL
   ORDER BY a.id DESC LIMIT 1)`;

function checkRows(
  db: Database.Database,
  { table, pk, project }: AuditedTable,
  problems: AuditProblem[],
  opts: VerifyOptions,
  total: number,
): void {
  const rows = db
    .prepare(
      `SELECT x.*, e.id AS __eid, json_extract(e.payload, '$.row') AS __row
       FROM (SELECT *, ${pk} AS __pk FROM ${table}) x LEFT JOIN audit_log e ON e.id = ${LATEST_ROW_ENTRY}`,
    )
    .iterate({ table }) as Iterable<Record<string, unknown>>;
  let n = 0;
  for (const row of rows) {
    const { __pk, __eid, __row, ...data } = row;
    const id = String(__pk);
    const eid = __eid as number | null;
    const mine = canonicalJson(project ? project(data) : data);
    if (eid === null) problems.push({ kind: 'row_unaudited', entryId: null, table, rowId: id });
    // The stored payload is canonical JSON, so its row usually comes back byte-identical; when not
    // (a number SQLite prints differently), compare the parsed value before calling it a change.
    else if (__row !== mine && !sameRow(db, eid, mine))
      problems.push({ kind: 'row_changed', entryId: eid, table, rowId: id });
    if (opts.onProgress && ++n % PROGRESS_EVERY === 0) opts.onProgress(n, total, 'rows');
  }
  // Rows gone: entries about a key the table no longer has, whose last recorded row was not a removal.
  const gone = db
    .prepare(
      `SELECT a.ref_id AS id, max(a.id) AS eid FROM audit_log a
       WHERE a.ref_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.${pk} = a.ref_id)
       GROUP BY a.ref_id`,
    )
    .all(table) as { id: string; eid: number }[];
  const lastRow = db.prepare(
    `SELECT id, json_type(payload, '$.row') AS type FROM audit_log
     WHERE ref_table = ? AND ref_id = ? AND json_valid(payload) AND json_type(payload, '$.row') IS NOT NULL
     ORDER BY id DESC LIMIT 1`,
  );
  for (const g of gone) {
    const last = lastRow.get(table, g.id) as { id: number; type: string } | undefined;
    if (last && last.type !== 'null') problems.push({ kind: 'row_missing', entryId: last.id, table, rowId: g.id });
  }
}

function sameRow(db: Database.Database, entryId: number, mine: string): boolean {
  const payload = db.prepare('SELECT payload FROM audit_log WHERE id = ?').pluck().get(entryId) as string;
  try {
    return canonicalJson((JSON.parse(payload) as { row?: unknown }).row) === mine;
  } catch {
    return false;
  }
}
