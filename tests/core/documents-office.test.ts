import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './built';
import { shiftWithOngoing } from './documents-shift';
import { expectImprintAtFoot, hasSoffice, officeRequired, pdfFonts, pdfLines, pdfText, sofficeToPdf } from './office';

/** LibreOffice's PDFs, page 1 as PNG, kept for a person to look at (test-results is git-ignored). */
const SHOTS = join(ROOT, 'test-results/exports');
function keep(pdf: string, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(pdf, join(SHOTS, `${name}.pdf`));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(SHOTS, name)]);
}

const LEFT = 79.5; // 28 mm in points: where continuation lines start
const RIGHT = LEFT + 442.2; // + 156 mm

/**
 * Runs where LibreOffice is installed, and always on CI (CI=true), where a missing soffice fails the
 * test instead of skipping it: the grid in another office suite is what this checks.
 */
describe.skipIf(!hasSoffice && !officeRequired)('DOCX rendered by LibreOffice (another office suite)', () => {
  it('sets 值班信息 on the GB/T 9704 grid: 26–28 characters on full lines, 22 lines on full pages', async () => {
    const { core } = await shiftWithOngoing(8);
    const file = await core.call('exports.dailyReport', {
      period: { date: '2026-11-23', distribution: { bao: '省政府总值班室', song: '', fa: '' } },
      format: 'docx',
    });
    const { pdf } = sofficeToPdf(Buffer.from(file.base64, 'base64'), 'daily');
    keep(pdf, 'daily-libreoffice');
    // The 版记 closes the last page at its foot, whatever length the text runs to.
    expectImprintAtFoot(pdf);
    const pages = pdfLines(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Body lines: everything above the page number; a full page is one the text runs over.
    const bodies = pages.map((p) => p.filter((l) => !/^—\d+—$/.test(l.text)));
    for (const b of bodies.slice(1, -1)) expect(b.length).toBe(22);
    // A line is full when the next line continues its paragraph (starts at the left margin).
    const atLeft = (x: number) => Math.abs(x - LEFT) < 2 || Math.abs(x - LEFT - 32) < 2;
    const full = bodies.flatMap((b) =>
      b.filter((l, i) => atLeft(l.x) && i + 1 < b.length && Math.abs(b[i + 1]!.x - LEFT) < 2),
    );
    expect(full.length).toBeGreaterThan(20);
    const cjkOnly = full.filter((l) => !/[\u0020-\u007e]/.test(l.text));
    expect(cjkOnly.length).toBeGreaterThan(10);
    for (const l of cjkOnly) {
      expect([...l.text].length, l.text).toBeGreaterThanOrEqual(26);
      expect([...l.text].length, l.text).toBeLessThanOrEqual(28);
    }
    // Lines with Times New Roman digits (half width) fill the 156 mm type area to within one character.
    for (const l of full) expect(RIGHT - l.xMax, l.text).toBeLessThan(16);
    // Table cells keep their words: 公共卫生事件 on one line.
    expect(pages[0]!.some((l) => l.text.startsWith('公共卫生事件'))).toBe(true);
    // The page number sits one 4号 character in from the type area's edge (14 pt), odd right, even left.
    const n2 = pages[1]!.find((l) => l.text === '—2—')!;
    expect(n2.x).toBeGreaterThan(LEFT + 10);
    expect(n2.x).toBeLessThan(LEFT + 18);
    expect(pdfFonts(pdf)).toMatch(/NotoSerifCJK/);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(
      '11月23日15时30分，死亡人数由2人增至3人，失踪人数由3人减至1人；直接经济损失初步估计850万元。',
    );
    expect(text).toContain(
      '13时50分，经常务副市长决定启动危险化学品事故应急预案Ⅲ级响应；14时30分，经市长决定提升为Ⅱ级响应；17时10分终止',
    );
  }, 180_000);

  it('sets the 专报: number and 签发人 on one line, the officer’s line breaks kept, title words whole', async () => {
    const { core, fireId } = await shiftWithOngoing(0);
    await core.call('settings.update', { documentNumberPrefix: '市值专' });
    const f = (await core.call('incidents.get', { id: fireId })).reports.find((r) => r.kind === 'followup')!;
    // A 续报 whose officer wrote two paragraphs of changes.
    const d = await core.call('reports.draft', { incidentId: fireId, kind: 'followup' });
    await core.call('reports.update', {
      id: d.id,
      changes: `${f.changes}\n现场搜救工作仍在进行，周边道路已恢复通行。`,
    });
    await core.call('reports.send', { id: d.id, sentAt: '2026-11-24T00:40:00Z', ...sendMetaOf(f) });
    const file = await core.call('exports.specialReport', { reportId: d.id, format: 'docx' });
    const { pdf } = sofficeToPdf(Buffer.from(file.base64, 'base64'), 'special');
    keep(pdf, 'special-libreoffice');
    expectImprintAtFoot(pdf);
    const lines = pdfLines(pdf).flat();
    const numberLine = lines.find((l) => l.text.startsWith('市值专〔2026〕1号'))!;
    expect(numberLine.text).toMatch(/签发人：李市长$/);
    expect(numberLine.x).toBeGreaterThan(LEFT + 12); // indented one character
    const title = lines.filter((l) => l.text.includes('关于') || l.text.includes('续报二'));
    expect(title.map((l) => l.text).join('|')).toMatch(
      /^关于\|?大江化工园区某化工厂火灾的续报二$|^关于大江化工园区\|某化工厂火灾的续报二$/,
    );
    // The officer's line break survives: the second paragraph starts its own line.
    expect(lines.some((l) => l.text.startsWith('现场搜救工作仍在进行'))).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('截至15时30分，死亡人数由2人增至3人，失踪人数由3人减至1人；直接经济损失初步估计850万元。');
    expect(text).not.toMatch(/报送人|审计链/);
  }, 180_000);
});

function sendMetaOf(r: { channel: 'phone' | 'fax' | 'edoc' | 'sms' | null; recipientUnit: string }) {
  return { channel: r.channel ?? 'edoc', recipientUnit: r.recipientUnit, approvingLeader: '李市长', sender: '王值班' };
}
