import type pg from 'pg';
import { pgLib } from './pg-lib';
import type { CompiledSql, RunResult, Sql, SqlDialect, SqlParams } from './sql-port';
import { toNumberedNamed, toNumberedParams } from './pg/placeholders';
import { fromPostgresError } from './postgres-errors';

/**
 * The one advisory-lock key every writer takes first (`pg_advisory_xact_lock`): the chain head. Writers
 * across all seats serialise on it exactly as SQLite's BEGIN IMMEDIATE serialises them on one file, so
 * two seats appending at once produce one chain, never a fork. ("DRCHAIN" in ASCII; any fixed key works,
 * but every seat and migrator must use this one.)
 */
export const CHAIN_LOCK_KEY = 0x44524348414e;

/** JSON paths `'$.a.b'` as PostgreSQL text-array paths `'{a,b}'`. */
const jsonPath = (path: string) =>
  `'{${path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .join(',')}}'`;

export const postgresDialect: SqlDialect = {
  jsonText: (col, path) => `((${col})::jsonb #>> ${jsonPath(path)})`,
  jsonNumber: (col, path) => `((${col})::jsonb #>> ${jsonPath(path)})::float8`,
  contains: (col) => `strpos(${col}, ?) > 0`,
  tableColumns:
    'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
  tableExists: 'SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?',
  jsonIds: 'SELECT (json_array_elements_text(?::json))::bigint AS value',
  jsonTexts: 'SELECT json_array_elements_text(?::json) AS value',
  jsonFlag: (col, path) => `(((${col})::jsonb #> ${jsonPath(path)}) = 'true'::jsonb)::int`,
  jsonType: (col, path) => `jsonb_typeof((${col})::jsonb #> ${jsonPath(path)})`,
  indexedBy: () => '',
  likeNoCase: 'ILIKE',
  // As text, so both engines hand back the same string (pg would parse a json column itself).
  jsonArrayRows: (columns, from, orderBy) =>
    `(SELECT coalesce(json_agg(json_build_array(${columns}) ORDER BY ${orderBy}), '[]')::text FROM ${from})`,
};

/**
 * int8 (counts, bigint ids) and numeric come back from `pg` as strings by default; the port promises
 * numbers on both engines (ids stay below 2^53). Scoped to this port's pool, not pg's global parsers.
 */
function numberTypes(): pg.CustomTypesConfig {
  const { TypeOverrides, types: builtin } = pgLib();
  const types = new TypeOverrides();
  types.setTypeParser(builtin.builtins.INT8, (v: string) => Number(v));
  types.setTypeParser(builtin.builtins.NUMERIC, (v: string) => Number(v));
  return types;
}

type Text = string | CompiledSql;
type Queryable = pg.Pool | pg.PoolClient;

function split(text: Text, params: SqlParams | undefined): [string, unknown[]] {
  if (typeof text !== 'string') return [text.sql, [...text.parameters]];
  const [s, p] = Array.isArray(params)
    ? [toNumberedParams(text), params as unknown[]]
    : params
      ? toNumberedNamed(text, params as Readonly<Record<string, unknown>>)
      : [toNumberedParams(text), []];
  // pg sends a Buffer as bytea; a plain Uint8Array would be serialised as JSON.
  return [s, p.map((v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v))];
}

