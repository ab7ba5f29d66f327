import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { downloadedBytes, openTestCore } from './helpers';
import { chemicalFire } from './fixtures';
import { hasSoffice, officeRequired, sofficeConvert } from './office';

/** An incident whose texts hold what XML and CSV must escape (and a control character XML cannot hold). */
const tricky = chemicalFire({
  title: '储罐<爆炸>&"泄漏"\'事件\u0001',
  summary: '第一行，含逗号,\n第二行',
  receivedAt: '2026-11-23T01:05:00Z',
  occurredAt: '2026-11-23T00:50:00Z',
});

async function exported(format: 'xlsx' | 'csv') {
  const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
  const created = (await core.call('incidents.create', tricky)) as { number: string };
  await core.call('incidents.create', chemicalFire({ title: '第二起', receivedAt: '2026-11-23T01:30:00Z' }));
  const file = await core.call('exports.log', { from: '2026-11-23', to: '2026-11-23', format });
  return { bytes: downloadedBytes(core, file), number: created.number };
}

describe('log XLSX', () => {
  it('reads back in ExcelJS with every cell, type, width, frozen header and print setup', async () => {
    const { bytes, number } = await exported('xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事件')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).getCell(4).value).toBe('事件名称');
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe(number);
    expect(row.getCell(2).value).toBe('2026-11-23 09:05');
    // Markup survives as text; the control character is dropped (XML 1.0 cannot carry it).
    expect(row.getCell(4).value).toBe('储罐<爆炸>&"泄漏"\'事件');
    expect(row.getCell(10).value).toBe(3);
    expect(row.getCell(15).value).toBe(120);
    expect(row.getCell(18).value).toBe('第一行，含逗号,\n第二行');
    expect(ws.getRow(3).getCell(4).value).toBe('第二起');
    expect(ws.getColumn(4).width).toBe(30);
    expect(ws.getColumn(18).width).toBe(50);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(wb.getWorksheet('报告')!.getRow(1).getCell(1).value).toBe('事件编号');
  });

  describe.skipIf(!hasSoffice && !officeRequired)('opened by LibreOffice (another office suite)', () => {
    it('shows the same first sheet as the CSV export', async () => {
      const xlsx = await exported('xlsx');
      const csv = await exported('csv');
      // 44 = comma, 34 = quote, 76 = UTF-8: LibreOffice saves the first sheet as CSV.
      const { out } = sofficeConvert(xlsx.bytes, 'log.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76');
      const fromOffice = readFileSync(out, 'utf8').replace(/\r\n/g, '\n').trimEnd();
      const ours = csv.bytes.subarray(3).toString('utf8').replace(/\r\n/g, '\n').trimEnd();
      // Both exports come from a fresh record, so the incidents are numbered alike; LibreOffice quotes
      // only where CSV needs it, as the export does, and cannot keep the control character XML drops.
      expect(fromOffice).toBe(ours.replaceAll('\u0001', ''));
    }, 180_000);
  });
});
