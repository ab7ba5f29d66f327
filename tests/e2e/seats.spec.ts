/**
 * Two seats on one shared PostgreSQL record (issue 15): two web hosts started with --url, a browser on
 * each. What one seat records appears at the other within a second, without a reload — an incident in
 * the list, a handover signature on the open handover — and the header says 已连接.
 */
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyNow, Person } from '../../electron/core/contract';
import { startWebHost, type RunningHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { freshDatabase, pgUrl } from '../pg/databases';
import { launchBrowser, newPage, screenshot } from './browser';
import { callHost as api } from './api';
import { AppShellPage } from './pages/app-shell';
import { HandoverPage } from './pages/handover';
import { IncidentsPage } from './pages/incidents-page';

const PIN = '246810';
const PEOPLE = [
  { name: '王局长', roles: ['leader'] },
  { name: '李副秘书长', roles: ['leader'] },
  { name: '张伟', roles: ['lead'] },
  { name: '刘洋', roles: ['lead'] },
  { name: '陈静', roles: ['second'] },
  { name: '赵磊', roles: ['second'] },
] as const;

let browser: Browser;
const hosts: RunningHost[] = [];
beforeAll(async () => {
  if (pgUrl()) browser = await launchBrowser();
});
afterAll(async () => {
  for (const h of hosts) await h.stop();
  await browser?.close();
});

/** Opens a seat's page and waits until the header shows the shared database connected. */
async function openSeat(host: RunningHost): Promise<Page> {
  const page = await newPage(browser);
  await new AppShellPage(page).open(host.url);
  await expect.poll(() => page.getByTestId('seat-status').getAttribute('data-state')).toBe('ok');
  return page;
}

describe.skipIf(!pgUrl())('two seats on one PostgreSQL database', () => {
  it("shows one seat's new incident and handover signature at the other within 1 s", async () => {
    const url = await freshDatabase('e2e_seats');
    // One after the other: the first seat creates the schema, the second finds it.
    hosts.push(await startWebHost(tempDir(), ['--url', url]));
    hosts.push(await startWebHost(tempDir(), ['--url', url]));
    const [hostA, hostB] = hosts as [RunningHost, RunningHost];

    const ids: number[] = [];
    for (const p of PEOPLE) {
      const saved: Person = await api(hostA, 'people.save', { ...p, roles: [...p.roles], phones: [] });
      await api(hostA, 'people.setPin', { id: saved.id, pin: PIN });
      ids.push(saved.id);
    }
    // Everyone on the roster this month and next (the shift after this one may lie in the next month).
    const now: DutyNow = await api(hostA, 'duty.now', {});
    const next = new Date(Date.parse(now.endsAt) + 9 * 3600_000).toISOString().slice(0, 7);
    for (const month of new Set([now.date.slice(0, 7), next]))
      await api(hostA, 'roster.generate', {
        month,
        rotations: { leader: [ids[0]!, ids[1]!], lead: [ids[2]!, ids[3]!], second: [ids[4]!, ids[5]!] },
      });

    const a = await openSeat(hostA);
    const b = await openSeat(hostB);
    const appA = new AppShellPage(a);
    await new AppShellPage(b).go('log');
    await appA.go('log');

    // Seat A records an incident; seat B's list shows it without a reload.
    const title = '两席位联动测试：城东变电站火灾';
    const logA = new IncidentsPage(a);
    await logA.openNewIncident();
    await logA.fillIncident({
      title,
      place: '城东变电站',
      involvedUnit: '城东供电公司',
      summary: '变电站主变起火，消防到场处置。',
      measures: '已切断电源。',
      level: '一般（Ⅳ级）',
      deaths: 0,
      economicLoss: 10,
    });
    await logA.save();
    await a.getByTestId('incident-detail').waitFor();
    const saved = Date.now();
    await expect
      .poll(() => b.getByTestId('incident-list').innerText(), { timeout: 1000, interval: 25 })
      .toContain(title);
    expect(Date.now() - saved).toBeLessThan(1000);
    await screenshot(a, 'seats-a-incident-zh');
    await screenshot(b, 'seats-b-incident-zh');

    // Both seats open this shift's handover; A's outgoing officer signs, and B sees the signature.
    const duty: DutyNow = await api(hostA, 'duty.now', {});
    const handoverA = new HandoverPage(a);
    await handoverA.switchOperator(duty.lead[0]!.name, PIN);
    await appA.go('handover');
    await handoverA.draft();
    const handoverB = new HandoverPage(b);
    await new AppShellPage(b).go('handover');
    await handoverB.draft();
    expect(await handoverB.status()).toBe('草稿');
    await handoverA.sign('outgoing', PIN);
    const signed = Date.now();
    await expect.poll(() => handoverB.status(), { timeout: 1000, interval: 25 }).toBe('交班人已签');
    expect(Date.now() - signed).toBeLessThan(1000);
    await screenshot(a, 'seats-a-handover-zh');
    await screenshot(b, 'seats-b-handover-zh');

    // The server lost (every connection cut, new ones refused): the header says so, a write is refused
    // with the translated message, and once the server takes connections again the seat is back by itself.
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    const db = new URL(url).pathname.slice(1);
    try {
      await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db]);
      const status = b.getByTestId('seat-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('lost');
      expect(await status.innerText()).toBe('连接中断');
      await new AppShellPage(b).go('log');
      const logB = new IncidentsPage(b);
      await logB.openNewIncident();
      await logB.fillIncident({
        title: '断线时的记录',
        place: '城西',
        involvedUnit: '无',
        summary: '测试',
        measures: '无',
        level: '一般（Ⅳ级）',
        deaths: 0,
        economicLoss: 0,
      });
      await logB.save();
      await b.getByText('无法连接共享数据库服务器', { exact: false }).first().waitFor();
      await screenshot(b, 'seats-b-lost-zh');
    } finally {
      await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await expect.poll(() => b.getByTestId('seat-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('ok');
    expect(await b.getByTestId('seat-status').innerText()).toBe('已连接');
  });
});
