/**
 * A seat that loses its server mid-transaction says so (db.unavailable), keeps nothing of the
 * transaction, and works again by itself once the server answers: the pool opens a new connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../electron/core/db/sql-port';
import { postgresSql } from '../../electron/core/db/sql-postgres';
import { freshDatabase, pgUrl } from '../pg/databases';

describe.skipIf(!pgUrl())('a PostgreSQL seat losing its connection', () => {
  let seat: Sql;
  let admin: Sql;
  let seatUrl: string;
  beforeAll(async () => {
    const url = (seatUrl = await freshDatabase('conn'));
    seat = postgresSql({ url, max: 2 });
    admin = postgresSql({ url });
    await seat.exec('CREATE TABLE t (name text NOT NULL)');
  });
  afterAll(async () => {
    await seat?.close();
    await admin?.close();
  });

  it('reports db.unavailable, loses the open transaction, then reconnects by itself', async () => {
    const failed = seat.tx(async (t) => {
      await t.run("INSERT INTO t VALUES ('in the cut transaction')");
      const pid = await t.value<number>('SELECT pg_backend_pid()');
      await admin.value('SELECT pg_terminate_backend(?)', [pid!]); // as if the server went away
      await t.run("INSERT INTO t VALUES ('after the cut')");
    });
    await expect(failed).rejects.toMatchObject({ code: 'db.unavailable' });
    // Idle connections cut too: the pool drops them and opens fresh ones.
    await admin.value(
      'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await seat.tx(async (t) => t.run("INSERT INTO t VALUES ('after reconnecting')"));
    expect(await seat.column('SELECT name FROM t')).toEqual(['after reconnecting']);
  });

  it('a read-only seat refuses writes with db.read_only', async () => {
    const reader = postgresSql({ url: seatUrl, readonly: true });
    try {
      expect(reader.readonly).toBe(true);
      expect(await reader.value('SELECT count(*) FROM t')).toBe(1);
      await expect(reader.run("INSERT INTO t VALUES ('x')")).rejects.toMatchObject({ code: 'db.read_only' });
    } finally {
      await reader.close();
    }
  });
});
