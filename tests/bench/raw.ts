import type Database from 'better-sqlite3';

/**
 * The raw better-sqlite3 baseline for writes: mirror tables in the same file (same columns, same
 * indexes, the same FTS5 tokenizer; no foreign keys or triggers), filled with the seeded rows so their
 * B-trees are as deep as the product's, into which the exact rows the product wrote are inserted again
 * with plain prepared INSERTs and the same commit pattern.
 */
const TABLES = ['incidents', 'incident_versions', 'audit_log', 'search_fts', 'open_deadlines', 'open_incidents'];
const mirror = (t: string) => `bench_raw_${t}`;

export function createMirrors(db: Database.Database): void {
  for (const t of TABLES) {
    // A reused BENCH_DIR still has the last run's mirrors: start them afresh from the product's rows.
    db.exec(`DROP TABLE IF EXISTS ${mirror(t)}`);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(t) as string;
    db.exec(
      sql
        .replace(new RegExp(`^CREATE (VIRTUAL )?TABLE ${t}\\b`), `CREATE $1TABLE ${mirror(t)}`)
        .replace(/REFERENCES \w+\(\w+\)/g, ''),
    );
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
      .all(t) as { name: string; sql: string }[];
    for (const i of indexes)
      db.exec(i.sql.replace(`INDEX ${i.name} ON ${t}`, `INDEX ${mirror(i.name)} ON ${mirror(t)}`));
    const cols = columns(db, t);
    db.exec(`INSERT INTO ${mirror(t)} (${cols}) SELECT ${cols} FROM ${t}`);
  }
}

function columns(db: Database.Database, t: string): string {
  const names = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).join(', ');
  return t === 'search_fts' ? `rowid, ${names}` : names;
}

/** The rows one product write added, by table, captured so the baseline can insert the same ones. */
export type Captured = [table: string, rows: unknown[][]][];

export function capture(db: Database.Database, incidentIds: number[], auditAfter: number): Captured {
  const ids = JSON.stringify(incidentIds);
  const select = (t: string, where: string, arg: unknown) =>
    db
      .prepare(`SELECT ${columns(db, t)} FROM ${t} WHERE ${where}`)
      .raw()
      .all(arg) as unknown[][];
  return [
    ['incidents', select('incidents', 'id IN (SELECT value FROM json_each(?))', ids)],
    ['incident_versions', select('incident_versions', 'incident_id IN (SELECT value FROM json_each(?))', ids)],
    ['audit_log', select('audit_log', 'id > ?', auditAfter)],
    ['search_fts', select('search_fts', 'rowid IN (SELECT 1e12 + value FROM json_each(?))', ids)],
    ['open_deadlines', select('open_deadlines', 'incident_id IN (SELECT value FROM json_each(?))', ids)],
    ['open_incidents', select('open_incidents', 'incident_id IN (SELECT value FROM json_each(?))', ids)],
  ];
}

/** Inserts captured rows into the mirrors with prepared statements (compiled once, outside the timing). */
export function rawInserter(db: Database.Database): (rows: Captured) => void {
  const stmts = new Map(
    TABLES.map((t) => {
      const cols = columns(db, t);
      const marks = cols
        .split(',')
        .map(() => '?')
        .join(', ');
      return [t, db.prepare(`INSERT INTO ${mirror(t)} (${cols}) VALUES (${marks})`)];
    }),
  );
  return (rows) => {
    for (const [t, list] of rows) for (const r of list) stmts.get(t)!.run(...r);
  };
}
