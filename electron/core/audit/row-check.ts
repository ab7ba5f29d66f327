import type Database from 'better-sqlite3';
import type { AuditProblem } from '../contract/audit';
import { canonicalJson } from './canonical-json';
import type { AuditedTable } from './audited-tables';

/** The latest entry that may have recorded a row (its payload has a "row" key; confirmed below). */
const LATEST_ROW_ENTRY = `(SELECT a.id FROM audit_log a
   WHERE a.ref_table = @table AND a.ref_id = CAST(x.__pk AS TEXT) AND instr(a.payload, '"row":') > 0
   ORDER BY a.id DESC LIMIT 1)`;
/**
 * The entry's recorded row differs from the row's JSON. Most entries are exactly `{"row":<row>}`, and
 * when the payload is that text the row is the same: one string comparison, where json_extract parses
 * the whole payload (measured half the time of the row check on the bench's reports). Any other payload
 * is compared by its parsed "row", as before.
 */
const ROW_DIFFERS = `(e.payload IS NOT '{"row":' || x.__json || '}' AND json_extract(e.payload, '$.row') IS NOT x.__json)`;

/**
 * The table's rows with rowid in (lo, hi] against the entry that last recorded each. The comparison
 * runs inside SQLite: the row as canonical JSON (json_object with sorted keys) against the row text
 * stored in the entry's canonical payload, so only rows that differ come back to JavaScript, where they
 * are compared exactly (a number SQLite prints differently is not a change).
 */
export function suspectRows(db: Database.Database, t: AuditedTable, lo: number, hi: number): AuditProblem[] {
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
  const byPk = db.prepare(`SELECT * FROM ${table} WHERE ${pk} = ?`);
  let rows: { pk: unknown; eid: number | null }[];
  try {
    rows = suspects.all({ table, lo, hi }) as typeof rows;
  } catch {
    // A payload that is not JSON (altered; the chain check names it): compare this chunk row by row.
    rows = db
      .prepare(`SELECT ${pk} AS pk, NULL AS eid FROM ${table} WHERE rowid > ? AND rowid <= ?`)
      .all(lo, hi) as typeof rows;
  }
  const problems: AuditProblem[] = [];
  for (const r of rows) {
    const id = String(r.pk);
    const data = byPk.get(r.pk) as Record<string, unknown>;
    const mine = canonicalJson(project ? project(data) : data);
    const recorded = latestRecordedRow(db, table, id);
    if (!recorded) problems.push({ kind: 'row_unaudited', entryId: null, table, rowId: id });
    else if (recorded.row !== mine) problems.push({ kind: 'row_changed', entryId: recorded.entryId, table, rowId: id });
  }
  return problems;
}

/** Rows gone: entries about a key the table no longer has, whose last recorded row was not a removal. */
export function goneRows(db: Database.Database, t: AuditedTable): AuditProblem[] {
  const { table, pk } = t;
  const gone = db
    .prepare(
      `SELECT a.ref_id AS id FROM audit_log a
       WHERE a.ref_table = ? AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.${pk} = a.ref_id)
       GROUP BY a.ref_id`,
    )
    .pluck()
    .all(table) as string[];
  const problems: AuditProblem[] = [];
  for (const id of gone) {
    const last = latestRecordedRow(db, table, id);
    if (last && last.row !== 'null') problems.push({ kind: 'row_missing', entryId: last.entryId, table, rowId: id });
  }
  return problems;
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
