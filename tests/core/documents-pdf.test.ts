import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdfPrinter } from '../../electron/web/chromium-pdf';
import { dayWithIncidents } from './documents-fixtures';
import { ROOT } from './built';
import { missingTools } from './tools';
import { expectImprintAtFoot, pdfLines } from './office';
import { renderHtml } from '../../electron/core/documents/render-html';
import type { Block } from '../../electron/core/documents/blocks';
import { TEST_WIRING } from './helpers';
import type { CoreWiring } from '../../electron/core/wiring';

/** Page 1 of each PDF is kept here as PNG so a person can look at it (test-results is git-ignored). */
const SHOTS = join(ROOT, 'test-results/exports');
const noTools = missingTools('/usr/bin/chromium', '/usr/bin/pdftotext', '/usr/bin/pdftoppm', '/usr/bin/pdfinfo');

describe.skipIf(noTools)('PDF from the preview HTML', () => {
  let printer: Awaited<ReturnType<typeof chromiumPdfPrinter>>;
  let wiring: CoreWiring;
  beforeAll(async () => {
    printer = await chromiumPdfPrinter();
    wiring = { ...TEST_WIRING, pdfPrinter: printer!.print };
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await printer?.close();
  });

  function check(base64: string, name: string): string {
    const pdf = join(SHOTS, `${name}.pdf`);
    writeFileSync(pdf, Buffer.from(base64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, name)]);
    // The 版记 closes the last page at its foot (GB/T 9704 7.4), however far the text runs.
    expectImprintAtFoot(pdf);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // Every font embedded (column "emb"), so the file reads the same on a machine without them.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.slice(72, 75), f).toBe('yes');
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  }

  it('prints the daily report with its incidents and page numbers', async () => {
    const { core } = await dayWithIncidents(wiring);
    const file = await core.call('exports.dailyReport', {
      period: { date: '2026-11-23', distribution: { bao: '省政府总值班室', song: '', fa: '各区政府' } },
      format: 'pdf',
    });
    expect(file.mimeType).toBe('application/pdf');
    const text = check(file.base64, 'daily');
    for (const s of ['值班信息', '大江化工园区某化工厂火灾', '沿江大道多车追尾事故', '全力搜救失踪人员', '— 1 —'])
      expect(text.replace(/\s+/g, '')).toContain(s.replace(/\s+/g, ''));
  }, 60_000);

  it('prints the special report from its snapshot', async () => {
    const { core, initialId } = await dayWithIncidents(wiring);
    const file = await core.call('exports.specialReport', { reportId: initialId, format: 'pdf' });
    const text = check(file.base64, 'special');
    for (const s of ['关于大江化工园区某化工厂火灾的初报', '省应急管理厅：', '特此报告'])
      expect(text.replace(/\s+/g, '')).toContain(s.replace(/\s+/g, ''));
  }, 60_000);

  it('moves a 版记 that no longer fits under the text to the foot of the next page', async () => {
    // 20 one-line paragraphs leave two lines: too few for four lines of 版记.
    const blocks: Block[] = Array.from({ length: 20 }, (_, i) => ({ t: 'para', text: `第${i + 1}段。` }));
    blocks.push({
      t: 'imprint',
      lines: [
        { text: '报：省政府' },
        { text: '送：市委' },
        { text: '发：各区' },
        { text: '市值班室', right: '2026年11月24日印发' },
      ],
    });
    const pdf = join(SHOTS, 'imprint-spill.pdf');
    writeFileSync(pdf, await printer!.print(renderHtml({ title: 'spill', blocks })));
    const pages = pdfLines(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.some((l) => l.text === '第20段。')).toBe(true);
    expect(expectImprintAtFoot(pdf).page).toBe(2);
  }, 60_000);
});
