import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { prepareLines, type PrepareResult, type PrepareTask } from '../../electron/core/incidents/import-prepare';
import { DEFAULT_DEADLINE_RULES } from '../../electron/core/contract/deadlines';
import { ROOT, requireBuild, runCli } from './built';
import { chemicalFire } from './fixtures';
import { tempDir } from './helpers';

const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();
const send = { channel: 'edoc', recipientUnit: '省应急管理厅', approvingLeader: '李市长', sender: '王值班' } as const;
/** Every seventh line brings the reports sent (initial to final, which closes it) and a call. */
function line(i: number): string {
  const facts = chemicalFire({ title: `历史事件${i} "引号" \\ 反斜杠`, occurredAt: at(i), receivedAt: at(i) });
  if (i % 7) return JSON.stringify(facts);
  const reports = [
    { kind: 'initial', sentAt: at(i + 20), ...send },
    { kind: 'final', sentAt: at(i + 900), ...send },
  ];
  const calls = [{ at: at(i + 5), direction: 'in', party: '市消防救援支队', number: '119', gist: '火势已控制' }];
  return JSON.stringify({ ...facts, economicLoss: 12, reports, calls });
}

function task(from: number, n: number, bad?: number): PrepareTask {
  return {
    now: '2026-11-23T02:00:00.000Z',
    checkAt: '2026-11-23T02:00:01.000Z',
    tz: 'Asia/Shanghai',
    actor: '王值班',
    rules: DEFAULT_DEADLINE_RULES.rules,
    lines: Array.from({ length: n }, (_, k) => ({
      line: from + k,
      text: from + k === bad ? line(k).replace('"category":"accident"', '"category":"volcano"') : line(k),
      id: 1000 + from + k,
      number: `2026-${String(from + k).padStart(4, '0')}`,
    })),
  };
}

describe('an import prepared on the worker thread (built)', () => {
  it('the worker prepares a slice exactly as this thread does, and refuses the same line', async () => {
    requireBuild();
    const worker = new Worker(join(ROOT, 'out/main/import-worker.js'));
    const ask = (t: PrepareTask) =>
      new Promise<{ result: PrepareResult }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(t);
      });
    try {
      const good = task(1, 40);
      expect((await ask(good)).result).toEqual(prepareLines(good));
      const bad = task(41, 20, 55);
      const refused = (await ask(bad)).result;
      expect(refused).toEqual(prepareLines(bad));
      expect(refused).toMatchObject({
        refused: { code: 'incident.import_invalid', params: { line: 55, field: 'category' } },
      });
    } finally {
      await worker.terminate();
    }
  });

  it('the CLI imports several slices through it into a chain that verifies, and refuses a late bad line whole', () => {
    const data = tempDir();
    const dir = tempDir();
    const good = join(dir, 'good.jsonl');
    // Past WORKER_AFTER (2,000 lines prepared here first), several slices on the worker.
    const n = 3_200;
    writeFileSync(good, Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n');
    const ok = runCli(['import-incidents', good, '--data', data]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(new RegExp(`^imported ${n} incidents`));
    const verified = runCli(['verify', '--data', data]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok: /);
    const incidents = () => {
      const db = new Database(join(data, 'duty-room.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM incidents').pluck().get();
      } finally {
        db.close();
      }
    };
    expect(incidents()).toBe(n);

    const broken = join(dir, 'broken.jsonl');
    const lines = Array.from({ length: n }, (_, i) => line(i));
    lines[3_100] = lines[3_100]!.replace('"category":"accident"', '"category":"volcano"');
    writeFileSync(broken, lines.join('\n'));
    const bad = runCli(['import-incidents', broken, '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3101, field category');
    expect(incidents()).toBe(n);
  }, 120_000);
});
