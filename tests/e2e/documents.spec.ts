import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../core/built';
import { dayWithIncidents, unzipText } from '../core/documents-fixtures';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';
import { DocumentsPage } from './pages/reports';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('Reports area in Chromium against the web host', () => {
  it('previews the daily report and the special report and downloads their files', async () => {
    const { core } = await dayWithIncidents();
    core.db.close();
    const host = await startWebHost(core.dir);
    const out = tempDir();
    try {
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await app.go('reports');
      const reports = new DocumentsPage(page);
      await reports.setDate('2026-11-23');
      await expect.poll(() => reports.previewText(), { timeout: 15_000 }).toContain('大江化工园区某化工厂火灾');
      expect(await page.getByTestId('issue-number').innerText()).toBe('2026年第1期');
      await page.getByTestId('distribution-bao').fill('省政府总值班室');
      await expect.poll(() => reports.previewText()).toContain('报：省政府总值班室');
      await screenshot(page, 'reports-daily');

      const docx = await reports.exportAs('docx');
      const docxPath = join(out, docx.suggestedFilename());
      await docx.saveAs(docxPath);
      expect(docx.suggestedFilename()).toBe('值班信息第1期（2026年11月23日）.docx');
      expect(await unzipText(readFileSync(docxPath).toString('base64'), 'word/document.xml')).toContain(
        '报：省政府总值班室',
      );
      const pdf = await reports.exportAs('pdf');
      await pdf.saveAs(join(out, 'daily.pdf'));
      expect(readFileSync(join(out, 'daily.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      // Issued now: the buttons hand out the stored file, and the register lists the issue with its hashes.
      await expect.poll(() => page.getByTestId('export-docx').innerText()).toBe('下载已签发 Word');
      const again = await reports.exportAs('docx');
      await again.saveAs(join(out, 'again.docx'));
      expect(readFileSync(join(out, 'again.docx')).equals(readFileSync(docxPath))).toBe(true);
      await reports.chooseKind('issued');
      const register = page.getByTestId('issued-register');
      await expect.poll(() => register.innerText()).toContain('值班信息 2026年第1期');
      const sha = createHash('sha256').update(readFileSync(docxPath)).digest('hex');
      expect(await register.innerText()).toContain(`DOCX ${sha.slice(0, 16)}`);
      await screenshot(page, 'reports-issued');
      await reports.chooseKind('daily');

      await reports.chooseKind('special');
      await reports.pick('special-incident', '大江化工园区');
      await reports.pick('special-report', '初报');
      await expect
        .poll(() => reports.previewText(), { timeout: 15_000 })
        .toContain('关于大江化工园区某化工厂火灾的初报');
      await screenshot(page, 'reports-special');

      await reports.chooseKind('log');
      await page.getByLabel('起始日期').fill('2026-11-01');
      await page.getByLabel('截止日期').fill('2026-11-30');
      const csv = await reports.exportAs('csv');
      // Streamed from the host's downloads folder (GET /download/…), under the export's own name.
      expect(csv.suggestedFilename()).toBe('值班日志_2026-11-01_2026-11-30.csv');
      await csv.saveAs(join(out, 'log.csv'));
      expect(readFileSync(join(out, 'log.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

      await reports.chooseKind('roster');
      await page.getByTestId('roster-month').fill('2026-11');
      const roster = await reports.exportAs('roster-xlsx');
      expect(roster.suggestedFilename()).toBe('市人民政府总值班室2026年11月值班表.xlsx');
    } finally {
      await host.stop();
    }
  });
});
