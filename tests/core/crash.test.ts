import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/run-verify';
import { checkBackupFile } from '../../electron/core/backup/backup';
import { listBackups } from '../../electron/core/backup/auto-backup';
import { createContext } from '../../electron/core/context';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { bundleChild } from './child-bundle';
import { TEST_WIRING, tempDir } from './helpers';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';

/** 50 kills in CI; CRASH_KILLS=500 (or more) for a longer run. */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);

/** Starts the writer, lets it write for a random moment, SIGKILLs it; returns the ids it acknowledged. */
function runAndKill(child: string, data: string, seed: number): Promise<{ acked: number[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, data], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let out = '';
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += String(d)));
    p.stdout.on('data', (d) => {
      out += String(d);
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') setTimeout(() => p.kill('SIGKILL'), 20 + ((seed * 7919) % 230));
        else if (l.startsWith('ack ')) acked.push(Number(l.slice(4)));
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code}: ${stderr}`));
      else resolve({ acked, stderr });
    });
  });
}

describe('crash safety', () => {
  it(`after ${KILLS} SIGKILLs mid-write: every acknowledged write is there, integrity and chain ok`, async () => {
    const child = await bundleChild(join(__dirname, 'children/crash-writer.ts'));
    const data = tempDir();
    const acked: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const r = await runAndKill(child, data, i);
      acked.push(...r.acked);
    }
    expect(acked.length).toBeGreaterThan(KILLS);

    const file = join(data, 'duty-room.sqlite');
    const clock = new ManualClock('2026-11-28T00:00:00Z');
    const db = openDatabase(file, { clock, appVersion: 'test' }); // the quick check at open passes
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const v = verifyDatabase({ db, dataFile: file });
      expect(v.firstProblem).toBeNull();
      expect(v.witnessed).toBeGreaterThan(0);
      const present = new Set(db.prepare('SELECT id FROM incidents').pluck().all() as number[]);
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
      // A backup killed half-way never counts; every one listed passes the full check.
      const ctx = createContext({ sql: sqliteSql(db), clock, appVersion: 'test', dataFile: file, wiring: TEST_WIRING });
      for (const b of await listBackups(ctx)) expect(checkBackupFile(b.file).verify.ok).toBe(true);
    } finally {
      db.close();
    }
  }, 300_000);
});
