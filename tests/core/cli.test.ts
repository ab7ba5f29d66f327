import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../electron/core/audit/verify';
import { witnessFileOf } from '../../electron/core/audit/witness';
import { ROOT, runCli } from './built';
import { tempDir } from './helpers';
import { forgeChain, intruder } from './tamper-helpers';

describe('duty-room CLI', () => {
  it('verify exits 0 on an untouched database', () => {
    const data = tempDir();
    const r = runCli(['verify', '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ entries/);
  });

  it('verify exits non-zero naming the entry after a row is changed with another SQLite client', () => {
    const data = tempDir();
    expect(runCli(['info', '--data', data]).code).toBe(0);
    const db = new Database(join(data, 'duty-room.sqlite'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET payload = '{}' WHERE id = 2");
    db.close();
    const r = runCli(['verify', '--data', data]);
    expect(r.code).toBe(3); // README: verify found problems
    expect(r.stderr).toContain('entry #2');
  });

  it('verify on worker threads names the same first problem, and counts the same, as one pass here', () => {
    // A new database has 29 entries: the two worker threads take 1–15 and 16–29, so entry 16 is on a
    // border and entry 20 inside the second share.
    const cases: { named: string; problem: object; tamper: (raw: Database.Database) => void }[] = [
      {
        named: 'entry #20: hash_mismatch',
        problem: { kind: 'hash_mismatch', entryId: 20 },
        tamper: (raw) => raw.exec("UPDATE audit_log SET actor = 'x' WHERE id = 20"),
      },
      {
        named: 'entry #16: prev_mismatch',
        problem: { kind: 'prev_mismatch', entryId: 16 },
        tamper: (raw) =>
          raw.exec('UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id = 14) WHERE id = 16'),
      },
      {
        named: 'entry #23: row_changed (plans row 4)',
        problem: { kind: 'row_changed', entryId: 23, table: 'plans', rowId: '4' },
        tamper: (raw) => raw.exec("UPDATE plans SET name = '伪造' WHERE id = 4"),
      },
      {
        // Re-hashed from entry 20: a flawless chain, but the witnessed head no longer matches.
        named: 'entry #1: witness_mismatch',
        problem: { kind: 'witness_mismatch', entryId: 1 },
        tamper: (raw) => forgeChain(raw, (rows) => rows.map((r) => (r.id === 20 ? { ...r, actor: '伪造者' } : r))),
      },
    ];
    for (const { named, problem, tamper } of cases) {
      const data = tempDir();
      expect(runCli(['info', '--data', data]).code).toBe(0);
      const file = join(data, 'duty-room.sqlite');
      const raw = intruder(file);
      tamper(raw);
      const onePass = verifyChain(raw, { witnesses: [witnessFileOf(file)] });
      raw.close();
      expect(onePass.firstProblem).toMatchObject(problem);
      const r = runCli(['verify', '--data', data]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`audit chain broken at ${named} (${onePass.problems} problem(s))`);
    }
  });

  it('backs up and restores, refusing a tampered backup', () => {
    const data = tempDir();
    const work = tempDir();
    const good = join(work, 'good.sqlite');
    expect(runCli(['backup', '--data', data, '--out', good]).code).toBe(0);

    const bad = join(work, 'bad.sqlite');
    copyFileSync(good, bad);
    const db = new Database(bad);
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'x' WHERE id = 1");
    db.close();
    const refused = runCli(['restore', bad, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('audit.broken');

    const notDb = join(work, 'not.sqlite');
    copyFileSync(join(__dirname, 'cli.test.ts'), notDb);
    expect(runCli(['restore', notDb, '--data', data]).code).toBe(1);

    const ok = runCli(['restore', good, '--data', data]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('previous database kept');
    expect(runCli(['verify', '--data', data]).code).toBe(0);
  });

  it('fails with a one-line reason on an unknown command', () => {
    const r = runCli(['explode', '--data', tempDir()]);
    expect(r.code).toBe(2); // README: usage
    expect(r.stderr).toMatch(/^error: unknown command/);
  });
});

describe('duty-room import-plans', () => {
  it('imports a plan file and names the line and field of a broken one', async () => {
    const data = tempDir();
    const file = join(
      ROOT,
      'resources/plans',
      readdirSync(join(ROOT, 'resources/plans')).filter((f) => f.endsWith('.json'))[0]!,
    );
    const ok = runCli(['import-plans', file, '--data', data]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^imported .+ \(version \d+\)/);

    const broken = join(tempDir(), 'broken.json');
    writeFileSync(broken, readFileSync(file, 'utf8').replace(/"limitMinutes": \d+/, '"limitMinutes": -5'));
    const bad = runCli(['import-plans', broken, '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('plan.import_invalid');
  });
});

describe('duty-room seed-demo', () => {
  it('fills a new data folder with a verifiable demo and refuses to run twice', () => {
    const data = tempDir();
    const r = runCli(['seed-demo', '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/9 people \(PIN 123456\), 12 incidents, \d+ reports sent, 4 handovers reviewed/);
    expect(readdirSync(data).some((f) => f.startsWith('值班信息') && f.endsWith('.docx'))).toBe(true);
    expect(runCli(['verify', '--data', data]).code).toBe(0);
    const again = runCli(['seed-demo', '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });
});
