import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startWebHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { chemicalFire } from '../core/fixtures';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('Now with records imported from a previous system', () => {
  it('lists today’s deadlines and offers the quiet imported incidents for closing', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'old.jsonl');
    const old = (i: number) =>
      JSON.stringify(
        chemicalFire({
          title: `往年未结事件${i}`,
          occurredAt: `2025-${String(i).padStart(2, '0')}-01T00:00:00Z`,
          receivedAt: `2025-${String(i).padStart(2, '0')}-01T00:30:00Z`,
        }),
      );
    const today = new Date(Date.now() - 10 * 60_000).toISOString();
    writeFileSync(
      file,
      [
        ...Array.from({ length: 10 }, (_, i) => old(i + 1)),
        JSON.stringify(chemicalFire({ title: '今日新接报', occurredAt: today, receivedAt: today })),
      ].join('\n'),
    );
    expect(runCli(['import-incidents', file, '--data', data]).code).toBe(0);
    const host = await startWebHost(data);
    try {
      const page = await newPage(browser);
      await new AppShellPage(page).open(host.url);
      const deadlines = page.getByTestId('now-actions');
      await expect.poll(() => deadlines.innerText()).toContain('今日新接报');
      expect(await deadlines.innerText()).not.toContain('往年未结事件');
      const stale = page.getByTestId('now-stale');
      await expect.poll(() => stale.innerText()).toContain('长期无进展的事件（10 起）');
      // The quietest first; eight drawn, the other two on request.
      expect(await stale.innerText()).toContain('往年未结事件8');
      expect(await stale.innerText()).not.toContain('往年未结事件9');
      await screenshot(page, 'now-stale-zh');
      await page.getByTestId('now-stale-more').click();
      await expect.poll(() => stale.innerText()).toContain('往年未结事件10');
      expect(await page.getByTestId('now-stale-more').count()).toBe(0);
    } finally {
      await host.stop();
    }
  });
});
