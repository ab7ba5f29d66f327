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

describe("the officer's first minutes", () => {
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
      await expect.poll(() => page.getByText('请设置 4–8 位数字 PIN。').count()).toBe(3);
      await screenshot(page, 'officer-setup-people-zh');
      await page.getByRole('button', { name: '稍后再说' }).click();
      await first.setUp([
        { name: '王建国', pin: '1111' },
        { name: '张伟', pin: '2222' },
        { name: '赵磊', pin: '3333' },
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
        .poll(() => page.getByTestId('now-deadlines').locator('.mantine-Paper-root').count())
        .toBeGreaterThan(0);
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
    } finally {
      await host.stop();
    }
  });
});
