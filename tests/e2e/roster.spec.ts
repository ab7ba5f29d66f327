import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyNow, Handover, Person } from '../../electron/core/contract';
import { startWebHost } from '../core/built';
import { chemicalFire } from '../core/fixtures';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { callHost } from './api';
import { AppShellPage } from './pages/app-shell';
import { HandoverPage } from './pages/handover';
import { RosterPage } from './pages/roster';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
const api = callHost;

const PIN = '246810';
const PEOPLE = [
  { name: '王局长', roles: ['leader'], phones: ['13800000001'], title: '副局长' },
  { name: '李副秘书长', roles: ['leader'], phones: ['13800000002'], title: '副秘书长' },
  { name: '张伟', roles: ['lead', 'second'], phones: ['13900000001'], title: '科长' },
  { name: '刘洋', roles: ['lead'], phones: ['13900000002'], title: '副科长' },
  { name: '陈静', roles: ['second'], phones: ['13700000001'], title: '科员' },
  { name: '赵磊', roles: ['second'], phones: ['13700000002'], title: '科员' },
] as const;

describe('roster and handover in Chromium', () => {
  it('generates a month, swaps two days, drafts a handover with an open incident, signs both sides and reviews', async () => {
    const host = await startWebHost(tempDir());
    try {
      for (const p of PEOPLE) {
        const saved: Person = await api(host, 'people.save', { ...p, roles: [...p.roles], phones: [...p.phones] });
        // Signing a handover means identity: everyone who signs or reviews has a PIN.
        await api(host, 'people.setPin', { id: saved.id, pin: PIN });
      }
      const received = new Date(Date.now() - 10 * 60_000).toISOString();
      await api(host, 'incidents.create', chemicalFire({ occurredAt: received, receivedAt: received }));

      const page = await newPage(browser);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await app.go('roster');
      const roster = new RosterPage(page);
      const month = await page.getByTestId('roster-month').innerText();
      await roster.generateMonth();
      await expect.poll(() => page.getByTestId('roster-conflict-count').innerText()).toBe('无冲突');
      // Just after midnight on the 1st, or on the last day, the current or next shift lies in another month.
      const now = await api(host, 'duty.now', {});
      const next = new Date(Date.parse(now.endsAt) + 60_000);
      const months = new Set([now.date.slice(0, 7), new Date(next.getTime() + 8 * 3600_000).toISOString().slice(0, 7)]);
      for (const other of [...months].filter((m) => m !== month))
        await api(host, 'roster.generate', {
          month: other,
          rotations: { leader: [1, 2], lead: [3, 4], second: [5, 6] },
        });

      const before3 = await roster.slot(`${month}-03`, 'lead').innerText();
      const before4 = await roster.slot(`${month}-04`, 'lead').innerText();
      await roster.swap(`${month}-03`, `${month}-04`, '家中有事', '值班室主任');
      await expect.poll(() => roster.slot(`${month}-03`, 'lead').innerText()).toContain(before4.trim());
      expect(await roster.slot(`${month}-04`, 'lead').innerText()).toContain(before3.trim());
      expect(await roster.changesText()).toContain('家中有事');
      await expect.poll(() => page.getByTestId('duty-now-names').innerText()).toContain('带班 ');
      await screenshot(page, 'roster-month-zh');
      await roster.slot(`${month}-05`, 'lead').click();
      await page.getByTestId('swap-with').waitFor();
      await screenshot(page, 'roster-slot-modal-zh');
      await page.keyboard.press('Escape');
      await page.getByTestId('swap-with').waitFor({ state: 'detached' });
      await app.go('settings');
      await page.getByTestId('shift-handover-time').scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-shifts-zh');

      const duty: DutyNow = await api(host, 'duty.now', {});
      const handover = new HandoverPage(page);
      await handover.switchOperator(duty.lead[0]!.name, PIN);
      await expect.poll(() => page.getByTestId('operator-button').innerText()).toContain(duty.lead[0]!.name);
      await app.go('handover');
      await handover.draft();
      await expect.poll(() => page.getByTestId('live-incidents').innerText()).toContain(chemicalFire().title);
      expect(await page.getByTestId('live-incidents').innerText()).toMatch(/电话报告|书面报告/);
      await screenshot(page, 'handover-live-zh');
      await page.getByTestId('handover-notices').fill('化工厂火灾书面报告待报，请接班后跟进。');
      for (const k of ['phone', 'fax', 'satellite'] as const) await handover.setEquipment(k, '正常');
      await handover.setEquipment('video', '故障');
      await page.getByTestId('handover-save').click();
      await screenshot(page, 'handover-draft-zh');
      const draft: Handover = await api(host, 'handover.draft', {});
      await handover.sign('outgoing', PIN);
      await expect.poll(() => handover.status()).toBe('交班人已签');
      await handover.sign('incoming', PIN, draft.incoming!.name);
      await expect.poll(() => handover.status()).toBe('待审阅');
      await handover.review('已阅。请接班人员继续跟踪化工厂火灾续报。', PIN);
      await expect.poll(() => handover.status()).toBe('已审阅');
      await page.getByTestId('sign-review').scrollIntoViewIfNeeded();
      await screenshot(page, 'handover-reviewed-zh');
      expect((await api(host, 'audit.verify', {})).ok).toBe(true);

      await app.toggleLanguage();
      await app.go('roster');
      await expect.poll(() => page.getByTestId('roster-conflict-count').innerText()).toMatch(/no conflicts/i);
      expect(await roster.changesText()).toContain('swapped');
      await screenshot(page, 'roster-month-en');
      await page.getByTestId('roster-tab-people').click();
      await page.getByTestId('people-table').waitFor();
      await screenshot(page, 'roster-people-en');
    } finally {
      await host.stop();
    }
  });
});
