import type Database from 'better-sqlite3';
import type { CompiledSql, RunResult, Sql, SqlDialect, SqlParams } from './sql-port';
import { cacheStatements } from './statement-cache';

export const sqliteDialect: SqlDialect = {
  jsonText: (col, path) => `json_extract(${col}, '${path}')`,
  jsonNumber: (col, path) => `json_extract(${col}, '${path}')`,
  contains: (col) => `instr(${col}, ?) > 0`,
};

type Text = string | CompiledSql;

function split(text: Text, params: SqlParams | undefined): [string, unknown[]] {
  if (typeof text === 'string') return [text, (params ?? []) as unknown[]];
  return [text.sql, text.parameters as unknown[]];
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

  get readonly(): boolean {
    return this.handle.readonly;
  }

  async all<T>(text: Text, params?: SqlParams): Promise<T[]> {
    const [s, p] = split(text, params);
    await this.waitOutsideTx();
    return this.handle.prepare(s).all(...p) as T[];
  }

  async get<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    const [s, p] = split(text, params);
    await this.waitOutsideTx();
    return this.handle.prepare(s).get(...p) as T | undefined;
  }

  async value<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    const [s, p] = split(text, params);
    await this.waitOutsideTx();
    return this.handle
      .prepare(s)
      .pluck()
      .get(...p) as T | undefined;
  }

  async column<T>(text: Text, params?: SqlParams): Promise<T[]> {
    const [s, p] = split(text, params);
    await this.waitOutsideTx();
    return this.handle
      .prepare(s)
      .pluck()
      .all(...p) as T[];
  }

  async run(text: Text, params?: SqlParams): Promise<RunResult> {
    const [s, p] = split(text, params);
    await this.waitOutsideTx();
    return { changes: this.handle.prepare(s).run(...p).changes };
  }

  async exec(script: string): Promise<void> {
    await this.waitOutsideTx();
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
  private waitOutsideTx(): Promise<void> | void {
    if (!this.inTransaction && this.turns.busy) return this.turns.run(async () => {});
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