class PostgresSql implements Sql {
  readonly engine = 'postgres' as const;
  readonly dialect = postgresDialect;
  private savepoints = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: Queryable,
    readonly inTransaction: boolean,
    readonly readonly: boolean,
  ) {}

  private async query(text: Text, params: SqlParams | undefined, arrays: boolean): Promise<pg.QueryResult> {
    const [s, values] = split(text, params);
    try {
      return arrays
        ? await this.target.query({ text: s, values, rowMode: 'array' })
        : await this.target.query({ text: s, values });
    } catch (e) {
      throw fromPostgresError(e, s) ?? e;
    }
  }

  async all<T>(text: Text, params?: SqlParams): Promise<T[]> {
    return (await this.query(text, params, false)).rows as T[];
  }

  async get<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    return (await this.query(text, params, false)).rows[0] as T | undefined;
  }

  async value<T>(text: Text, params?: SqlParams): Promise<T | undefined> {
    const row = (await this.query(text, params, true)).rows[0] as unknown[] | undefined;
    return row?.[0] as T | undefined;
  }

  async column<T>(text: Text, params?: SqlParams): Promise<T[]> {
    return (await this.query(text, params, true)).rows.map((r: unknown[]) => r[0] as T);
  }

  async arrays<T extends unknown[]>(text: Text, params?: SqlParams): Promise<T[]> {
    return (await this.query(text, params, true)).rows as T[];
  }

  async insert(text: string, params?: SqlParams): Promise<number> {
    return Number(await this.value(`${text} RETURNING id`, params));
  }

  get origin(): object {
    return this.pool;
  }

  /** The pool's connection settings (URL, TLS, timeouts), for a seat's own connection beside it. */
  get clientConfig(): pg.ClientConfig {
    return { ...this.pool.options };
  }

  async snapshot<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw fromPostgresError(e) ?? e;
    }
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const out = await fn(new PostgresSql(this.pool, client, false, true));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw fromPostgresError(e) ?? e;
    } finally {
      client.release();
    }
  }

  async run(text: Text, params?: SqlParams): Promise<RunResult> {
    return { changes: (await this.query(text, params, false)).rowCount ?? 0 };
  }

  async exec(script: string): Promise<void> {
    try {
      // No values: pg uses the simple protocol, which runs several statements in one round trip.
      await this.target.query(script);
    } catch (e) {
      throw fromPostgresError(e, script) ?? e;
    }
  }

  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.inTransaction) return this.savepoint(fn);
    const { client, lost } = await this.begin();
    try {
      const bound = new PostgresSql(this.pool, client, true, this.readonly);
      try {
        await bound.run(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
        const out = await fn(bound);
        await bound.exec('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch((err: Error) => (lost.error ??= err));
        throw e;
      }
    } catch (e) {
      // A connection that failed mid-transaction is discarded, not handed to the next writer.
      if (fromPostgresError(e)?.code === 'db.unavailable') lost.error ??= e as Error;
      throw e;
    } finally {
      client.off('error', lost.listener);
      client.release(lost.error);
    }
  }

  /**
   * A pooled connection with a transaction begun. A connection the server dropped while it sat idle is
   * only noticed when used: BEGIN on it fails having done nothing, so one fresh connection is tried
   * before the seat reports `db.unavailable`.
   */
  private async begin(): Promise<{ client: pg.PoolClient; lost: { error?: Error; listener: (e: Error) => void } }> {
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (e) {
        throw fromPostgresError(e) ?? e;
      }
      // A checked-out client has no pool listener: a connection dropped between statements would
      // otherwise be an uncaught 'error' event. Remembered instead, and the client discarded on release.
      const lost: { error?: Error; listener: (e: Error) => void } = { listener: (e) => (lost.error ??= e) };
      client.on('error', lost.listener);
      try {
        await client.query('BEGIN');
        return { client, lost };
      } catch (e) {
        client.off('error', lost.listener);
        client.release(e as Error);
        const mapped = fromPostgresError(e, 'BEGIN');
        if (mapped?.code !== 'db.unavailable' || attempt > 0) throw mapped ?? e;
      }
    }
  }

  async close(): Promise<void> {
    if (!this.inTransaction && !this.pool.ended) await this.pool.end();
  }

  private async savepoint<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      await this.exec(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      await this.exec(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
      throw e;
    } finally {
      this.savepoints--;
    }
  }
}

export interface PostgresOptions {
  /** `postgres://user:pass@host:port/db?sslmode=verify-full&sslrootcert=…` (pg's connection string). */
  url: string;
  /** Connections this seat may hold (default 4: one writer at a time, readers beside it). */
  max?: number;
  /** Give up connecting after this long, so a lost server is reported rather than hung on (default 5 s). */
  connectTimeoutMs?: number;
  /** Sets `default_transaction_read_only` for this seat's sessions. */
  readonly?: boolean;
  /** The pool's idle clients losing their server: the seat shows `db.unavailable` in its header. */
  onError?: (e: Error) => void;
  /** Shown in pg_stat_activity: which seat holds which connection. */
  applicationName?: string;
}

/** A PostgreSQL port's connection settings (the change feed's LISTEN client), or null on SQLite. */
export function postgresClientConfig(sql: Sql): pg.ClientConfig | null {
  return sql instanceof PostgresSql ? sql.clientConfig : null;
}

/** The port over a `pg` pool; `close()` ends the pool. */
export function postgresSql(opts: PostgresOptions): Sql {
  const pool = new (pgLib().Pool)({
    connectionString: opts.url,
    max: opts.max ?? 4,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    application_name: opts.applicationName ?? 'duty-room',
    types: numberTypes(),
    options: opts.readonly ? '-c default_transaction_read_only=on' : undefined,
  });
  // Without a listener an idle connection's error (server restarted) would crash the process.
  pool.on('error', (e) => opts.onError?.(e));
  return new PostgresSql(pool, pool, false, opts.readonly ?? false);
}
