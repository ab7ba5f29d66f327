import type { Sql } from './sql-port';
import { sqliteHandleOf } from './sql-sqlite';

/** The schema step the record is at: SQLite's user_version, PostgreSQL's migration table. */
export async function schemaVersionOf(sql: Sql): Promise<number> {
  const handle = sqliteHandleOf(sql);
  if (handle) return handle.pragma('user_version', { simple: true }) as number;
  return (await sql.value<number>('SELECT max(version) FROM schema_migrations')) ?? 0;
}
