/**
 * A seat on a shared database (core/open-core.ts, core/db/open-shared.ts, core/db/seat-file.ts): the
 * same Core over PostgreSQL, the schema created by a login that may, refused to a seat that may not,
 * and a data folder that remembers its seat in seat.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract/errors';
import { openCore } from '../../electron/core/open-core';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from '../../electron/core/db/pg/migrate';
import { describeUrl, readSeat, seatFileOf, writeSeat } from '../../electron/core/db/seat-file';
import { freshDatabase, pgUrl } from '../pg/databases';
import { chemicalFire } from './fixtures';
import { tempDir } from './helpers';

/** A login role on the test cluster (trust auth: no password) that owns nothing. */
async function loginRole(): Promise<string> {
  const name = `seat_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    await c.query(`CREATE ROLE ${name} LOGIN`);
  } finally {
    await c.end();
  }
  return name;
}

const as = (url: string, user: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
};

describe.skipIf(!pgUrl())('a seat on a shared database', () => {
  it('creates the schema with its audit entries, serves the same API, and keeps no file of the record', async () => {
    const url = await freshDatabase('seat');
    const dir = tempDir();
    const core = await openCore(dir, { url });
    try {
      expect(core.dataFile).toBe('');
      const info = await core.service.invoke('app.info', {});
      expect(info.ok && info.value.schemaVersion).toBe(PG_LATEST_VERSION);
      const created = await core.service.invoke('incidents.create', chemicalFire({ title: '共享库首条' }));
      if (!created.ok) throw new Error(created.error.code);
      const read = await core.service.invoke('incidents.get', { id: created.value.id });
      expect(read.ok && read.value.incident.title).toBe('共享库首条');
      await expect(core.backupTo(join(dir, 'b.sqlite'))).rejects.toMatchObject({ code: 'db.not_on_server' });
    } finally {
      await core.close();
    }
    // No SQLite file, no host lock, no backups folder: the record lives on the server only.
    expect(existsSync(join(dir, 'duty-room.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // Created by this login (it may create tables): the record starts as a new SQLite file does.
      const kinds = (await c.query<{ kind: string }>('SELECT kind FROM audit_log ORDER BY id')).rows.map((k) => k.kind);
      expect(kinds[0]).toBe('db.created');
      expect(kinds.filter((k) => k === 'db.migrated')).toHaveLength(PG_MIGRATIONS.length);
      expect(kinds.at(-1)).toBe('incident.created');
      const apps = await c.query<{ application_name: string }>(
        "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'duty-room%'",
      );
      expect(apps.rows).toEqual([]); // closed: the pool's connections are gone
    } finally {
      await c.end();
    }
  });

  it('a data folder with seat.json opens the shared database without --url', async () => {
    const url = await freshDatabase('seatfile');
    const first = tempDir();
    const a = await openCore(first, { url });
    const created = await a.service.invoke('incidents.create', chemicalFire({ title: '甲席位' }));
    await a.close();
    if (!created.ok) throw new Error(created.error.code);
    const second = tempDir();
    writeSeat(second, { url });
    expect(readSeat(second)).toEqual({ url });
    const b = await openCore(second);
    try {
      const read = await b.service.invoke('incidents.get', { id: created.value.id });
      expect(read.ok && read.value.incident.title).toBe('甲席位');
      expect(b.location).toBe(describeUrl(url));
    } finally {
      await b.close();
    }
  });

  it("a seat's login finding the schema behind is refused, and nothing is created", async () => {
    const url = await freshDatabase('behind');
    const seat = as(url, await loginRole());
    // PostgreSQL 15: only the database owner may create in public, so this login cannot migrate.
    await expect(openCore(tempDir(), { url: seat })).rejects.toMatchObject({
      code: 'db.schema_behind',
      params: { found: 0, needed: PG_LATEST_VERSION },
    });
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const tables = await c.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rowCount).toBe(0);
    } finally {
      await c.end();
    }
  });

  it('refuses what is not a postgres URL, and never echoes a password', () => {
    const dir = tempDir();
    expect(() => writeSeat(dir, { url: 'mysql://a:secret@h/db' })).toThrow(AppError);
    try {
      writeSeat(dir, { url: 'mysql://a:secret@h/db' });
    } catch (e) {
      expect(JSON.stringify((e as AppError).params)).not.toContain('secret');
    }
    expect(existsSync(seatFileOf(dir))).toBe(false);
    expect(describeUrl('postgres://seat:secret@db.duty.local/duty_room?sslmode=verify-full')).toBe(
      'postgres://seat:***@db.duty.local/duty_room?sslmode=verify-full',
    );
    writeSeat(dir, { url: 'postgresql://seat@db.duty.local:6432/duty_room' });
    expect(JSON.parse(readFileSync(seatFileOf(dir), 'utf8'))).toEqual({
      url: 'postgresql://seat@db.duty.local:6432/duty_room',
    });
  });

  it('Settings: seat.test tests without switching, seat.switch writes seat.json, bad input is a validation error', async () => {
    const url = await freshDatabase('settings');
    const dir = tempDir();
    const core = await openCore(dir); // a single seat on its own file
    try {
      expect(await core.service.invoke('seat.current', {})).toMatchObject({ ok: true, value: { mode: 'local' } });
      const bad = await core.service.invoke('seat.test', { url: 'http://db/x' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'url' }] } });
      const tested = await core.service.invoke('seat.test', { url });
      expect(tested).toMatchObject({ ok: true, value: { database: new URL(url).pathname.slice(1), schemaVersion: 0 } });
      expect(existsSync(seatFileOf(dir))).toBe(false); // tested, not switched
      const switched = await core.service.invoke('seat.switch', { url });
      expect(switched).toMatchObject({ ok: true, value: { schemaVersion: PG_LATEST_VERSION } });
      expect(readSeat(dir)).toEqual({ url });
    } finally {
      await core.close();
    }
    const reopened = await openCore(dir);
    try {
      const seat = await reopened.service.invoke('seat.current', {});
      expect(seat).toMatchObject({ ok: true, value: { mode: 'shared', host: new URL(url).hostname } });
      expect(JSON.stringify(seat)).not.toContain('password');
    } finally {
      await reopened.close();
    }
  });
});
