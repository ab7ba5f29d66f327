import Database from 'better-sqlite3';
import type { CompiledSql, RunResult, Sql, SqlDialect, SqlParams } from './sql-port';
import { cacheStatements } from './statement-cache';

export const sqliteDialect: SqlDialect = {
  jsonText: (col, path) => `json_extract(${col}, '${path}')`,
  jsonNumber: (col, path) => `json_extract(${col}, '${path}')`,
  contains: (col) => `instr(${col}, ?) > 0`,
  tableColumns: 'SELECT name FROM pragma_table_info(?)',
  tableExists: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
  jsonIds: 'SELECT value FROM json_each(?)',
  jsonTexts: 'SELECT value FROM json_each(?)',
  jsonFlag: (col, path) => `json_extract(${col}, '${path}')`,
  jsonType: (col, path) => `CASE WHEN json_valid(${col}) THEN json_type(${col}, '${path}') END`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  likeNoCase: 'LIKE',
  jsonArrayRows: (columns, from, orderBy) =>
    `(SELECT json_group_array(json_array(${columns}) ORDER BY ${orderBy}) FROM ${from})`,
};

type Text = string | CompiledSql;

function split(text: Text, params: SqlParams | undefined): [string, unknown[]] {
  if (typeof text !== 'string') return [text.sql, text.parameters as unknown[]];
  // better-sqlite3 binds an object to @name placeholders itself.
  return [text, params === undefined ? [] : Array.isArray(params) ? params : [params]];
}

/**
 * Writers on one SQLite connection take turns: a transaction's callback awaits between statements, and a
 * second caller's BEGIN on the same connection would otherwise fail ("cannot start a transaction within a
 * transaction") or, worse, land its writes in the first caller's transaction.
 */
class TurnQueue {
  private tail: Promise<void> = Promise.resolve();
  busy = false;
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
      release();
    }
  }
}

/**
 * The port over one better-sqlite3 connection. Statements are compiled once per SQL text and run
 * synchronously; the promises only give both engines one shape.
 */
class SqliteSql implements Sql {
  readonly engine = 'sqlite' as const;
  readonly dialect = sqliteDialect;
  private savepoints = 0;

  constructor(
    readonly handle: Database.Database,
    private readonly turns: TurnQueue,
    readonly inTransaction: boolean,
  ) {}

  get origin(): object {
    return this.turns;
  }

  get readonly(): boolean {
    return this.handle.readonly;
  }

  async all<T>(text: Text, params?: SqlParams): Promise<T[]> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return this.handle.prepare(s).all(...p) as T[];
  }

  async get<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return this.handle.prepare(s).get(...p) as T | undefined;
  }

  async value<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return this.handle
      .prepare(s)
      .pluck()
      .get(...p) as T | undefined;
  }

  async column<T>(text: Text, params?: SqlParams): Promise<T[]> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return this.handle
      .prepare(s)
      .pluck()
      .all(...p) as T[];
  }

  async arrays<T extends unknown[]>(text: Text, params?: SqlParams): Promise<T[]> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return this.handle
      .prepare(s)
      .raw()
      .all(...p) as T[];
  }

  async insert(text: string, params?: SqlParams): Promise<number> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return Number(this.handle.prepare(s).run(...p).lastInsertRowid);
  }

  async run(text: Text, params?: SqlParams): Promise<RunResult> {
    const [s, p] = split(text, params);
    if (this.mustWait()) await this.waitOutsideTx();
    return { changes: this.handle.prepare(s).run(...p).changes };
  }

  async exec(script: string): Promise<void> {
    if (this.mustWait()) await this.waitOutsideTx();
    this.handle.exec(script);
  }

  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.inTransaction) return this.savepoint(fn);
    return this.turns.run(async () => {
      this.handle.prepare('BEGIN IMMEDIATE').run();
      const bound = new SqliteSql(this.handle, this.turns, true);
      try {
        const out = await fn(bound);
        this.handle.prepare('COMMIT').run();
        return out;
      } catch (e) {
        // A failed COMMIT or a statement error may already have ended it (SQLite rolls back on some errors).
        if (this.handle.inTransaction) this.handle.prepare('ROLLBACK').run();
        throw e;
      }
    });
  }

  async snapshot<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const file = this.handle.name;
    // An in-memory database has no second connection: it reads through this one.
    if (this.inTransaction || !file || file === ':memory:' || this.handle.memory) return fn(this);
    const reader = cacheStatements(new Database(file, { readonly: true, fileMustExist: true }));
    // A snapshot reads its pages once, in order (an export, a verify): SQLite's 2 MB default, not the
    // 16 MB better-sqlite3 gives a connection, which only added to a big export's memory.
    reader.pragma('cache_size = -2000');
    try {
      reader.exec('BEGIN');
      return await fn(new SqliteSql(reader, new TurnQueue(), false));
    } finally {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    }
  }

  async close(): Promise<void> {
    if (this.handle.open) this.handle.close();
  }

  private async savepoint<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.handle.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      this.handle.exec(`RELEASE ${name}`);
      return out;
    } catch (e) {
      if (this.handle.inTransaction) this.handle.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    } finally {
      this.savepoints--;
    }
  }

  /**
   * Outside a transaction a statement runs at once, unless another caller's transaction is open on this
   * connection: then it waits its turn, so it neither reads that caller's uncommitted rows nor writes into
   * its transaction. The common case (no one in a transaction) costs one flag test.
   */
  private async waitOutsideTx(): Promise<void> {
    await this.turns.run(async () => {});
  }

  /** Tested before awaiting, so a statement that need not wait skips the microtask an await costs. */
  private mustWait(): boolean {
    return !this.inTransaction && this.turns.busy;
  }
}

/** The port over an open better-sqlite3 connection (the connection stays the caller's to configure). */
export function sqliteSql(handle: Database.Database): Sql & { readonly handle: Database.Database } {
  return new SqliteSql(cacheStatements(handle), new TurnQueue(), false);
}

/** The SQLite connection under a port, for what only SQLite has (backups, pragmas, the file's checks). */
export function sqliteHandleOf(sql: Sql): Database.Database | null {
  return sql instanceof SqliteSql ? sql.handle : null;
}
