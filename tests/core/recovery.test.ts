import Database from 'better-sqlite3';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';
import {
  closeSync,
  rmSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../electron/core/backup/backup';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { AppError } from '../../electron/core/contract';
import { chemicalFire } from './fixtures';
import { TEST_WIRING, openTestCore, tempDir } from './helpers';

const clock = () => new ManualClock('2026-11-25T00:00:00Z');
const open = (file: string) => openDatabase(file, { clock: clock(), appVersion: 'test' });

function refusal(file: string): string {
  try {
    open(file).close();
    return 'opened';
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
}

/** A database with some records, closed (WAL folded in), and a checked backup of it. */
async function withBackup() {
  const core = await openTestCore({ start: '2026-11-25T00:00:00Z' });
  for (let i = 0; i < 40; i++) await core.call('incidents.create', chemicalFire({ title: `化工厂火灾${i}` }));
  const backup = await core.call('backup.now', {});
  await core.call('incidents.create', chemicalFire({ title: '备份之后' }));
  core.db.close();
  return { core, backup: backup.file };
}

function smash(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('never open a damaged or foreign file as new', () => {
  it('refuses an empty, a non-SQLite, a foreign and a header-smashed file, leaving each as it was', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(refusal(empty)).toBe('db.empty');
    expect(statSync(empty).size).toBe(0);

    const text = join(dir, 'text.sqlite');
    writeFileSync(text, 'not a database at all, just some text that is long enough'.repeat(10));
    expect(refusal(text)).toBe('db.not_sqlite');

    const foreign = join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)');
    f.close();
    expect(refusal(foreign)).toBe('db.foreign');

    const ours = await openTestCore();
    ours.db.close();
    smash(ours.file, 16, Buffer.from([0x12, 0x34, 0, 0, 0, 0, 0x99]));
    expect(refusal(ours.file)).toBe('db.damaged');
  });

  it('a database deleted while its witness remains is reported missing, not recreated', async () => {
    const core = await openTestCore();
    core.db.close();
    for (const ext of ['', '-wal', '-shm']) if (existsSync(core.file + ext)) writeFileSync(core.file + ext, '');
    rmSync(core.file);
    expect(refusal(core.file)).toBe('db.missing');
    expect(existsSync(core.file)).toBe(false);
  });

  it('with garbage mid-file: no write answers "internal", and no backup of it is ever made', async () => {
    const { core } = await withBackup();
    const size = statSync(core.file).size;
    smash(core.file, Math.floor(size / 2 / 4096) * 4096, Buffer.alloc(8192, 0xa5));
    let db: Database.Database;
    try {
      db = open(core.file);
    } catch (e) {
      // Refusing at open is as good: the quick check saw it.
      expect((e as AppError).code).toMatch(/^(db\.|audit\.broken)/);
      return;
    }
    const { createService } = await import('../../electron/core/service');
    const service = await createService({
      sql: sqliteSql(db),
      clock: clock(),
      appVersion: 'test',
      dataFile: core.file,
      wiring: TEST_WIRING,
    });
    for (let i = 0; i < 20; i++) {
      const r = await service.invoke('incidents.create', chemicalFire({ title: `之后${i}` }));
      if (!r.ok) expect(r.error.code).not.toBe('internal');
    }
    const out = join(core.dir, 'copy.sqlite');
    await expect(service.invoke('backup.now', {})).resolves.toMatchObject({ ok: false });
    const { backupDatabase } = await import('../../electron/core/backup/backup');
    await expect(backupDatabase(db, out, undefined)).rejects.toBeInstanceOf(AppError);
    expect(existsSync(out)).toBe(false);
    expect((await service.invoke('backup.list', {})) as { value: unknown[] }).toMatchObject({ ok: true });
    db.close();
  });
});

describe('restore that works when it matters', () => {
  const damage: [string, (file: string) => void][] = [
    ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 3))],
    ['header-smashed', (f) => smash(f, 0, Buffer.alloc(100, 0xff))],
    ['garbage-filled', (f) => writeFileSync(f, Buffer.alloc(statSync(f).size, 0x5a))],
    ['emptied to 0 bytes', (f) => truncateSync(f, 0)],
  ];
  for (const [name, hurt] of damage) {
    it(`restores a checked backup onto a ${name} file, moving the damaged one aside unopened`, async () => {
      const { core, backup } = await withBackup();
      hurt(core.file);
      const damaged = readFileSync(core.file);
      expect(refusal(core.file)).not.toBe('opened');
      const oldWitness = readFileSync(`${core.file}.witness`, 'utf8');
      const r = restoreDatabase(backup, core.file, { clock: clock(), appVersion: 'test' });
      // The damaged file is kept byte for byte, and so is the witness of the chain it held.
      expect(readFileSync(r.keptPrevious!).equals(damaged)).toBe(true);
      expect(readFileSync(r.archivedWitness!, 'utf8')).toBe(oldWitness);
      const db = open(core.file);
      const last = db.prepare('SELECT kind, payload FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        kind: string;
        payload: string;
      };
      expect(last.kind).toBe('db.restored');
      const oldHead = oldWitness.trim().split('\n').pop()!.split(' ');
      expect(JSON.parse(last.payload).previousWitness.head).toEqual({ id: Number(oldHead[0]), hash: oldHead[1] });
      const { verifyDatabase } = await import('../../electron/core/audit/run-verify');
      expect(verifyDatabase({ db, dataFile: core.file }).ok).toBe(true);
      expect(db.prepare("SELECT count(*) FROM incidents WHERE title = '备份之后'").pluck().get()).toBe(0);
      db.close();
    });
  }
});

describe('backups you can trust', () => {
  it('a 0-byte or half-written file from a killed backup never counts; the folder may be elsewhere', async () => {
    const core = await openTestCore({ start: '2026-11-20T00:00:00Z' });
    const elsewhere = tempDir();
    await core.call('settings.update', { backupDir: elsewhere });
    writeFileSync(join(elsewhere, 'duty-room-20261120-000000.sqlite'), '');
    writeFileSync(join(elsewhere, 'duty-room-20261120-010000.sqlite'), Buffer.alloc(8192, 1));
    expect(await core.call('backup.list', {})).toEqual([]);
    const made = await core.call('backup.now', {});
    expect(made.file.startsWith(elsewhere)).toBe(true);
    expect((await core.call('backup.list', {})).map((b) => b.file)).toEqual([made.file]);
    const bad = await core.service.invoke('settings.update', { backupDir: 'relative/path' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
