import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/documents/render-docx';
import { renderHtml } from '../../electron/core/documents/render-html';
import {
  rosterDocument,
  rosterRows,
  rosterXlsx,
  type RosterMonthView,
} from '../../electron/core/documents/roster-document';
import { dayWithIncidents, unzipText } from './documents-fixtures';
import { generateNovember, seedPeople } from './roster-fixtures';

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

describe('roster data in the exports', () => {
  it('exports.roster writes the generated month to XLSX and DOCX, audited', async () => {
    const { core } = await dayWithIncidents();
    await generateNovember(core, await seedPeople(core));
    const file = await core.call('exports.roster', { month: '2026-11', format: 'xlsx' });
    expect(file.fileName).toBe('市人民政府总值班室2026年11月值班表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(31); // header + 30 days of one 24-hour shift
    expect(ws.getRow(2).getCell(1).value).toBe('2026-11-01');
    expect(['王局长', '李副秘书长']).toContain(ws.getRow(2).getCell(4).value);
    expect(String(ws.getRow(2).getCell(7).value)).toMatch(/138000000\d\d/);
    const docx = await core.call('exports.roster', { month: '2026-11', format: 'docx' });
    expect(await unzipText(docx.base64, 'word/document.xml')).toContain('2026-11-30');
    const logged = await core.sql.value("SELECT count(*) FROM audit_log WHERE kind = 'export.roster'");
    expect(logged).toBe(2);
  });

  it('the daily report lists the officers on duty from the roster', async () => {
    const { core } = await dayWithIncidents();
    await generateNovember(core, await seedPeople(core));
    const p = await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-23' } });
    expect(p.missingSections).toEqual([]);
    expect(p.html).toContain('值班人员');
    expect(p.html).toMatch(/带班领导：(王局长|李副秘书长)（138000000\d\d）/);
    expect(p.html).toMatch(/主班：(张伟|刘洋)/);
    const shift = await core.call('exports.preview', {
      kind: 'daily',
      period: { from: '2026-11-23T00:00:00Z', to: '2026-11-23T04:00:00Z' },
    });
    // 08:00–12:00 spans the handover at 08:30: both shifts are listed, each with its times.
    expect(shift.html).toMatch(/11月22日8时30分至11月23日8时30分 带班领导/);
    expect(shift.html).toMatch(/11月23日8时30分至11月24日8时30分 带班领导/);
  });
});
