import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('app shell in Chromium against the web host', () => {
  it('loads in Chinese, switches to English and back, and keeps the choice', async () => {
    const data = tempDir();
    const host = await startWebHost(data);
    try {
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      expect(await app.navText('log')).toBe('值班日志');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await screenshot(page, 'shell-zh');

      await app.toggleLanguage();
      await expect.poll(() => app.navText('log')).toBe('Duty log');
      await app.go('settings');
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await screenshot(page, 'shell-en');

      await page.reload();
      await expect.poll(() => app.navText('log')).toBe('Duty log');
      await app.toggleLanguage();
      await expect.poll(() => app.navText('log')).toBe('值班日志');
    } finally {
      await host.stop();
    }
  });

  it('persists settings across a web host restart', async () => {
    const data = tempDir();
    let host = await startWebHost(data);
    try {
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await app.go('settings');
      const name = page.getByTestId('settings-dutyRoomName');
      await name.fill('大江市人民政府总值班室');
      await page.getByTestId('settings-save').click();
      await expect.poll(() => app.dutyRoomName()).toBe('大江市人民政府总值班室');
      await page.getByTestId('verify-audit').click();
      await expect.poll(() => page.getByTestId('verify-result').innerText()).toContain('校验通过');
      await screenshot(page, 'settings-zh');
      await host.stop();

      host = await startWebHost(data);
      await app.open(host.url);
      expect(await app.dutyRoomName()).toBe('大江市人民政府总值班室');
    } finally {
      await host.stop();
    }
  });

  it('refuses to serve the page without the per-run token (401)', async () => {
    const host = await startWebHost(tempDir());
    try {
      const page = await newPage(browser);
      const res = await page.goto(host.origin + '/');
      expect(res?.status()).toBe(401);
    } finally {
      await host.stop();
    }
  });
});
