import type Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import type { VerifyResult } from '../contract/audit';
import { verifyOverPort } from '../audit/verify-port';
import { sharedSchemaVersion, mayMigrate } from './open-shared';
import { migratePostgres, PG_LATEST_VERSION, resyncIdentities } from './pg/migrate';
import { schemaVersion } from './open';
import { LATEST_VERSION } from './migrations';
import type { Sql } from './sql-port';

export interface MigrateToResult {
  tables: { table: string; rows: number }[];
  verify: VerifyResult;
}

interface Table {
  name: string;
  columns: string[];
}

/** Rows per INSERT: well inside PostgreSQL's 65,535 bind parameters for the widest table. */
const ROWS_PER_BATCH = 500;

/**
 * `duty-room migrate-to`: copies a single-seat SQLite record into an EMPTY PostgreSQL database, ids and
 * all, so the audit chain arrives byte for byte. The target gets the schema only (no starting records:
 * the record brings its own db.created and history). Every table is copied in id order, in batches,
 * inside ONE transaction, which before it commits checks each table's row count and then runs the full
 * verify (chain, anchors, rows) on the server's side: anything short of a perfect copy rolls back and
 * leaves the target as empty as it was. A target with any row in it is refused, never merged into.
 */
export async function migrateTo(
  source: Database.Database,
  target: Sql,
  opts: { appVersion: string; now: () => string; onTable?: (table: string, rows: number) => void },
): Promise<MigrateToResult> {
  if (schemaVersion(source) !== LATEST_VERSION || PG_LATEST_VERSION !== LATEST_VERSION)
    throw new AppError('db.copy_mismatch', { detail: `schema ${schemaVersion(source)} ≠ ${PG_LATEST_VERSION}` });
  const found = await sharedSchemaVersion(target);
  if (found > PG_LATEST_VERSION) throw new AppError('db.newer_than_app', { found, supported: PG_LATEST_VERSION });
  if (found > 0) await refuseRows(target, await tablesOf(target));
  if (found < PG_LATEST_VERSION) {
    if (!(await mayMigrate(target))) throw new AppError('db.schema_behind', { found, needed: PG_LATEST_VERSION });
    await migratePostgres(target, { appVersion: opts.appVersion, now: opts.now, records: false });
  }
  const tables = await copyOrder(target, await tablesOf(target));
  checkSourceFits(source, tables);
  return target.tx(async (t) => {
    // Under the chain lock: no seat can write between the emptiness check and the commit.
    await refuseRows(t, tables);
    const copied: { table: string; rows: number }[] = [];
    for (const table of tables) {
      const rows = await copyTable(source, t, table);
      const arrived = (await t.value<number>(`SELECT count(*) FROM ${table.name}`)) ?? 0;
      if (arrived !== rows) throw new AppError('db.copy_mismatch', { detail: `${table.name}: ${arrived} ≠ ${rows}` });
      copied.push({ table: table.name, rows });
      opts.onTable?.(table.name, rows);
    }
    await resyncIdentities(t);
    const verify = await verifyOverPort(t);
    const head = source.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { id: number; hash: string } | undefined;
    if (!verify.ok || verify.head?.id !== head?.id || verify.head?.hash !== head?.hash) {
      const p = verify.firstProblem;
      throw new AppError('db.copy_mismatch', {
        detail: p ? `audit #${p.entryId ?? '?'} ${p.kind}` : `audit head ${verify.head?.id ?? 0} ≠ ${head?.id ?? 0}`,
      });
    }
    return { tables: copied, verify };
  });
}

/** The server's tables (schema_migrations aside) with the columns a copy writes (not the generated ones). */
async function tablesOf(sql: Sql): Promise<Table[]> {
  const cols = await sql.all<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.is_generated = 'NEVER' AND c.table_name <> 'schema_migrations'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of cols) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

/** Referenced tables before the tables that reference them (foreign keys hold on every insert). */
async function copyOrder(sql: Sql, tables: Table[]): Promise<Table[]> {
  const refs = await sql.all<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
  );
  const out: Table[] = [];
  const placed = new Set<string>();
  const visit = (t: Table, path: Set<string>) => {
    if (placed.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const r of refs)
      if (r.child === t.name && r.parent !== t.name)
        visit(
          tables.find((x) => x.name === r.parent)!,
          path,
        );
    placed.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

async function refuseRows(sql: Sql, tables: Table[]): Promise<void> {
  for (const t of tables) {
    const rows = (await sql.value<number>(`SELECT count(*) FROM ${t.name}`)) ?? 0;
    if (rows > 0) throw new AppError('db.target_not_empty', { table: t.name, rows });
  }
}

/** Every SQLite table has its place on the server (FTS5's shadow tables are the index's own). */
function checkSourceFits(source: Database.Database, tables: Table[]): void {
  const names = source
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const name of names) {
    if (name.startsWith('search_fts_')) continue;
    if (!tables.some((t) => t.name === name))
      throw new AppError('db.copy_mismatch', { detail: `${name}: no such table on the server` });
  }
}

async function copyTable(source: Database.Database, sql: Sql, table: Table): Promise<number> {
  // search_fts is FTS5 in SQLite: its id is the rowid search-index.ts assigned.
  const select = table.columns.map((c) => (c === 'id' && table.name === 'search_fts' ? 'rowid AS id' : c));
  // In id order; a table without an id (settings, WITHOUT ROWID tables) in its primary key's order.
  const pk = source
    .prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk')
    .pluck()
    .all(table.name) as string[];
  const order = table.columns.includes('id') ? ' ORDER BY id' : pk.length ? ` ORDER BY ${pk.join(', ')}` : '';
  const rows = source.prepare(`SELECT ${select.join(', ')} FROM ${table.name}${order}`).raw();
  const head = `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES `;
  const one = `(${table.columns.map(() => '?').join(', ')})`;
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await sql.run(head + batch.map(() => one).join(', '), batch.flat());
    count += batch.length;
    batch = [];
  };
  for (const row of rows.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === ROWS_PER_BATCH) await flush();
  }
  await flush();
  return count;
}
