/**
 * The CLI on a shared database (electron/cli/shared-commands.ts): `connect` tests before it switches a
 * seat and refuses in words an administrator can act on; `migrate-to` moves a single-seat record into
 * an empty PostgreSQL database with its chain verified there, and refuses a database that is not empty.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, pgUrl } from '../pg/databases';
import { runCli } from './built';
import { tempDir } from './helpers';

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A login role (trust auth on the test cluster: no password) that owns nothing. */
async function loginRole(): Promise<string> {
  const name = `seat_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE ROLE ${name} LOGIN`);
  return name;
}

const as = (url: string, user: string) => {
  const u = new URL(url);
  u.username = user;
  return u.toString();
};

const lang = process.env.DUTY_ROOM_LANG;
afterEach(() => {
  if (lang === undefined) delete process.env.DUTY_ROOM_LANG;
  else process.env.DUTY_ROOM_LANG = lang;
});

describe.skipIf(!pgUrl())('duty-room connect', () => {
  it('refuses, in the reader’s language, and writes no seat.json, when the database cannot be used', async () => {
    const data = tempDir();
    const seatJson = join(data, 'seat.json');

    const bad = runCli(['connect', '--url', 'mysql://a:secret@h/db', '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[db.bad_url]');
    expect(bad.stderr).not.toContain('secret');

    const gone = runCli(['connect', '--url', 'postgres://nobody@127.0.0.1:1/duty_room', '--data', data]);
    expect(gone.code).toBe(1);
    // Which server, and why not (the seat's own reconnecting message would not fit a test of an address).
    expect(gone.stderr).toContain('[db.unreachable]');
    expect(gone.stderr).toContain('127.0.0.1:1 cannot be reached (ECONNREFUSED)');

    const url = await freshDatabase('connect');
    const seat = await loginRole();
    process.env.DUTY_ROOM_LANG = 'zh-CN';
    const behind = runCli(['connect', '--url', as(url, seat), '--data', data]);
    expect(behind.code).toBe(1);
    expect(behind.stderr).toContain('本席位的账号无权升级');
    expect(behind.stderr).toContain('[db.schema_behind]');
    process.env.DUTY_ROOM_LANG = 'en';

    // The owner creates the schema; a login outside the seat group still cannot write.
    expect(runCli(['connect', '--url', url, '--data', tempDir()]).code).toBe(0);
    const readOnly = runCli(['connect', '--url', as(url, seat), '--data', data]);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toContain('[db.no_write_privilege]');
    expect(readOnly.stderr).toMatch(/cannot write \(\w+\)/);
    expect(existsSync(seatJson)).toBe(false);
  });

  it('switches a seat once the connection test passes; later commands use it without --url', async () => {
    const url = await freshDatabase('switch');
    const data = tempDir();
    const r = runCli(['connect', '--url', url, '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/connected: postgres@127\.0\.0\.1:\d+\/switch_\w+ \(PostgreSQL 15/);
    expect(r.stdout).toContain('Restart a running app');
    expect(existsSync(join(data, 'seat.json'))).toBe(true);

    const info = runCli(['info', '--data', data]);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ dataFile: '', schemaVersion: expect.any(Number) });
    expect(existsSync(join(data, 'duty-room.sqlite'))).toBe(false);
    expect(runCli(['verify', '--data', data]).stdout).toMatch(/^ok: \d+ entries/);
    const backups = runCli(['backups', '--data', data]);
    expect(backups.code).toBe(1);
    expect(backups.stderr).toContain('[db.not_on_server]');
  });
});

describe.skipIf(!pgUrl())('duty-room migrate-to', () => {
  it('moves a seed-demo record into an empty database with verify ok there, and never into a used one', async () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data]).code).toBe(0);
    const local = runCli(['verify', '--data', data]);
    expect(local.code).toBe(0);
    const [, entries, head] = /^ok: (\d+) entries, head (#\d+ \w+)/.exec(local.stdout)!;

    const url = await freshDatabase('moveto');
    const r = runCli(['migrate-to', '--url', url, '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`verify ok, ${entries} entries, head ${head!.slice(0, 14)}`);
    expect(r.stdout).toMatch(/ {2}incidents: \d+/);

    // The server's record verified again from another seat, and it writes on from the copied head.
    const seat = tempDir();
    const there = runCli(['verify', '--url', url, '--data', seat]);
    expect(there.code).toBe(0);
    expect(there.stdout).toContain(`ok: ${entries} entries, head ${head}`);

    const again = runCli(['migrate-to', '--url', url, '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[db.target_not_empty]');

    // A database a seat has already started in (its own db.created) is not empty either.
    const used = await freshDatabase('used');
    expect(runCli(['info', '--url', used, '--data', tempDir()]).code).toBe(0);
    const into = runCli(['migrate-to', '--url', used, '--data', data]);
    expect(into.code).toBe(1);
    expect(into.stderr).toMatch(/not empty \(\w+ has \d+ rows\)/);
  }, 240_000);
});
