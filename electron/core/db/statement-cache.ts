import type Database from 'better-sqlite3';

const CACHED = Symbol('statementCache');

/**
 * Makes `db.prepare` return one compiled statement per SQL text. Repositories call `prepare` where they
 * use it (readable, and the SQL sits next to its use); compiling it on every call cost more than the
 * write itself (issue 13: writes at 5–9 % of raw inserts). A cached statement keeps the mode a caller
 * set (`pluck`, `raw`), so each hit is reset to plain rows first; one still being iterated is busy, and
 * that caller gets a fresh statement instead.
 */
export function cacheStatements(db: Database.Database): Database.Database {
  const tagged = db as Database.Database & { [CACHED]?: true };
  if (tagged[CACHED]) return db;
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      return hit;
    }
    const fresh = compile(sql);
    // Dynamic SQL (filters) has a bounded set of shapes; the cap is a guard, not a policy.
    if (!hit && cache.size < 2000) cache.set(sql, fresh);
    return fresh;
  }) as Database.Database['prepare'];
  tagged[CACHED] = true;
  return db;
}
