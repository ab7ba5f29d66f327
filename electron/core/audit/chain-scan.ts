import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { entryHash, type AuditRow } from './chain';

/**
 * The bytes `entryHash` hashes, assembled by SQLite: the previous hash, a newline and the entry as
 * canonical JSON. json_object writes exactly that JSON (compact, keys in the order given, here sorted;
 * text escaped like JSON.stringify), in one pass in C — measured a third less CPU per entry than
 * concatenating the pieces and escaping the payload with replace(), the bulk of verifying a million
 * entries. Hashing these bytes as they come also saves decoding every payload into a JavaScript string.
 * Where SQLite's JSON could differ from JSON.stringify (a lone surrogate, an altered payload), the hash
 * disagrees and the entry is hashed the exact way before it is called wrong.
 */
const HASHED_BYTES = `CAST(prev_hash || char(10) || json_object('actor', actor, 'id', id, 'kind', kind,
  'payload', payload, 'ref_id', ref_id, 'ref_table', ref_table, 'ts', ts) AS BLOB)`;

const sha256 = (bytes: Buffer): string =>
  typeof crypto.hash === 'function'
    ? crypto.hash('sha256', bytes)
    : crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * Calls `visit` for every entry after `afterId` (at most `limit`; -1 for all) in id order with its stored link and hash and whether
 * that hash is right. One prepared statement iterated in raw mode: no row objects, no arrays kept, so
 * memory stays flat whatever the length of the chain.
 */
export function scanChain(
  db: Database.Database,
  afterId: number,
  visit: (id: number, prevHash: string, hash: string, hashOk: boolean) => void,
  limit = -1,
): number {
  const exact = db.prepare(
    'SELECT id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash FROM audit_log WHERE id = ?',
  );
  const rows = db
    .prepare(`SELECT id, prev_hash, hash, ${HASHED_BYTES} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`)
    .raw()
    .iterate(afterId, limit) as Iterable<[number, string, string, Buffer | null]>;
  let n = 0;
  for (const [id, prevHash, hash, bytes] of rows) {
    n++;
    let ok = bytes !== null && sha256(bytes) === hash;
    if (!ok) {
      const r = exact.get(id) as AuditRow;
      ok = entryHash(r.prev_hash, r) === r.hash;
    }
    visit(id, prevHash, hash, ok);
  }
  return n;
}
