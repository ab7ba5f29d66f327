import { createHash, hash as oneShotHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../db/clock';
import type { Sql } from '../db/sql-port';
import type { AuditHead } from '../contract/audit';
import { canonicalJson } from './canonical-json';
import { auditedTable } from './audited-tables';

export const GENESIS_PREV = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  kind: string;
  refTable?: string | null;
  refId?: string | number | null;
  payload: unknown;
}

export interface AuditRow {
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

/**
 * SHA-256 over the previous hash and the entry's canonical JSON. The JSON is built field by field in
 * canonical (sorted-key) order rather than through canonicalJson: verify hashes every entry, so this
 * is its hot path; a test checks both give the same bytes. One-shot `crypto.hash` over the joined string
 * (same bytes as updating a Hash object three times) skips building a Hash object per entry.
 */
export function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  return hashEntry(prevHash, row.actor, row.id, entryMid(row.kind, row.payload, row.ref_id, row.ref_table), row.ts);
}

/**
 * The middle of an entry's canonical JSON (kind, payload, ref_id, ref_table): everything but the id and
 * the time, which only the writer holding the chain knows. An import builds it ahead, off the writer's
 * thread (incidents/import-prepare.ts).
 */
export function entryMid(kind: string, payload: string, refId: string | null, refTable: string | null): string {
  return (
    ',"kind":' +
    JSON.stringify(kind) +
    ',"payload":' +
    JSON.stringify(payload) +
    ',"ref_id":' +
    JSON.stringify(refId ?? null) +
    ',"ref_table":' +
    JSON.stringify(refTable ?? null)
  );
}

/**
 * entryMid for an entry whose payload holds its record's id in one place, `payload[0] + id + payload[1]`,
 * and whose ref_id is that id, before the id is known (a version row's id is the database's): the parts
 * that, joined with the id, give entryMid's text. JSON escaping is per character, so the payload's two
 * halves escape apart as they would together (each half ends and starts at ASCII).
 */
export function entryMidAround(kind: string, payload: [string, string], refTable: string): [string, string, string] {
  const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
  return [
    ',"kind":' + JSON.stringify(kind) + ',"payload":"' + escaped(payload[0]),
    escaped(payload[1]) + '","ref_id":"',
    '","ref_table":' + JSON.stringify(refTable),
  ];
}

function hashEntry(prevHash: string, actor: string, id: number, mid: EntryMid, ts: string): string {
  const head = prevHash + '\n{"actor":' + JSON.stringify(actor) + ',"id":' + JSON.stringify(id);
  const tail = ',"ts":' + JSON.stringify(ts) + '}';
  if (typeof mid === 'string') return oneShotHash('sha256', head + mid + tail, 'hex');
  const h = createHash('sha256').update(head);
  for (const part of mid) h.update(part);
  return h.update(tail).digest('hex');
}

/**
 * entryMid's text, or the same text in pieces: UTF-8 bytes built ahead (an import's worker hands them
 * over without a copy, and they are hashed as they are) and strings known only to the writer, in order.
 */
export type EntryMid = string | readonly (string | Uint8Array)[];

/** An entry prepared ahead: its canonical payload and entryMid over it. */
export interface PreparedEntry {
  actor: string;
  kind: string;
  refTable: string | null;
  refId: string | null;
  payload: string;
  mid: EntryMid;
}

/**
 * Append-only SHA-256 chain. Callers append inside the same transaction as the change they record,
 * so the data and the chain can never disagree.
 */
export class AuditLog {
  private appended: AuditHead | null = null;
  /** Inside `batch`: the head as this transaction left it (undefined outside a batch). */
  private batchHead: AuditHead | null | undefined = undefined;

  /** `sql` is the port bound to the transaction the entries are appended in (see CoreContext.tx). */
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  async append(input: AuditEntryInput): Promise<AuditHead> {
    const payload = canonicalJson(input.payload);
    const refTable = input.refTable ?? null;
    const refId = input.refId == null ? null : String(input.refId);
    const mid = entryMid(input.kind, payload, refId, refTable);
    return this.appendPrepared({ actor: input.actor, kind: input.kind, refTable, refId, payload, mid });
  }

