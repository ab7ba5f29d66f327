import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/exports/render-docx';
import { renderHtml } from '../../electron/core/exports/render-html';
import {
  rosterDocument,
  rosterRows,
  rosterXlsx,
  type RosterMonthView,
} from '../../electron/core/exports/roster-export';
import { unzipText } from './exports-fixtures';

const person = (name: string, phone: string) => ({ name, phones: [phone] });
const view: RosterMonthView = {
  month: '2026-10',
  days: [
    {
      date: '2026-10-01',
      weekday: 4,
      holiday: { name: '国庆节' },
      shifts: [
        {
          shift: 'full',
          slots: [
            { role: 'leader', person: person('李市长', '13800000001') },
            { role: 'lead', person: person('王值班', '13800000002') },
            { role: 'second', person: null },
          ],
        },
      ],
    },
    {
      date: '2026-10-02',
      weekday: 5,
      holiday: null,
      shifts: [{ shift: 'full', slots: [{ role: 'lead', person: person('赵值班', '13800000003') }] }],
    },
  ],
};

describe('roster layout (data from the roster feature)', () => {
  it('rows carry date, weekday with holiday, roles and phones; empty slots stay empty', () => {
    expect(rosterRows(view)[0]).toEqual([
      '2026-10-01',
      '四（国庆节）',
      '全天',
      '李市长',
      '王值班',
      '',
      '李市长 13800000001；王值班 13800000002',
    ]);
  });

  it('XLSX: one sheet, frozen header, A4 landscape', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rosterXlsx(view, '市人民政府总值班室')) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(ws.getRow(1).values).toContain('带班领导');
    expect(ws.getRow(3).getCell(5).value).toBe('赵值班');
  });

  it('DOCX and HTML: A4 landscape with the title and the table', async () => {
    const doc = rosterDocument(view, '市人民政府总值班室');
    const xml = await unzipText((await renderDocx(doc)).toString('base64'), 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml).toContain('市人民政府总值班室2026年10月值班表');
    expect(xml).toContain('四（国庆节）');
    expect(renderHtml(doc)).toContain('size: A4 landscape');
  });
});
