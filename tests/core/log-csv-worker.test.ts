import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { auditHead, csvSlice, SLICE, type CsvTask } from '../../electron/core/documents/log-csv';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { requireBuild, ROOT, runCli } from './built';
import { chemicalFire } from './fixtures';
import { downloadedBytes, openTestCore } from './helpers';

const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();
const lines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(i), receivedAt: at(i) })),
  );

describe('the log CSV on worker threads (built)', () => {
  it('a worker makes a slice byte for byte as this thread does, and declines one asked at another audit head', async () => {
    requireBuild();
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    await importIncidents(core.service.ctx, lines(30));
    const task: CsvTask = {
      range: { from: '2024-12-31T16:00:00.000Z', to: '2025-01-01T16:00:00.000Z' },
      tz: 'Asia/Shanghai',
      head: await auditHead(core.sql),
    };
    const here = await csvSlice(core.sql, task);
    const worker = new Worker(join(ROOT, 'out/main/log-csv-worker.js'), { workerData: { dataFile: core.file } });
    const ask = (t: CsvTask) =>
      new Promise<{ result: { bytes?: Uint8Array; rows: number; stale?: boolean } }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(t);
      });
    try {
      const { result } = await ask(task);
      expect(result.rows).toBe(30);
      expect(Buffer.from(result.bytes!).equals(Buffer.from(here.bytes!))).toBe(true);
      // A write after the export's snapshot: the worker would read a different record, so it declines.
      await core.call(
        'incidents.create',
        chemicalFire({ title: '导出期间新接报', receivedAt: at(5), occurredAt: at(5) }),
      );
      expect(await ask(task)).toEqual({ result: { rows: 0, stale: true } });
    } finally {
      await worker.terminate();
    }
  });

  it(`the CLI's export of more than ${SLICE.toLocaleString('en-US')} incidents (slices on worker threads) is the in-process one`, async () => {
    requireBuild();
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    await importIncidents(core.service.ctx, lines(SLICE + 700));
    const here = downloadedBytes(
      core,
      await core.call('exports.log', { from: '2025-01-01', to: '2025-01-10', format: 'csv' }),
    );
    core.db.close();
    const out = join(core.dir, 'log.csv');
    const r = runCli(['export', 'log', '--data', core.dir, '--from', '2025-01-01', '--to', '2025-01-10', '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const there = readFileSync(out);
    expect(there.toString('utf8').trimEnd().split('\r\n')).toHaveLength(SLICE + 701);
    expect(there.equals(here)).toBe(true);
  }, 60_000);
});
