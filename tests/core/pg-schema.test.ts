/**
 * The PostgreSQL schema (electron/core/db/pg): the baseline matches SQLite's schema, migrating is once
 * only and refuses a newer database, and append-only holds for the seat role and for the owner alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { ManualClock } from '../../electron/core/db/clock';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import type { Sql } from '../../electron/core/db/sql-port';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { migratePostgres, PG_LATEST_VERSION, PG_MIGRATIONS } from '../../electron/core/db/pg/migrate';
import { grantSeatRole } from '../../electron/core/db/pg/seat-role';
import { freshDatabase, pgUrl } from '../pg/databases';

const opts = { appVersion: 'test', now: () => '2026-11-28T00:00:00.000Z' };
const NOW = '2026-11-28T08:00:00.000Z';

async function addIncident(sql: Sql, number: string): Promise<number> {
  return (await sql.value<number>(
    `INSERT INTO incidents (number, status, version, received_at, category, level, district, title, facts,
       created_at, created_by, updated_at, updated_by)
     VALUES (?, 'open', 1, ?, 'accident', 'IV', 'd', 't', '{}', ?, 'a', ?, 'a') RETURNING id`,
    [number, NOW, NOW, NOW],
  ))!;
}

/** An entry on top of the chain (a new record already holds its starting entries); returns its id. */
async function addAuditEntry(sql: Sql): Promise<number> {
  const id = ((await sql.value<number>('SELECT max(id) FROM audit_log')) ?? 0) + 1;
  await sql.run(
    `INSERT INTO audit_log (id, ts, actor, kind, payload, prev_hash, hash) VALUES (?, ?, 'a', 'k', '{}', ?, ?)`,
    [id, NOW, `h${id - 1}`, `h${id}`],
  );
  return id;
}

