import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dayWithIncidents, unzipText } from './documents-fixtures';
import { TEST_WIRING, downloadedBytes } from './helpers';
import { expectRefused } from './refused';

const day = { date: '2026-11-23', distribution: { bao: '省政府总值班室', song: '市委办公室', fa: '各区政府' } };

describe('daily report 值班信息', () => {
  it('writes a GB/T 9704 DOCX with the incidents, and records it in the audit chain', async () => {
    const { core } = await dayWithIncidents();
    const head = (await core.service.ctx.audit.head())!;
    const file = await core.call('exports.dailyReport', { period: day, format: 'docx' });
    // The chain head goes to the document properties and the register, never onto the page.
    const custom = await unzipText(file.base64, 'docProps/custom.xml');
    expect(custom).toContain(`name="AuditChainHead"><vt:lpwstr>${head.hash}</vt:lpwstr>`);
    const [issued] = await core.call('exports.issued', {});
    expect(issued).toMatchObject({
      seq: 1,
      chainHeadHash: head.hash,
      files: [{ format: 'docx', sha256: file.sha256 }],
    });
    expect(file.fileName).toBe('值班信息第1期（2026年11月23日）.docx');
    const xml = await unzipText(file.base64, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // charSpace 0 (the default, so left out): a negative one makes LibreOffice set 17–22 characters a line.
    expect(xml).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579"/>');
    for (const text of [
      '值班信息',
      '2026年第1期',
      '大江化工园区某化工厂火灾',
      '沿江大道多车追尾事故',
      '储罐区发生火灾并伴有爆炸',
      '死亡4人',
      '初报已于11月23日9时20分以电子公文报省应急管理厅',
      '全力搜救失踪人员',
      '报：省政府总值班室',
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain(head.hash);
    expect(xml).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    const fonts = await unzipText(file.base64, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toMatch(
      /<w:font w:name="STFangsong"><w:altName w:val="Noto Serif CJK SC"\/>.*?<w:charset w:val="86"\/>/,
    );
    expect(xml).toContain('w:color w:val="FF0000"');
    const styles = await unzipText(file.base64, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(await unzipText(file.base64, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [
      await unzipText(file.base64, 'word/footer1.xml'),
      await unzipText(file.base64, 'word/footer2.xml'),
    ];
    expect(footers.join()).toContain('PAGE');
    expect(footers.join()).toMatch(/w:eastAsia="宋体"/);

    const entry = (await core.sql.get("SELECT * FROM audit_log WHERE kind = 'document.file'")) as { payload: string };
    expect(JSON.parse(entry.payload).row).toMatchObject({ format: 'docx', sha256: file.sha256 });
    expect(await core.sql.value("SELECT count(*) FROM audit_log WHERE kind = 'document.issue'")).toBe(1);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });

  it('numbers issues per year, keeps a period’s number and never reuses one', async () => {
    const { core } = await dayWithIncidents();
    const preview = await core.call('exports.preview', { kind: 'daily', period: day });
    expect(preview.issue).toEqual({ year: 2026, seq: 1, assigned: false });
    await core.call('exports.dailyReport', { period: day, format: 'docx' });
    await core.call('exports.dailyReport', { period: day, format: 'docx' });
    expect((await core.call('exports.preview', { kind: 'daily', period: day })).issue).toEqual({
      year: 2026,
      seq: 1,
      assigned: true,
    });
    const next = await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-22' } });
    expect(next.issue).toEqual({ year: 2026, seq: 2, assigned: false });
    // `date` is the duty shift that starts on the day: the same instants given explicitly are the same issue.
    const shift = { from: '2026-11-23T00:30:00Z', to: '2026-11-24T00:30:00Z' };
    expect((await core.call('exports.dailyReport', { period: shift, format: 'docx' })).fileName).toContain('第1期');
    const f = await core.call('exports.dailyReport', { period: { day: '2026-11-23' }, format: 'docx' });
    expect(f.fileName).toBe('值班信息第2期（2026年11月23日）.docx');
    await expectRefused(core, 'DELETE FROM issued_documents', [], /append-only/);
    expect((await core.call('exports.preview', { kind: 'daily', period: { date: '2027-01-02' } })).issue?.seq).toBe(1);
  });

  it('says 无 or 未排班 for empty sections, and leaves out a section whose source is missing', async () => {
    const { core } = await dayWithIncidents();
    const p = await core.call('exports.preview', { kind: 'daily', period: day });
    expect(p.missingSections).toEqual([]);
    expect(p.html).toContain('二、应急预案启动情况</h3>\n<p class="indent">无。</p>');
    expect(p.html).toContain('带班领导：（未排班）');
    // A build wired without the plans source: the section is left out and named, never invented.
    const { core: noPlans } = await dayWithIncidents({ ...TEST_WIRING, daily: { onDuty: TEST_WIRING.daily.onDuty } });
    const without = await noPlans.call('exports.preview', { kind: 'daily', period: day });
    expect(without.missingSections).toEqual(['plans']);
    expect(without.html).not.toContain('应急预案启动情况');
  });
});

describe('special report 专报', () => {
  it('prints the frozen snapshot, not the live facts', async () => {
    const { core, initialId, followupId } = await dayWithIncidents();
    const file = await core.call('exports.specialReport', { reportId: initialId, format: 'docx' });
    const xml = await unzipText(file.base64, 'word/document.xml');
    for (const text of [
      '关于大江化工园区某化工厂火灾的初报',
      '省应急管理厅：',
      '大江精细化工有限公司',
      '死亡3人',
      '2026年11月23日',
    ])
      expect(xml).toContain(text);
    // GB/T 9704 7.2.4: the number, then 签发人： in 仿宋 and the name in 楷体 on the same line.
    expect(xml).toMatch(/〔2026〕1号<\/w:t>.*?签发人：<\/w:t>.*?楷体_GB2312.*?李市长<\/w:t>/);
    expect(xml).not.toMatch(/报送人|王值班/);
    expect(xml).not.toContain('死亡4人');
    const f2 = await core.call('exports.specialReport', { reportId: followupId, format: 'docx' });
    const xml2 = await unzipText(f2.base64, 'word/document.xml');
    expect(xml2).toContain('关于大江化工园区某化工厂火灾的续报一');
    expect(xml2).toContain('截至9时20分，死亡人数由3人增至4人。');
  });

  it('refuses a draft', async () => {
    const { core } = await dayWithIncidents();
    const inc = (await core.call('incidents.list', {})).items[0]!;
    const draft = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    expect(await core.service.invoke('exports.specialReport', { reportId: draft.id, format: 'docx' })).toMatchObject({
      ok: false,
      error: { code: 'export.report_not_sent' },
    });
  });
});

describe('log export', () => {
  it('writes XLSX with a frozen header and A4 landscape, and a CSV with a BOM', async () => {
    const { core } = await dayWithIncidents();
    const file = await core.call('exports.log', { from: '2026-11-23', to: '2026-11-23', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloadedBytes(core, file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事件')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(ws.getRow(1).getCell(4).value).toBe('事件名称');
    expect(ws.getRow(2).getCell(4).value).toBe('大江化工园区某化工厂火灾');
    expect(ws.getRow(2).getCell(2).value).toBe('2026-11-23 09:05');
    expect(ws.getRow(2).getCell(10).value).toBe(4);
    const reports = wb.getWorksheet('报告')!;
    expect(reports.getRow(3).getCell(3).value).toBe('续报一');
    // Each report names its incident: number and title beside it.
    expect(reports.getRow(3).getCell(1).value).toBe(ws.getRow(2).getCell(1).value);
    expect(reports.getRow(3).getCell(2).value).toBe('大江化工园区某化工厂火灾');

    const csvFile = await core.call('exports.log', { from: '2026-11-23', to: '2026-11-23', format: 'csv' });
    const bytes = downloadedBytes(core, csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^编号,接报时间/);
    expect(text).toContain('沿江大道多车追尾事故');
    expect(csvFile.mimeType).toBe('text/csv;charset=utf-8');
  });
});