  /**
   * Runs `fn` (inside the caller's transaction) with the head kept in memory instead of read before every
   * entry: an import appends thousands. Safe because `fn` is all-or-nothing: a write inside it that
   * fails aborts the whole batch (the transaction rolls back), so the remembered head never outlives
   * entries that were undone.
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.sql.inTransaction) throw new Error('audit entries are appended inside a transaction');
    if (this.batchHead !== undefined) return fn();
    this.batchHead = await this.head();
    try {
      return await fn();
    } finally {
      this.batchHead = undefined;
    }
  }

  /**
   * Records the row as it now stands in the database, so verify compares like with like: read back, or
   * `stored` when the write returned it (INSERT/UPDATE … RETURNING *: the same values, one lookup less).
   */
  async appendRow(
    actor: string,
    kind: string,
    table: string,
    id: string | number,
    extra?: object,
    stored?: Record<string, unknown>,
  ): Promise<AuditHead> {
    const { pk } = auditedTable(table);
    const row = stored ?? (await this.sql.get<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${pk} = ?`, [id]));
    return this.append(rowEntry(actor, kind, table, id, row, extra));
  }

  /** Appends an entry whose payload and middle were built ahead (see entryMid): only the id, time and hash are left. */
  async appendPrepared(e: PreparedEntry): Promise<AuditHead> {
    if (!this.sql.inTransaction) throw new Error('audit entries are appended inside a transaction');
    const prev = this.batchHead !== undefined ? this.batchHead : await this.head();
    const id = (prev?.id ?? 0) + 1;
    const ts = this.clock.now().toISOString();
    const prevHash = prev?.hash ?? GENESIS_PREV;
    const hash = hashEntry(prevHash, e.actor, id, e.mid, ts);
    await this.sql.run(INSERT_ENTRY, [id, ts, e.actor, e.kind, e.refTable, e.refId, e.payload, prevHash, hash]);
    this.appended = { id, hash };
    if (this.batchHead !== undefined) this.batchHead = this.appended;
    return this.appended;
  }

  async head(): Promise<AuditHead | null> {
    return (await this.sql.get<AuditHead>(LAST_ENTRY)) ?? null;
  }

  /** Entries are numbered 1, 2, 3… without gaps (verify checks it), so the head's id is the count. */
  async count(): Promise<number> {
    return (await this.head())?.id ?? 0;
  }

  /** The head this transaction last appended and has not yet handed to the witness (see context tx). */
  takeAppended(): AuditHead | null {
    const h = this.appended;
    this.appended = null;
    return h;
  }
}

// Positional parameters: binding by name costs a lookup per column, and an import appends thousands.
const INSERT_ENTRY = `INSERT INTO audit_log (id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const LAST_ENTRY = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1';

type EntryParams = [number, string, string, string, string | null, string | null, string, string, string];

/** The next entry's column values (id … hash) on top of `prev`. */
function nextEntry(prev: AuditHead | null, input: AuditEntryInput, clock: Clock): EntryParams {
  const row = {
    id: (prev?.id ?? 0) + 1,
    ts: clock.now().toISOString(),
    actor: input.actor,
    kind: input.kind,
    ref_table: input.refTable ?? null,
    ref_id: input.refId == null ? null : String(input.refId),
    payload: canonicalJson(input.payload),
  };
  const prevHash = prev?.hash ?? GENESIS_PREV;
  const hash = entryHash(prevHash, row);
  return [row.id, row.ts, row.actor, row.kind, row.ref_table, row.ref_id, row.payload, prevHash, hash];
}

function rowEntry(
  actor: string,
  kind: string,
  table: string,
  id: string | number,
  row: Record<string, unknown> | undefined,
  extra?: object,
): AuditEntryInput {
  if (!row) throw new Error(`row ${table}:${id} not found for audit`);
  const { project } = auditedTable(table);
  return { actor, kind, refTable: table, refId: id, payload: { ...extra, row: project ? project(row) : row } };
}

/**
 * The same chain, appended synchronously on a raw SQLite connection: for the steps that run before any
 * service exists (a migration recording what it changed, the open-time witness check). Frozen migrations
 * call it, so its behaviour never changes.
 */
export class SqliteAuditLog {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {}

  append(input: AuditEntryInput): AuditHead {
    if (!this.db.inTransaction) throw new Error('audit entries are appended inside a transaction');
    const entry = nextEntry(this.head(), input, this.clock);
    this.db.prepare(INSERT_ENTRY).run(...entry);
    return { id: entry[0], hash: entry[8] };
  }

  appendRow(actor: string, kind: string, table: string, id: string | number, extra?: object): AuditHead {
    const { pk } = auditedTable(table);
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE ${pk} = ?`).get(id) as Record<string, unknown>;
    return this.append(rowEntry(actor, kind, table, id, row, extra));
  }

  head(): AuditHead | null {
    return (this.db.prepare(LAST_ENTRY).get() as AuditHead | undefined) ?? null;
  }
}