describe.skipIf(!pgUrl())('the PostgreSQL schema', () => {
  let url: string;
  let owner: Sql;
  beforeAll(async () => {
    url = await freshDatabase('schema');
    owner = postgresSql({ url });
  });
  afterAll(() => owner?.close());

  it('migrates an empty database to the SQLite version, once, even from two seats at once', async () => {
    expect(PG_LATEST_VERSION).toBe(LATEST_VERSION); // every SQLite step has its PostgreSQL twin
    const second = postgresSql({ url });
    try {
      const runs = await Promise.all([migratePostgres(owner, opts), migratePostgres(second, opts)]);
      expect(runs.map((r) => r.to)).toEqual([LATEST_VERSION, LATEST_VERSION]);
    } finally {
      await second.close();
    }
    // One row per step, each applied once although two seats started together.
    expect(await owner.value('SELECT count(*) FROM schema_migrations')).toBe(PG_MIGRATIONS.length);
    expect(await migratePostgres(owner, opts)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(await owner.value('SELECT count(*) FROM schema_migrations')).toBe(PG_MIGRATIONS.length);
  });

  it('has the tables, columns, indexes and guard triggers SQLite has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-schema-'));
    const file = join(dir, 'duty.db');
    openDatabase(file, { clock: new ManualClock(new Date(NOW)), appVersion: 'test' }).close();
    const lite = new Database(file, { readonly: true });
    try {
      const names = (type: string) =>
        lite
          .prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'")
          .all(type) as { name: string; tbl_name: string }[];
      const tables = names('table').filter((t) => !t.name.startsWith('search_fts_'));
      for (const t of tables) {
        const cols = (lite.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[]).map(
          (c) => c.name,
        );
        const pgCols = await owner.column(
          `SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
          [t.name],
        );
        // search_fts: FTS5's rowid becomes an id column; its token array follows the same columns.
        const expected = t.name === 'search_fts' ? ['id', ...cols] : cols;
        expect(pgCols.slice(0, expected.length), t.name).toEqual(expected);
      }
      const pgIndexes = new Set(await owner.column('SELECT indexname FROM pg_indexes'));
      for (const i of names('index')) expect(pgIndexes.has(i.name), i.name).toBe(true);
      const pgTriggers = new Set(await owner.column('SELECT tgname FROM pg_trigger WHERE NOT tgisinternal'));
      for (const t of names('trigger')) expect(pgTriggers.has(t.name), t.name).toBe(true);
    } finally {
      lite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database newer than the app', async () => {
    const other = postgresSql({ url: await freshDatabase('newer') });
    try {
      await migratePostgres(other, opts);
      await other.run("INSERT INTO schema_migrations VALUES (9990, 'from the future', ?, 'x')", [NOW]);
      await expect(migratePostgres(other, opts)).rejects.toMatchObject({
        code: 'db.newer_than_app',
        params: { found: 9990, supported: PG_LATEST_VERSION },
      });
    } finally {
      await other.close();
    }
  });

  it('refuses UPDATE/DELETE of guarded rows for the table owner too, as SQLite does', async () => {
    const entry = await addAuditEntry(owner);
    const id = await addIncident(owner, 'OWN-1');
    await expect(owner.run("UPDATE audit_log SET actor = 'x' WHERE id = ?", [entry])).rejects.toMatchObject({
      code: 'db.append_only',
      cause: expect.objectContaining({ message: 'audit_log is append-only' }),
    });
    await expect(owner.run('DELETE FROM audit_log')).rejects.toMatchObject({ code: 'db.append_only' });
    await expect(owner.exec('TRUNCATE audit_log')).rejects.toMatchObject({ code: 'db.append_only' });
    await expect(owner.run('DELETE FROM incidents WHERE id = ?', [id])).rejects.toMatchObject({
      code: 'db.append_only',
      cause: expect.objectContaining({ message: 'incidents are never deleted; void them' }),
    });
    // A call may be linked to an incident once; after that it is frozen (calls_only_link).
    const call = await owner.value<number>(
      `INSERT INTO calls (at, direction, party, number, gist, created_at, created_by)
       VALUES (?, 'in', 'p', '110', 'g', ?, 'a') RETURNING id`,
      [NOW, NOW],
    );
    expect((await owner.run('UPDATE calls SET incident_id = ? WHERE id = ?', [id, call!])).changes).toBe(1);
    await expect(owner.run("UPDATE calls SET gist = 'changed' WHERE id = ?", [call!])).rejects.toMatchObject({
      code: 'db.append_only',
    });
  });

  it('the seat role inserts and updates what the app does, and cannot UPDATE/DELETE the record', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const group = `duty_seat_${suffix}`;
    const login = `seat_${suffix}`;
    await grantSeatRole(owner, group);
    await owner.exec(`CREATE ROLE ${login} LOGIN IN ROLE ${group}`);
    const seatUrl = new URL(url);
    seatUrl.username = login;
    const seat = postgresSql({ url: seatUrl.toString() });
    try {
      const entry = await addAuditEntry(seat);
      const id = await addIncident(seat, 'SEAT-1');
      expect((await seat.run("UPDATE incidents SET status = 'closed' WHERE id = ?", [id])).changes).toBe(1);
      await expect(seat.run("UPDATE audit_log SET actor = 'x' WHERE id = ?", [entry])).rejects.toMatchObject({
        code: 'db.append_only',
        cause: expect.objectContaining({ code: '42501' }), // refused by privilege, before any trigger
      });
      await expect(seat.run('DELETE FROM audit_log WHERE id = ?', [entry])).rejects.toMatchObject({
        code: 'db.append_only',
      });
      await expect(seat.run('DELETE FROM incidents WHERE id = ?', [id])).rejects.toMatchObject({
        code: 'db.append_only',
      });
      await expect(seat.exec('CREATE TABLE intruder (x int)')).rejects.toThrow(/permission denied/);
      expect(await seat.value('SELECT count(*) FROM audit_log WHERE id = ?', [entry])).toBe(1);
    } finally {
      await seat.close();
    }
  });
});
