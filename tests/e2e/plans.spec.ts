import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../electron/core/domain';
import { startWebHost } from '../core/built';
import { chemicalFire } from '../core/fixtures';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { callHost } from './api';
import { AppShellPage } from './pages/app-shell';
import { PlansPage } from './pages/plans';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const api = callHost;

describe('emergency plans in Chromium against the web host', () => {
  it('activates the hazardous-chemicals plan at Ⅲ, ticks, raises to Ⅱ, terminates; the timeline shows it', async () => {
    const host = await startWebHost(tempDir());
    try {
      const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
      const incident = await api(
        host,
        'incidents.create',
        chemicalFire({ occurredAt: minutesAgo(20), receivedAt: minutesAgo(10) }),
      );
      const page = await newPage(browser);
      const app = new AppShellPage(page);
      const plans = new PlansPage(page);
      await app.open(host.url);
      await app.go('plans');

      // Ordered 12 minutes ago: the 10-minute items are overdue, the 15-minute one is due soon.
      const orderedAt = localDateTime(minutesAgo(12), 'Asia/Shanghai');
      await plans.activate(
        `${incident.number} ${incident.title}`,
        '危险化学品事故应急预案',
        'Ⅲ级',
        '李副市长',
        orderedAt,
      );
      expect(await page.getByTestId('checklist-level').innerText()).toBe('Ⅲ级');
      expect(await plans.rowState('verify')).toBe('overdue');
      expect(await plans.rowState('notify-units')).toBe('due_soon');
      expect(await plans.rowState('district')).toBe('pending');
      await screenshot(page, 'plans-checklist-overdue');
      await plans.tick('verify');
      await plans.tick('notify-leader');
      expect(await plans.row('verify').getByTestId('item-done').innerText()).toContain('完成');
      expect(await plans.row('press').count()).toBe(0);

      await plans.changeLevel('Ⅱ级', '王市长', '火势扩大，升级响应');
      await expect.poll(() => page.getByTestId('checklist-level').innerText()).toBe('Ⅱ级');
      expect(await plans.rowState('press')).toBe('pending');
      expect(await plans.rowState('verify')).toMatch(/^done/);
      await screenshot(page, 'plans-checklist');

      await plans.terminate('王市长', '险情排除');
      expect(await page.getByTestId('checklist-panel').getAttribute('data-status')).toBe('terminated');
      expect(await page.getByTestId('tick-hq').count()).toBe(0);
      // Its final state, not a countdown: the open item says it ended undone; no terminate button is left.
      expect(await plans.row('press').getByTestId('item-ended-open').innerText()).toBe('终止时未完成');
      expect(await page.getByTestId('terminate').count()).toBe(0);
      await screenshot(page, 'plans-terminated');

      const detail = await api(host, 'incidents.get', { id: incident.id });
      const planEntries = detail.timeline.filter((e) => e.kind.startsWith('plan_'));
      expect(planEntries.map((e) => [e.kind, e.title])).toEqual([
        ['plan_activated', '危险化学品事故应急预案 · Ⅲ'],
        ['plan_level_changed', '危险化学品事故应急预案 · Ⅲ → Ⅱ'],
        ['plan_terminated', '危险化学品事故应急预案 · Ⅱ'],
      ]);
      expect((await api(host, 'audit.verify', {})).ok).toBe(true);

      // The editor: reorder with the buttons, save as version 3 (the seeded plans are at version 2 since
      // migration 070 marked their reporting items satisfiedBy).
      await page.getByTestId('plans-tab-library').click();
      await page.getByText('危险化学品事故应急预案').first().click();
      await page.getByTestId('plan-editor').waitFor();
      await page.getByTestId('editor-level').getByText('Ⅲ级', { exact: false }).click();
      const second = await page.getByTestId('item-action-1').inputValue();
      await page.getByTestId('item-up-1').click();
      expect(await page.getByTestId('item-action-0').inputValue()).toBe(second);
      await screenshot(page, 'plans-editor');
      expect(await page.getByTestId('plan-editor').innerText()).toContain('第 2 版');
      await page.getByTestId('plan-save').click();
      await expect.poll(() => page.getByTestId('plan-editor').innerText()).toContain('第 3 版');
    } finally {
      await host.stop();
    }
  });
});
