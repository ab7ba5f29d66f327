import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { entryHash, type AuditRow } from './chain';

/**
 * The bytes `entryHash` hashes, assembled by SQLite: the previous hash, a newline and the entry as
 * canonical JSON, whose payload is the stored canonical text as a JSON string (only `\` and `"` need
 * escaping: canonical JSON holds no raw control characters). Hashing these bytes as they come saves
 * decoding every payload into a JavaScript string and escaping it again — the cost of verifying a
 * million entries. Where SQLite's quoting could differ from JSON.stringify (a control character in an
 * actor, an altered payload), the hash disagrees and the entry is hashed the exact way before it is
 * called wrong.
 */
const HASHED_BYTES = `CAST(prev_hash || char(10) || '{"actor":' || json_quote(actor) || ',"id":' || id
  || ',"kind":' || json_quote(kind)
  || ',"payload":"' || replace(replace(payload, '\\', '\\\\'), '"', '\\"')
  || '","ref_id":' || json_quote(ref_id) || ',"ref_table":' || json_quote(ref_table)
  || ',"ts":' || json_quote(ts) || '}' AS BLOB)`;

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
