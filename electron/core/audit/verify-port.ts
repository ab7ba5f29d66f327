import type { AuditProblem, VerifyResult } from '../contract/audit';
import type { Sql } from '../db/sql-port';
import { AUDIT_ANCHORS, AUDITED_TABLES, type AuditedTable } from './audited-tables';
import { canonicalJson } from './canonical-json';
import { entryHash, GENESIS_PREV, type AuditRow } from './chain';

/**
 * `verify` on a shared database (PostgreSQL), through the query port: the same checks and the same
 * problems as SQLite's verify (verify.ts), read in keyset pages by id on the calling thread — each page
 * is an await, so the seat keeps answering while it runs, and progress is reported page by page. The
 * hash of each entry is built by `entryHash`, the function that made it at append, so the bytes are
 * SQLite's exactly. Everything is read in one snapshot (REPEATABLE READ), so entries appended by other
 * seats meanwhile are the next verification's, and rows and chain are compared as of one moment.
 * There are no witness files beside a server (its own backups and WAL archive play that part), and
 * SQLite's page check (`full`) has no counterpart here.
 */
const PAGE = 5_000;

export async function verifyOverPort(
  port: Sql,
  onProgress?: (done: number, total: number, phase: 'chain' | 'rows') => void,
): Promise<VerifyResult> {
  return port.snapshot(async (sql) => {
    const chain = await checkChain(sql, onProgress);
    const anchors = await checkAnchors(sql);
    const rowProblems = await checkRows(sql, onProgress);
    // As verify.ts: the chain's own problems (gap, link, hash for one entry), then anchors, then rows.
    const order = { sequence_gap: 0, prev_mismatch: 1, hash_mismatch: 2 } as Record<string, number>;
    chain.problems.sort((a, b) => a.entryId! - b.entryId! || order[a.kind]! - order[b.kind]!);
    const problems = [...chain.problems, ...anchors, ...rowProblems];
    const rank = (p: AuditProblem) => (p.kind.startsWith('row_') ? 1 : 0);
    problems.sort((a, b) => rank(a) - rank(b) || (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
    return {
      ok: problems.length === 0,
      entries: chain.entries,
      head: chain.head,
      firstProblem: problems[0] ?? null,
      problems: problems.length,
      witnessed: 0,
    };
  });
}

/** Every entry's hash from its own stored link and body, its id one after the last, its link the last hash. */
async function checkChain(sql: Sql, onProgress?: (done: number, total: number, phase: 'chain') => void) {
  const total = (await sql.value<number>('SELECT max(id) FROM audit_log')) ?? 0;
  const problems: AuditProblem[] = [];
  let expectedId = 1;
  let prevHash = GENESIS_PREV;
  let entries = 0;
  let head: { id: number; hash: string } | null = null;
  for (let after = 0; ;) {
    const page = await sql.all<AuditRow>(
      `SELECT id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash FROM audit_log
        WHERE id > ? AND id <= ? ORDER BY id LIMIT ${PAGE}`,
      [after, total],
    );
    for (const e of page) {
      if (e.id !== expectedId) problems.push({ kind: 'sequence_gap', entryId: e.id });
      if (e.prev_hash !== prevHash) problems.push({ kind: 'prev_mismatch', entryId: e.id });
      if (entryHash(e.prev_hash, e) !== e.hash) problems.push({ kind: 'hash_mismatch', entryId: e.id });
      expectedId = e.id + 1;
      prevHash = e.hash;
      head = { id: e.id, hash: e.hash };
    }
    entries += page.length;
    onProgress?.(entries, total, 'chain');
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return { problems, entries, head };
}

/** Chain heads recorded with handover signatures and issued documents, against the chain. */
async function checkAnchors(sql: Sql): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  for (const a of AUDIT_ANCHORS) {
    if (!(await sql.get(sql.dialect.tableExists, [a.table]))) continue;
    const bad = await sql.all<{ pk: unknown; id: number }>(
      `SELECT x.${a.pk} AS pk, x.${a.idColumn} AS id FROM ${a.table} x
         LEFT JOIN audit_log e ON e.id = x.${a.idColumn}
        WHERE x.${a.idColumn} IS NOT NULL AND (e.hash IS NULL OR e.hash <> x.${a.hashColumn})
        ORDER BY x.${a.pk}`,
    );
    for (const r of bad) problems.push({ kind: 'anchor_mismatch', entryId: r.id, table: a.table, rowId: String(r.pk) });
  }
  return problems;
}

/** Every audited row against the entry that last recorded it, then entries about rows no longer there. */
async function checkRows(sql: Sql, onProgress?: (done: number, total: number, phase: 'rows') => void) {
  const tables: AuditedTable[] = [];
  let total = 0;
  for (const t of AUDITED_TABLES) {
    if (!(await sql.get(sql.dialect.tableExists, [t.table]))) continue;
    tables.push(t);
    total += (await sql.value<number>(`SELECT count(*) FROM ${t.table}`)) ?? 0;
  }
  const problems: AuditProblem[] = [];
  let done = 0;
  for (const t of tables) {
    for (let after: unknown = null; ;) {
      const page = await sql.all<Record<string, unknown>>(
        `SELECT * FROM ${t.table} ${after === null ? '' : `WHERE ${t.pk} > ?`} ORDER BY ${t.pk} LIMIT ${PAGE}`,
        after === null ? [] : [after],
      );
      if (page.length === 0) break;
      problems.push(...(await comparePage(sql, t, page)));
      done += page.length;
      onProgress?.(done, total, 'rows');
      after = page[page.length - 1]![t.pk];
    }
    problems.push(...(await goneRows(sql, t)));
  }
  return problems;
}

async function comparePage(sql: Sql, t: AuditedTable, rows: Record<string, unknown>[]): Promise<AuditProblem[]> {
  const ids = rows.map((r) => String(r[t.pk]));
  // The latest entry about each row that may have recorded it (its payload has a "row" key; confirmed below).
  const latest = await sql.all<{ ref_id: string; id: number; payload: string }>(
    `SELECT DISTINCT ON (ref_id) ref_id, id, payload FROM audit_log
      WHERE ref_table = ? AND ref_id = ANY(?) AND strpos(payload, '"row":') > 0
      ORDER BY ref_id, id DESC`,
    [t.table, ids],
  );
  const byId = new Map(latest.map((e) => [e.ref_id, e]));
  const problems: AuditProblem[] = [];
  for (const [i, row] of rows.entries()) {
    const id = ids[i]!;
    const mine = canonicalJson(t.project ? t.project(row) : row);
    const e = byId.get(id);
    const recorded = (e && recordedRow(e)) ?? (await latestRecordedRow(sql, t.table, id));
    if (!recorded) problems.push({ kind: 'row_unaudited', entryId: null, table: t.table, rowId: id });
    else if (recorded.row !== mine)
      problems.push({ kind: 'row_changed', entryId: recorded.entryId, table: t.table, rowId: id });
  }
  return problems;
}

/** Entries about a key the table no longer has, whose last recorded row was not a removal. */
async function goneRows(sql: Sql, t: AuditedTable): Promise<AuditProblem[]> {
  const gone = await sql.column<string>(
    `SELECT a.ref_id FROM audit_log a
      WHERE a.ref_table = ? AND NOT EXISTS (SELECT 1 FROM ${t.table} x WHERE CAST(x.${t.pk} AS TEXT) = a.ref_id)
      GROUP BY a.ref_id ORDER BY a.ref_id`,
    [t.table],
  );
  const problems: AuditProblem[] = [];
  for (const id of gone) {
    const last = await latestRecordedRow(sql, t.table, id);
    if (last && last.row !== 'null')
      problems.push({ kind: 'row_missing', entryId: last.entryId, table: t.table, rowId: id });
  }
  return problems;
}

/** The row an entry recorded (canonical JSON; 'null' for a removal), or null if it recorded none. */
function recordedRow(e: { id: number; payload: string }): { entryId: number; row: string } | null {
  try {
    const payload = JSON.parse(e.payload) as { row?: unknown };
    return payload.row !== undefined ? { entryId: e.id, row: canonicalJson(payload.row) } : null;
  } catch {
    return null; // an unreadable payload records nothing (the chain check reports the entry itself)
  }
}

/** The exact latest recording entry, entry by entry: when the quick look above found none that parses. */
async function latestRecordedRow(
  sql: Sql,
  table: string,
  id: string,
): Promise<{ entryId: number; row: string } | null> {
  const entries = await sql.all<{ id: number; payload: string }>(
    'SELECT id, payload FROM audit_log WHERE ref_table = ? AND ref_id = ? ORDER BY id DESC',
    [table, id],
  );
  for (const e of entries) {
    const r = recordedRow(e);
    if (r) return r;
  }
  return null;
}
