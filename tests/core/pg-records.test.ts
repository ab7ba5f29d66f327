/**
 * A new shared duty room starts with the records a new single-seat one has (issue 15): the same plans,
 * plan versions and settings, and the same audit entries for them, so features behave alike from the
 * first minute on either engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import type { Sql } from '../../electron/core/db/sql-port';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { migratePostgres, PG_MIGRATIONS } from '../../electron/core/db/pg/migrate';
import { freshDatabase, pgUrl } from '../pg/databases';

const START = '2026-11-23T01:00:00.000Z';

/** Rows and entries as both engines hold them, without what differs by design (step bookkeeping). */
async function startingRecords(sql: Sql) {
  return {
    plans: await sql.all('SELECT * FROM plans ORDER BY id'),
    versions: await sql.all('SELECT * FROM plan_versions ORDER BY id'),
    settings: await sql.all('SELECT * FROM settings ORDER BY key'),
    people: await sql.all('SELECT * FROM people ORDER BY id'),
    entries: await sql.all(
      `SELECT ts, actor, kind, ref_table, ref_id, payload FROM audit_log WHERE kind <> 'db.migrated' ORDER BY id`,
    ),
  };
}

describe.skipIf(!pgUrl())('a new record on PostgreSQL', () => {
  let dir: string;
  let lite: Sql;
  let server: Sql;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-records-'));
    lite = sqliteSql(openDatabase(join(dir, 'duty.db'), { clock: new ManualClock(START), appVersion: 'test' }));
    server = postgresSql({ url: await freshDatabase('records') });
    await migratePostgres(server, { appVersion: 'test', now: () => START });
  });
  afterAll(async () => {
    await lite?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the same plans, settings and audited starting entries as a new SQLite record', async () => {
    const [a, b] = [await startingRecords(lite), await startingRecords(server)];
    expect(b.plans).toHaveLength(4);
    expect(b.versions).toHaveLength(8);
    expect(b).toEqual(a);
    expect(b.entries[0]).toMatchObject({ kind: 'db.created', actor: 'system' });
    // The same entry hashes to the same bytes on both engines (the chain before the step entries differ).
    const first = 'SELECT hash FROM audit_log WHERE id = 1';
    expect(await server.value(first)).toBe(await lite.value(first));
  });

  it('records each PostgreSQL step it ran, after the starting records', async () => {
    const steps = await server.all<{ payload: string }>(
      "SELECT payload FROM audit_log WHERE kind = 'db.migrated' ORDER BY id",
    );
    expect(steps.map((s) => (JSON.parse(s.payload) as { version: number }).version)).toEqual(
      PG_MIGRATIONS.map((m) => m.version),
    );
  });

  it('writes nothing but the schema for migrate-to, which brings a record of its own', async () => {
    const bare = postgresSql({ url: await freshDatabase('bare') });
    try {
      await migratePostgres(bare, { appVersion: 'test', now: () => START, records: false });
      expect(await bare.value('SELECT count(*) FROM audit_log')).toBe(0);
      expect(await bare.value('SELECT count(*) FROM plans')).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
