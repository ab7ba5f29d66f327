import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase, schemaVersion } from '../../electron/core/db/open';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { AppError } from '../../electron/core/contract';
import { openTestCore, tempDir } from './helpers';
import { join } from 'node:path';

describe('openDatabase', () => {
  it('creates the schema at the latest version with durable pragmas', async () => {
    const { db } = await openTestCore();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('starts the audit chain with a genesis entry and one entry per migration', async () => {
    const { db } = await openTestCore();
    const rows = db.prepare('SELECT kind, payload FROM audit_log ORDER BY id').all() as {
      kind: string;
      payload: string;
    }[];
    expect(rows[0]!.kind).toBe('db.created');
    // One entry per step, in order, naming its version (steps that seed data add their records' entries too).
    const migrated = rows.filter((r) => r.kind === 'db.migrated').map((r) => JSON.parse(r.payload).version);
    expect(migrated).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrated.slice(0, 6)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('does not re-run migrations or add entries when reopened', async () => {
    const core = await openTestCore();
    const before = core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const again = await core.reopen();
    expect(again.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('refuses a database written by a newer app', () => {
    const file = join(tempDir(), 'x.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    expect(() => openDatabase(file, { clock: new ManualClock('2026-01-01T00:00:00Z'), appVersion: 't' })).toThrow(
      AppError,
    );
    try {
      openDatabase(file, { clock: new ManualClock('2026-01-01T00:00:00Z'), appVersion: 't' });
    } catch (e) {
      expect((e as AppError).code).toBe('db.newer_than_app');
    }
  });

  it('rolls back a failing migration step entirely', () => {
    const file = join(tempDir(), 'y.sqlite');
    const raw = new Database(file);
    // A table the first migration wants to create makes its step fail half-way.
    raw.exec('CREATE TABLE settings (x)');
    raw.close();
    expect(() => openDatabase(file, { clock: new ManualClock('2026-01-01T00:00:00Z'), appVersion: 't' })).toThrow();
    const after = new Database(file);
    expect(schemaVersion(after)).toBe(0);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").pluck().get()).toBe(0);
    after.close();
  });
});
