import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type RunningHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';
import { IncidentsPage } from './pages/incidents-page';

let browser: Browser;
let host: RunningHost;
beforeAll(async () => {
  browser = await launchBrowser();
});
// Each test gets its own database: none depends on what another left behind.
beforeEach(async () => {
  host = await startWebHost(tempDir());
});
afterEach(() => host?.stop());
afterAll(() => browser?.close());

describe('duty log in Chromium', () => {
  it('logs a call, creates a 较大 incident, reports on time, and shows the follow-up going overdue', async () => {
    const page = await newPage(browser);
    const start = Date.now();
    await page.clock.install({ time: start });
    const app = new AppShellPage(page);
    const log = new IncidentsPage(page);
    await app.open(host.url);

    await log.logCall({ party: '市消防救援支队', number: '119', gist: '化工园区储罐起火，已出动12车' });

    await app.go('log');
    await log.openNewIncident();
    await log.fillIncident({
      title: '大江化工园区储罐火灾',
      place: '大江化工园区纬三路18号',
      involvedUnit: '大江精细化工有限公司',
      summary: '储罐区发生火灾，消防力量到场处置。',
      measures: '疏散周边群众120人。',
      level: '较大（Ⅲ级）',
      deaths: 4,
      economicLoss: 800,
    });
    await expect.poll(() => page.getByTestId('grade-suggestion').innerText()).toContain('死亡 4 人 ≥ 3 → 较大（Ⅲ级）');
    await screenshot(page, 'incident-form-zh');
    await log.save();
    await page.getByTestId('incident-detail').waitFor();
    expect(await page.getByTestId('detail-title').innerText()).toBe('大江化工园区储罐火灾');
    expect(await log.deadlineState('phone')).toBe('on_time');

    await log.sendInitialReport({ recipient: '省应急管理厅', leader: '李市长', sender: '王值班' });
    await expect.poll(() => log.deadlineState('phone')).toBe('done');
    // A written 初报 goes by e-document by default: it meets the written deadline too.
    await expect.poll(() => log.deadlineState('written')).toBe('done');
    await expect.poll(() => log.deadlineState('followup')).toBe('on_time');

    // 较大: a follow-up is due 12 h after the last report. Thirteen hours later it is red.
    await page.clock.setSystemTime(start + 13 * 3_600_000);
    await expect.poll(() => log.deadlineState('followup'), { timeout: 5000 }).toBe('overdue');
    const badge = page.getByTestId('detail-deadlines').getByTestId('deadline-followup');
    expect(await badge.innerText()).toMatch(/已超时/);
    expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(
      /rgb\((2[0-9]{2}|1[5-9][0-9]), \d{1,2}, \d{1,2}\)/,
    );

    // The call logged first is searchable, and the incident list shows the red badge too.
    await expect
      .poll(() => page.getByTestId('incident-list').locator('[data-state="overdue"]').count())
      .toBeGreaterThan(0);
    // Only the follow-up is overdue: phone and written were both met by the 初报.
    await expect
      .poll(() => page.getByTestId('overdue-badge').getAttribute('data-count'), { timeout: 10_000 })
      .toBe('1');
    await expect.poll(() => page.getByTestId('nav-count-now').innerText()).toBe('1');
    await screenshot(page, 'incident-detail-zh');
    await page.getByTestId('incident-search').fill('储罐');
    await page.getByTestId('incident-search').press('Enter');
    await expect.poll(() => page.getByTestId('incident-total').innerText()).toBe('共 1 起');

    // Now lists the overdue items first and the standalone call, which can be tied to the incident.
    const incidentHash = await page.evaluate(() => location.hash);
    await app.go('now');
    await expect
      .poll(() => page.getByTestId('now-actions').locator('[data-state]').first().getAttribute('data-state'))
      .toBe('overdue');
    await page.getByText('化工园区储罐起火，已出动12车').waitFor();
    await screenshot(page, 'now-zh');
    await page.evaluate((h) => (location.hash = h), incidentHash);
    await page.getByTestId('incident-detail').waitFor();

    await app.toggleLanguage();
    await expect.poll(() => app.navText('log')).toBe('Duty log');
    await screenshot(page, 'incident-detail-en');
    await page.getByTestId('tab-reports').click();
    await screenshot(page, 'incident-reports-en');
    await log.openNewIncident();
    await screenshot(page, 'incident-form-en');
    await page.keyboard.press('Escape');
    await app.toggleLanguage();
  });

  it('keeps what was typed and shows translated field errors when the input is bad', async () => {
    const page = await newPage(browser);
    const app = new AppShellPage(page);
    const log = new IncidentsPage(page);
    await app.open(host.url);
    await app.go('log');
    await log.openNewIncident();
    await page.getByTestId('incident-title').fill('只有标题');
    await log.save();
    await page.getByText('此项必填。').first().waitFor();
    expect(await page.getByText('此项必填。').count()).toBe(2); // place, summary
    await page.getByTestId('incident-place').fill('人民广场');
    await page.getByTestId('incident-summary').fill('测试');
    await page.getByTestId('incident-receivedAt').fill('2099-01-01 08:00');
    await log.save();
    await page.getByText('时间不能晚于当前时间。').waitFor();
    expect(await page.getByTestId('incident-title').inputValue()).toBe('只有标题');
    expect(await page.getByTestId('incident-place').inputValue()).toBe('人民广场');
    await screenshot(page, 'incident-form-errors-zh');
  });
});
