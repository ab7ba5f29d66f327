import { describe, expect, it } from 'vitest';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { sliceRanges, writeCsvRows } from '../../electron/core/documents/log-csv';
import type { LogRange } from '../../electron/core/documents/log-rows';
import { downloadedBytes, openTestCore } from './helpers';
import { chemicalFire } from './fixtures';

const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();

describe('streamed log export', () => {
  it('writes every incident of a multi-page period once, in order, while other requests are answered', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 2500 }, (_, i) =>
        JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(i), receivedAt: at(i) })),
      ),
    );
    const exporting = core.call('exports.log', { from: '2025-01-01', to: '2025-01-03', format: 'csv' });
    // Between pages the host answers: progress is visible and a write lands.
    await expect
      .poll(() => core.call('app.progress', {}), { interval: 1 })
      .toEqual([expect.objectContaining({ kind: 'export.log', total: 2500 })]);
    await core.call(
      'incidents.create',
      chemicalFire({ title: '导出期间新接报', receivedAt: at(100), occurredAt: at(99) }),
    );
    const file = await exporting;

    const lines = downloadedBytes(core, file).subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2501);
    const titles = lines.slice(1).map((l) => l.split(',')[3]);
    expect(titles).toEqual(Array.from({ length: 2500 }, (_, i) => `历史事件${i}`));
    // The file is the record as it stood when the export began (a snapshot), so it can be matched later.
    expect(lines.join('')).not.toContain('导出期间新接报');
    expect(await core.call('app.progress', {})).toEqual([]);
  });

  it('writes the reports sheet of a multi-page XLSX after the incidents sheet', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 1200 }, (_, i) =>
        JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(i), receivedAt: at(i) })),
      ),
    );
    const file = await core.call('exports.log', { from: '2025-01-01', to: '2025-01-03', format: 'xlsx' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloadedBytes(core, file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事件')!;
    expect(ws.rowCount).toBe(1201);
    expect(ws.getRow(1201).getCell(4).value).toBe('历史事件1199');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('报告')!.rowCount).toBe(1);
  });

  it('cuts a period into slices that, written in turn, make the file one pass makes (ties on the minute too)', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    // Three incidents a minute: slices are cut inside a run of equal received_at (the keyset's id decides).
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 40 }, (_, i) =>
        JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(0), receivedAt: at(Math.floor(i / 3)) })),
      ),
    );
    const [from, to] = ['2024-12-31T16:00:00.000Z', '2025-01-01T16:00:00.000Z'];
    const csv = async (ranges: LogRange[]) => {
      const chunks: Buffer[] = [];
      const counted: number[] = [];
      await writeCsvRows(
        core.sql,
        { dataFile: core.file, workers: undefined },
        ranges,
        'Asia/Shanghai',
        { write: async (c) => void chunks.push(c) },
        (n) => counted.push(n),
      );
      return { lines: Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n'), counted };
    };
    const whole = await csv([{ from, to }]);
    expect(whole.lines.map((l) => l.split(',')[3])).toEqual(
      // Equal received_at: in the order they were recorded (id).
      Array.from({ length: 40 }, (_, i) => `历史事件${i}`),
    );
    const sevens = await sliceRanges(core.sql, from, to, 40, 7);
    expect(sevens).toHaveLength(6);
    expect(await csv(sevens)).toEqual({ lines: whole.lines, counted: [7, 7, 7, 7, 7, 5] });
    // A size that divides the count: no empty slice after the last cut.
    const eights = await sliceRanges(core.sql, from, to, 40, 8);
    expect(await csv(eights)).toEqual({ lines: whole.lines, counted: [8, 8, 8, 8, 8] });
  });
});
