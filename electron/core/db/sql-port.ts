/**
 * The one query layer every repository speaks through, on either engine: better-sqlite3 (one seat, the
 * embedded default) or PostgreSQL (a shared duty room). Repositories write SQL once, with `?` placeholders,
 * in the subset both engines share (`RETURNING`, `ON CONFLICT … DO NOTHING`, CTEs, window functions); the
 * few real differences (JSON paths, full-text search, upserts of settings) go through `dialect`.
 *
 * Why a port of our own under Kysely's typed builder rather than Kysely's executors: the SQLite side keeps
 * cached prepared statements run synchronously (issue 13's write and read targets are measured against
 * raw better-sqlite3, and a promise per statement through a driver mutex costs more than the insert), while
 * the PostgreSQL side is `pg`'s pool. Typed queries built with Kysely compile to `{ sql, parameters }` for
 * either dialect and run through the same `all/get/run`.
 */
export type Engine = 'sqlite' | 'postgres';

/** What a parameter may be: booleans are stored as 0/1 on both engines, times as ISO-8601 text. */
export type SqlParam = string | number | bigint | null | Buffer | Uint8Array;
export type SqlParams = readonly unknown[] | NamedParams;
/** Values for `@name` placeholders (a row's columns), for statements that list many. */
export type NamedParams = Readonly<Record<string, unknown>>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** A query Kysely compiled (`builder.compile()`), run through the port like a text query. */
export interface CompiledSql {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export interface SqlDialect {
  /** `col` holds JSON text; the text value at `path` (`'$.a.b'`), NULL when absent. */
  jsonText(col: string, path: string): string;
  /** The same as a number (integer or real). */
  jsonNumber(col: string, path: string): string;
  /** Case-sensitive substring test of `col` against a parameter holding the plain needle. */
  contains(col: string): string;
  /** A query with one parameter (a table name) returning its column names, one row each. */
  readonly tableColumns: string;
  /** A query with one parameter (a table name) returning a row when that table exists. */
  readonly tableExists: string;
  /** `SELECT value FROM …` over a parameter holding a JSON array of integers (one row per element). */
  readonly jsonIds: string;
  /** The same over a JSON array of strings. */
  readonly jsonTexts: string;
  /** A JSON boolean at `path` as 1/0 (NULL when absent): PostgreSQL's text 'false' would read as true. */
  jsonFlag(col: string, path: string): string;
  /** The JSON type name at `path` ('object', 'null', …), NULL when absent or when `col` is not JSON. */
  jsonType(col: string, path: string): string;
  /** A hint naming the index a scan must walk (SQLite's planner needs it; PostgreSQL has none: ''). */
  indexedBy(index: string): string;
  /** The pattern operator that ignores letter case, as SQLite's LIKE does (PostgreSQL: ILIKE). */
  readonly likeNoCase: string;
  /**
   * A scalar subquery: JSON text of an array holding, for each row of `from` (a table and its WHERE, may
   * refer to the outer query) in `orderBy` order, the array of `columns`; '[]' when there is none. One
   * query brings each row's children (an incident's reports) instead of a second query per page.
   */
  jsonArrayRows(columns: string, from: string, orderBy: string): string;
}

export interface Sql {
  readonly engine: Engine;
  readonly dialect: SqlDialect;
  /** Every row. Integers come back as JS numbers on both engines (ids stay below 2^53). */
  all<T = unknown>(text: string | CompiledSql, params?: SqlParams): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = unknown>(text: string | CompiledSql, params?: SqlParams): Promise<T | undefined>;
  /** The first column of the first row (`SELECT count(*) …`, `INSERT … RETURNING id`), or undefined. */
  value<T = unknown>(text: string | CompiledSql, params?: SqlParams): Promise<T | undefined>;
  /** The first column of every row. */
  column<T = unknown>(text: string | CompiledSql, params?: SqlParams): Promise<T[]>;
  /** Every row as an array of column values (hot paths that would only destructure the objects). */
  arrays<T extends unknown[] = unknown[]>(text: string | CompiledSql, params?: SqlParams): Promise<T[]>;
  /** An INSERT of one row into a table keyed by `id`: the new row's id (PostgreSQL appends RETURNING id). */
  insert(text: string, params?: SqlParams): Promise<number>;
  /** A write without rows back. */
  run(text: string | CompiledSql, params?: SqlParams): Promise<RunResult>;
  /** Several statements without parameters (DDL). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in one transaction and hands it the port bound to that transaction: everything written
   * through it, and the audit entries recording it, commit together or not at all. Writers queue for the
   * write lock first (SQLite: BEGIN IMMEDIATE behind an in-process queue; PostgreSQL: an advisory lock on
   * the chain head), so two writers wait rather than fail or fork the chain. `tx` on the bound port joins
   * the transaction as a savepoint, so a nested failure can be caught without losing the outer work.
   * `fn` must not wait on anything but the port while the transaction is open (no file or network I/O):
   * a SQLite seat has one connection, and the lock blocks every other writer.
   */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * A long read (an export, a report over a year) that awaits between slices sees one consistent state
   * of the record while other seats and requests keep writing: SQLite gives it its own read-only
   * connection in a WAL read transaction, PostgreSQL a REPEATABLE READ, READ ONLY transaction.
   */
  snapshot<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** True for the port `tx` handed to its callback. */
  readonly inTransaction: boolean;
  readonly readonly: boolean;
  /** One object for a port and every port bound from it: the key for a per-record cache. */
  readonly origin: object;
  close(): Promise<void>;
}
