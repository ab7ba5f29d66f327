import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';
import { FirstRunPage } from './pages/first-run';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// The message, dated yesterday so it is always in the past (the host runs on the real clock).
const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3_600_000);
const DAY = `${yesterday.getUTCMonth() + 1}月${yesterday.getUTCDate()}日`;
const MESSAGE =
  DAY +
  '13时50分许，中山区滨海西路某物流公司危险化学品仓库发生爆炸并引发火灾。截至14时05分，已造成2人死亡、5人重伤、3人失踪，消防救援支队已调派力量赶赴现场处置。报告人：中山区应急管理局张某，电话0411-8xxxxxxx。';

describe("the officer's first minutes", () => {
  it('turns a logged call into an incident in one action, the message read into the form', async () => {
    const host = await startWebHost(tempDir());
    try {
      const page = await newPage(browser);
      await new AppShellPage(page).open(host.url);
      await page.keyboard.press('Control+l');
      await page.getByTestId('call-party').fill('中山区应急管理局 张某');
      await page.getByTestId('call-number').fill('0411-8xxxxxxx');
      await page.getByTestId('call-gist').fill(MESSAGE);
      await page.getByTestId('call-save-incident').click();
      const form = page.getByTestId('incident-form');
      await form.waitFor();
      await expect.poll(() => page.getByTestId('paste-marked').locator('mark').count()).toBeGreaterThanOrEqual(8);
      expect(await page.getByTestId('incident-place').inputValue()).toBe('中山区滨海西路某物流公司危险化学品仓库');
      expect(await page.getByTestId('incident-district').inputValue()).toBe('中山区');
      expect(await page.getByTestId('incident-subtype').inputValue()).toBe('危化品');
      expect(await page.getByTestId('incident-casualty-deaths').inputValue()).toBe('2');
      expect(await page.getByTestId('incident-casualty-missing').inputValue()).toBe('3');
      expect(await page.getByTestId('incident-casualty-seriouslyInjured').inputValue()).toBe('5');
      expect(await page.getByTestId('incident-sourceUnit').inputValue()).toBe('中山区应急管理局');
      expect(await page.getByTestId('incident-sourcePerson').inputValue()).toBe('张某');
      expect(await page.getByTestId('incident-summary').inputValue()).toBe(MESSAGE);
      expect(await page.getByTestId('incident-occurredAt').inputValue()).toMatch(
        new RegExp(`-${String(yesterday.getUTCDate()).padStart(2, '0')} 13:50$`),
      );
      await screenshot(page, 'officer-call-to-incident-zh');
      await page.getByTestId('incident-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('tab-calls').click();
      await expect.poll(() => page.getByTestId('incident-detail').innerText()).toContain('0411-8xxxxxxx');
    } finally {
      await host.stop();
    }
  });

  it('follows the message on the Now desk in zh and en: its deadline counts down, the 批示 waits for 反馈', async () => {
    const host = await startWebHost(tempDir());
    try {
      const seeded = await fetch(`${host.origin}/api/app.seedDemo`, {
        method: 'POST',
        headers: { 'X-Duty-Room-Token': host.token, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(seeded.status).toBe(200);
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await page.keyboard.press('Control+l');
      await page.getByTestId('call-party').fill('中山区应急管理局 张某');
      await page.getByTestId('call-gist').fill(MESSAGE);
      await page.getByTestId('call-save-incident').click();
      await page.getByTestId('paste-marked').waitFor();
      await page.getByTestId('incident-level').click();
      await page.getByRole('option', { name: /较大/ }).click();
      await page.getByTestId('incident-save').click();
      await page.getByTestId('incident-form').waitFor({ state: 'detached' });

      // The 批示 comes in and is relayed: the duty room now owes its 反馈.
      await page.getByTestId('tab-instructions').click();
      await page.getByTestId('instruction-leader').fill('李市长');
      await page.getByTestId('instruction-text').fill('全力搜救失踪人员，及时续报');
      await page.getByTestId('instruction-save').click();
      await page.getByTestId('instruction-action-party').fill('市消防救援支队');
      await page.getByTestId('instruction-action-save').click();
      await page.getByTestId('instruction-action-relay').waitFor();

      await app.go('now');
      const actions = page.getByTestId('now-actions');
      const ours = actions.locator('[data-testid="now-action-deadline"]', { hasText: '滨海西路' });
      // 较大 (III): the phone report is due 30 minutes after receipt, counting down in words.
      await expect.poll(() => ours.first().innerText()).toMatch(/电话报告 · 剩余 \d+分/);
      const instruction = actions.getByTestId('now-action-instruction').filter({ hasText: '李市长' });
      await expect.poll(() => instruction.innerText()).toContain('李市长批示 · 已传达市消防救援支队，待反馈');
      await expect.poll(() => page.getByTestId('now-calls').innerText()).toContain('中山区应急管理局 张某');
      expect(await page.getByTestId('now-open-incidents').innerText()).toContain('滨海西路');
      await screenshot(page, 'officer-now-desk-zh');

      await app.toggleLanguage();
      await expect
        .poll(() => instruction.innerText())
        .toContain('Instruction from 李市长 · relayed to 市消防救援支队, awaiting feedback');
      await expect.poll(() => ours.first().innerText()).toMatch(/Phone report · \d+ min left/);
      await screenshot(page, 'officer-now-desk-en');
      await instruction.click();
      await page.getByTestId('incident-detail').waitFor();
      await screenshot(page, 'officer-incident-en');

      // 反馈 received: the desk stops chasing it.
      await page.getByTestId('tab-instructions').click();
      await page.getByTestId('instruction-action-kind').click();
      await page.getByRole('option', { name: 'Feedback' }).click();
      await page.getByTestId('instruction-action-party').fill('市消防救援支队');
      await page.getByTestId('instruction-action-save').click();
      await page.getByTestId('instruction-action-feedback').waitFor();
      await app.go('now');
      await expect.poll(() => ours.count()).toBeGreaterThan(0);
      // Polled: the desk first shows what it last knew, then what the core answers now.
      await expect
        .poll(() => actions.getByTestId('now-action-instruction').filter({ hasText: '李市长' }).count())
        .toBe(0);
    } finally {
      await host.stop();
    }
  });

  it('sets up an empty duty room in four steps, with PINs and today on duty', async () => {
    const host = await startWebHost(tempDir());
    try {
      const page = await newPage(browser);
      await new AppShellPage(page).open(host.url);
      await page.getByTestId('first-run').waitFor();
      await screenshot(page, 'officer-first-run-zh');
      const first = new FirstRunPage(page);
      await page.getByTestId('start-setup').click();
      await page.getByTestId('setup-next').click();
      // A person without a PIN cannot be saved: signing means identity.
      await page.getByTestId('setup-person-0').getByRole('textbox').first().fill('王建国');
      await page.getByTestId('setup-next').click();
      await expect.poll(() => page.getByText('新 PIN 应为 6–8 位数字。').count()).toBe(3);
      await screenshot(page, 'officer-setup-people-zh');
      await page.getByRole('button', { name: '稍后再说' }).click();
      // Nothing was saved yet: a fresh page starts the setup from its first step.
      await page.reload();
      await page.getByTestId('first-run').waitFor();
      await first.setUp([
        { name: '王建国', pin: '111111' },
        { name: '张伟', pin: '222222' },
        { name: '赵磊', pin: '333333' },
      ]);
      await expect.poll(() => page.getByTestId('duty-now-names').innerText()).toContain('张伟');
      await expect.poll(() => page.getByTestId('first-run').count()).toBe(0);
    } finally {
      await host.stop();
    }
  });

  it('loads the demo duty room from the first screen; About and the favicon look like a product', async () => {
    const host = await startWebHost(tempDir());
    try {
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await new FirstRunPage(page).loadDemo();
      await expect
        .poll(() => page.getByTestId('now-actions').locator('.mantine-Paper-root').count())
        .toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('now-duty').innerText()).toContain('下次交接班');
      await screenshot(page, 'officer-demo-now-zh');

      await page.getByTestId('open-about').click();
      const about = page.getByTestId('about-info');
      await expect.poll(() => about.innerText()).toMatch(/数据库结构版本\s+\d+/);
      await screenshot(page, 'officer-about-zh');
      await page.keyboard.press('Escape');
      const icon = await page.evaluate(async () => {
        const r = await fetch('./favicon.svg');
        return {
          status: r.status,
          type: r.headers.get('content-type'),
          link: document.querySelector('link[rel=icon]')?.getAttribute('href'),
        };
      });
      expect(icon).toEqual({ status: 200, type: 'image/svg+xml', link: './favicon.svg' });

      await app.toggleLanguage();
      await page.getByTestId('open-about').click();
      await expect.poll(() => about.innerText()).toMatch(/Schema version\s+\d+/);
      await screenshot(page, 'officer-about-en');
      await page.keyboard.press('Escape');
      await page.getByTestId('about-info').waitFor({ state: 'detached' });
      // At 1440 px the English header shows who is on duty whole, not cut off with an ellipsis.
      const names = page.getByTestId('duty-now-names');
      await expect.poll(() => names.innerText()).toMatch(/^Leader .+ · Lead .+ · 2nd /);
      expect(await names.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await expect.poll(() => page.getByTestId('now-duty').innerText()).toContain('Next handover');
      await screenshot(page, 'officer-demo-now-en');
    } finally {
      await host.stop();
    }
  });
});
