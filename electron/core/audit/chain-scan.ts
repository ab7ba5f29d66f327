import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { entryHash, type AuditRow } from './chain';

/**
 * Reading the chain, kept apart from checking it (chain-check.ts, verify-tasks.ts) so another engine's
 * reader (PostgreSQL) can feed the same checks. This one is SQLite's.
 */
export interface ChainReader {
  /** Entries in (afterId, untilId] in id order: id, stored link, stored hash, and the bytes `entryHash` hashes (null if not buildable). */
  hashedRange(afterId: number, untilId: number): Iterable<[number, string, string, Buffer | null]>;
  /** The first entry with an id in [fromId, untilId]: its id and stored hash. */
  firstFrom(fromId: number, untilId: number): [number, string] | undefined;
  /** One whole entry, for hashing it the exact way. */
  entry(id: number): AuditRow | undefined;
  hashOf(id: number): string | undefined;
}

/**
 * The bytes `entryHash` hashes, assembled by SQLite: the previous hash, a newline and the entry as
 * canonical JSON. json_object writes exactly that JSON (compact, keys in the order given, here sorted;
 * text escaped like JSON.stringify), in one pass in C — measured a third less CPU per entry than
 * concatenating the pieces and escaping the payload with replace(), and (issue 13, 200k entries of the
 * bench) cheaper than reading the raw columns and building the JSON in JavaScript (1.7 s vs 3.4 s CPU)
 * or escaping the payload's bytes in JavaScript (2.4 s). Hashing these bytes as they come also saves
 * decoding every payload into a JavaScript string. Where SQLite's JSON could differ from JSON.stringify
 * (a lone surrogate, an altered payload), the hash disagrees and the entry is hashed the exact way
 * before it is called wrong. SQLite-only: PostgreSQL's twin builds the same bytes its own way.
 */
const HASHED_BYTES = `CAST(prev_hash || char(10) || json_object('actor', actor, 'id', id, 'kind', kind,
  'payload', payload, 'ref_id', ref_id, 'ref_table', ref_table, 'ts', ts) AS BLOB)`;

export function sqliteChainReader(db: Database.Database): ChainReader {
  // Raw mode (arrays, no row objects): measured cheaper than objects on the hot path.
  const hashed = db
    .prepare(`SELECT id, prev_hash, hash, ${HASHED_BYTES} FROM audit_log WHERE id > ? AND id <= ? ORDER BY id`)
    .raw();
  const firstFrom = db.prepare('SELECT id, hash FROM audit_log WHERE id >= ? AND id <= ? ORDER BY id LIMIT 1').raw();
  const entry = db.prepare(
    'SELECT id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash FROM audit_log WHERE id = ?',
  );
  const hashOf = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  return {
    hashedRange: (afterId, untilId) =>
      hashed.iterate(afterId, untilId) as Iterable<[number, string, string, Buffer | null]>,
    firstFrom: (fromId, untilId) => firstFrom.get(fromId, untilId) as [number, string] | undefined,
    entry: (id) => entry.get(id) as AuditRow | undefined,
    hashOf: (id) => hashOf.get(id) as string | undefined,
  };
}

/** Hex digest compared as a string: measured cheaper than unhex() in SQL and comparing Buffers. */
const sha256 = (bytes: Buffer): string =>
  typeof crypto.hash === 'function'
    ? crypto.hash('sha256', bytes)
    : crypto.createHash('sha256').update(bytes).digest('hex');

/** Whether the stored hash is right for the entry's stored link and body. */
export function hashIsRight(reader: ChainReader, id: number, hash: string, bytes: Buffer | null): boolean {
  if (bytes !== null && sha256(bytes) === hash) return true;
  const r = reader.entry(id);
  return r !== undefined && entryHash(r.prev_hash, r) === r.hash;
}

/**
 * Calls `visit` for every entry after `afterId` in id order with its stored link and hash and whether
 * that hash is right (the check at open, from the last checkpoint). One prepared statement iterated in
 * raw mode: no row objects, no arrays kept, so memory stays flat whatever the length of the chain.
 */
export function scanChain(
  db: Database.Database,
  afterId: number,
  visit: (id: number, prevHash: string, hash: string, hashOk: boolean) => void,
): number {
  const reader = sqliteChainReader(db);
  let n = 0;
  // Infinity binds as a REAL every id is below: no upper bound.
  for (const [id, prevHash, hash, bytes] of reader.hashedRange(afterId, Infinity)) {
    n++;
    visit(id, prevHash, hash, hashIsRight(reader, id, hash, bytes));
  }
  return n;
}
