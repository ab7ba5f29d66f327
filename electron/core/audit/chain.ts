import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../db/clock';
import type { AuditHead, AuditProblem, VerifyResult } from '../contract/audit';
import { canonicalJson } from './canonical-json';
import { AUDIT_ANCHORS, AUDITED_TABLES, auditedTable } from './audited-tables';

export const GENESIS_PREV = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  kind: string;
  refTable?: string | null;
  refId?: string | number | null;
  payload: unknown;
}

interface AuditRow {
  id: number;
  ts: string;
  actor: string;
  kind: string;
  ref_table: string | null;
  ref_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    id: row.id,
    ts: row.ts,
    actor: row.actor,
    kind: row.kind,
    ref_table: row.ref_table,
    ref_id: row.ref_id,
    payload: row.payload,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Append-only SHA-256 chain. Callers append inside the same transaction as the change they record,
 * so the data and the chain can never disagree.
 */
export class AuditLog {
  private readonly insert: Database.Statement;
  private readonly last: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash)
       VALUES (@id, @ts, @actor, @kind, @ref_table, @ref_id, @payload, @prev_hash, @hash)`,
    );
    this.last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  }

  append(input: AuditEntryInput): AuditHead {
    if (!this.db.inTransaction) throw new Error('audit entries are appended inside a transaction');
    const prev = this.last.get() as AuditHead | undefined;
    const row = {
      id: (prev?.id ?? 0) + 1,
      ts: this.clock.now().toISOString(),
      actor: input.actor,
      kind: input.kind,
      ref_table: input.refTable ?? null,
      ref_id: input.refId == null ? null : String(input.refId),
      payload: canonicalJson(input.payload),
    };
    const prevHash = prev?.hash ?? GENESIS_PREV;
    const hash = entryHash(prevHash, row);
    this.insert.run({ ...row, prev_hash: prevHash, hash });
    return { id: row.id, hash };
  }

  /** Records the row as it now stands in the database, read back so verify compares like with like. */
  appendRow(actor: string, kind: string, table: string, id: string | number, extra?: object): AuditHead {
    const { pk } = auditedTable(table);
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE ${pk} = ?`).get(id);
    if (!row) throw new Error(`row ${table}:${id} not found for audit`);
    return this.append({ actor, kind, refTable: table, refId: id, payload: { ...extra, row } });
  }

  head(): AuditHead | null {
    return (this.last.get() as AuditHead | undefined) ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  verify(): VerifyResult {
    return verifyChain(this.db);
  }
}

export function verifyChain(db: Database.Database): VerifyResult {
  const problems: AuditProblem[] = [];
  const latestRow = new Map<string, { entryId: number; row: string }>();
  let prevHash = GENESIS_PREV;
  let expectedId = 1;
  let entries = 0;
  let head: AuditHead | null = null;
  const hashes = new Map<number, string>();

  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditRow>) {
    entries++;
    if (r.id !== expectedId) problems.push({ kind: 'sequence_gap', entryId: r.id });
    if (r.prev_hash !== prevHash) problems.push({ kind: 'prev_mismatch', entryId: r.id });
    if (entryHash(r.prev_hash, r) !== r.hash) problems.push({ kind: 'hash_mismatch', entryId: r.id });
    if (r.ref_table && r.ref_id != null) {
      try {
        const payload = JSON.parse(r.payload) as { row?: unknown };
        if (payload.row !== undefined) {
          latestRow.set(r.ref_table + '\0' + r.ref_id, { entryId: r.id, row: canonicalJson(payload.row) });
        }
      } catch {
        problems.push({ kind: 'hash_mismatch', entryId: r.id });
      }
    }
    prevHash = r.hash;
    expectedId = r.id + 1;
    head = { id: r.id, hash: r.hash };
    hashes.set(r.id, r.hash);
  }

  const exists = (table: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

  for (const a of AUDIT_ANCHORS) {
    if (!exists(a.table)) continue; // an older backup, from before that feature
    const rows = db
      .prepare(
        `SELECT ${a.pk} AS pk, ${a.idColumn} AS id, ${a.hashColumn} AS hash FROM ${a.table} WHERE ${a.idColumn} IS NOT NULL`,
      )
      .all() as { pk: unknown; id: number; hash: string }[];
    for (const r of rows) {
      if (hashes.get(r.id) !== r.hash)
        problems.push({ kind: 'anchor_mismatch', entryId: r.id, table: a.table, rowId: String(r.pk) });
    }
  }

  for (const { table, pk } of AUDITED_TABLES) {
    if (!exists(table)) continue;
    const seen = new Set<string>();
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      const id = String(row[pk]);
      const key = table + '\0' + id;
      seen.add(key);
      const recorded = latestRow.get(key);
      if (!recorded) problems.push({ kind: 'row_unaudited', entryId: null, table, rowId: id });
      else if (recorded.row !== canonicalJson(row))
        problems.push({ kind: 'row_changed', entryId: recorded.entryId, table, rowId: id });
    }
    for (const [key, recorded] of latestRow) {
      const [t, id] = key.split('\0') as [string, string];
      if (t === table && !seen.has(key))
        problems.push({ kind: 'row_missing', entryId: recorded.entryId, table, rowId: id });
    }
  }

  problems.sort((a, b) => (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
  return { ok: problems.length === 0, entries, head, firstProblem: problems[0] ?? null, problems: problems.length };
}
