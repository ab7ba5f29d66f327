/**
 * A shared record made by an older build moves up step by step on PostgreSQL, as SQLite's do
 * (migrations.test.ts): the rows and the chain written at the previous step stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { migratePostgres, PG_MIGRATIONS } from '../../electron/core/db/pg/migrate';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { freshDatabase, pgUrl } from '../pg/databases';

const opts = { appVersion: 'test', now: () => '2026-11-28T00:00:00.000Z' };

describe.skipIf(!pgUrl())('PostgreSQL migrations from the previous step', () => {
  for (const [i, step] of PG_MIGRATIONS.entries()) {
    if (i === 0) continue;
    const previous = PG_MIGRATIONS[i - 1]!.version;
    it(`${previous} → ${step.version} (${step.name}) keeps every record and the audit chain`, async () => {
      const sql = postgresSql({ url: await freshDatabase('upgrade') });
      try {
        expect(await migratePostgres(sql, { ...opts, targetVersion: previous })).toMatchObject({ to: previous });
        const plans = await sql.all('SELECT * FROM plans ORDER BY id');
        const chain = await sql.all('SELECT id, hash FROM audit_log ORDER BY id');
        expect(plans.length).toBeGreaterThan(0); // the record the older build started with
        await migratePostgres(sql, opts);
        expect(await sql.value('SELECT max(version) FROM schema_migrations')).toBe(LATEST_VERSION);
        expect(await sql.all('SELECT * FROM plans ORDER BY id')).toEqual(plans);
        // The step's own entry goes on top; every older entry stays exactly as it was.
        const after = await sql.all<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id');
        expect(after.slice(0, chain.length)).toEqual(chain);
        expect(after.length).toBeGreaterThan(chain.length);
      } finally {
        await sql.close();
      }
    });
  }
});
