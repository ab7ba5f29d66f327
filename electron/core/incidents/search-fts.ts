import type { CoreContext } from '../context';
import { postgresFts } from './search-fts-postgres';
import { sqliteFts } from './search-fts-sqlite';
import type { TextQuery } from './search-text';

/**
 * The index reads that differ between the engines: SQLite's search_fts is an FTS5 table (bigram tokens,
 * rowid = the entry's fixed id), PostgreSQL's a plain table with the same columns, `id` for the rowid,
 * and a generated `tokens text[]` under a GIN index (db/pg/baseline-roster.ts). Everything else the
 * searches do (ranges per kind, newest first, joins) is the same SQL on both.
 */
export interface FtsEngine {
  /** The column holding an entry's fixed id (search-index.ts ftsRowId). */
  readonly key: string;
  /** The condition that an entry of table alias `t` ('' or 'f.') matches `query`, and its parameters. */
  matches(query: TextQuery, t?: string): [sql: string, params: unknown[]];
  /** The select-list expression a hit's snippet is made from. */
  readonly snippetSource: string;
  /** A hit's snippet (index text, still in bigrams) from the value of `snippetSource`. */
  snippet(source: string, query: TextQuery): string;
}

export const ftsOf = (ctx: CoreContext): FtsEngine => (ctx.sql.engine === 'postgres' ? postgresFts : sqliteFts);
