import Database from 'better-sqlite3';
import { GENESIS_PREV, entryHash, type AuditRow } from '../../electron/core/audit/chain';

/** Opens the file as an intruder with the sqlite3 shell would: the append-only triggers dropped. */
export function intruder(file: string): Database.Database {
  const raw = new Database(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  return raw;
}

/**
 * A careful forger: rewrites the chain as `transform` says (edit, insert, drop entries) and re-hashes
 * everything, renumbering so the chain itself is flawless.
 */
export function forgeChain(raw: Database.Database, transform: (rows: AuditRow[]) => AuditRow[]): void {
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  const out = transform(rows.map((r) => ({ ...r })));
  const insert = raw.prepare(
    `INSERT INTO audit_log (id, ts, actor, kind, ref_table, ref_id, payload, prev_hash, hash)
     VALUES (@id, @ts, @actor, @kind, @ref_table, @ref_id, @payload, @prev_hash, @hash)`,
  );
  raw.transaction(() => {
    raw.prepare('DELETE FROM audit_log').run();
    let prev = GENESIS_PREV;
    out.forEach((r, i) => {
      const row = { ...r, id: i + 1 };
      const hash = entryHash(prev, row);
      insert.run({ ...row, prev_hash: prev, hash });
      prev = hash;
    });
  })();
}

export function lastId(raw: Database.Database): number {
  return raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
}
