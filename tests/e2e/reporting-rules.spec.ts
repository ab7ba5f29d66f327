import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../electron/core/contract';
import { localDate, localDateTime } from '../../electron/core/domain';
import { chemicalFire } from '../core/fixtures';
import { startWebHost, type RunningHost } from '../core/built';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { callHost } from './api';
import { AppShellPage } from './pages/app-shell';
import { IncidentsPage } from './pages/incidents-page';
import { ReportingPage } from './pages/reporting';

let browser: Browser;
let host: RunningHost;
beforeAll(async () => {
  browser = await launchBrowser();
});
beforeEach(async () => {
  host = await startWebHost(tempDir());
});
afterEach(() => host?.stop());
afterAll(() => browser?.close());
const api = <M extends MethodName>(method: M, input: MethodInput<M>) => callHost(host, method, input);

const CALL =
  '中山区滨海西路某物流公司危险化学品仓库发生爆炸并引发火灾。已造成2人死亡、5人重伤、3人失踪，消防救援支队已调派力量赶赴现场处置。';

describe('reporting rules in Chromium', () => {
  it('logs the Binhai West Road call: 较大 suggested and applied on the 30 min / 2 h clock, phone report by a call, 初报 with loss 正在核实', async () => {
    const page = await newPage(browser);
    page.on('dialog', (d) => void d.accept());
    const app = new AppShellPage(page);
    const log = new IncidentsPage(page);
    const rules = new ReportingPage(page);
    await app.open(host.url);
    await app.go('log');
    await log.openNewIncident();

    // Occurred 15 minutes before it was received (13:50 / 14:05 in the call); received now.
    const occurred = localDateTime(new Date(Date.now() - 15 * 60_000), 'Asia/Shanghai');
    const p = page;
    await p.getByTestId('incident-title').fill('中山区滨海西路危险化学品仓库爆炸火灾');
    await p.getByTestId('incident-occurredAt').fill(occurred);
    await p.getByTestId('incident-sourceUnit').fill('中山区应急管理局');
    await p.getByTestId('incident-sourcePerson').fill('张某');
    await p.getByTestId('incident-sourcePhone').fill('0411-8xxxxxxx');
    await p.getByTestId('incident-place').fill('中山区滨海西路某物流公司危险化学品仓库');
    await p.getByTestId('incident-district').fill('中山区');
    await p.getByTestId('incident-involvedUnit').fill('某物流公司');
    await p.getByTestId('incident-subtype').fill('危化品');
    await rules.fillFigures({ deaths: 2, missing: 3, seriouslyInjured: 5 });
    await p.getByTestId('incident-lossVerifying').check();
    await p.getByTestId('incident-summary').fill(CALL);
    await p.getByTestId('incident-measures').fill('消防救援支队已调派力量赶赴现场处置。');

    // The level is left 未定级: 2 dead + 3 missing = 5 ≥ 3 suggests 较大, which saving will apply.
    await expect.poll(() => rules.suggestion()).toContain('死亡 2 人、失踪 3 人，合计 5 人 ≥ 3 → 较大（Ⅲ级）');
    expect(await p.getByTestId('grade-will-apply').innerText()).toContain('较大（Ⅲ级）');
    expect(await p.getByTestId('incident-form').getByTestId('clock-note').innerText()).toContain(
      '电话 30 分钟，书面 2 小时',
    );
    // A negative count is a visible error, not a silent 0 — and nothing is sent while it stands.
    await p.getByTestId('incident-casualty-injured').fill('-1');
    await p.getByText('请填写 0 或正整数（人数）。').waitFor();
    await log.save();
    expect(await p.getByTestId('incident-form').count()).toBe(1);
    await p.getByTestId('incident-casualty-injured').fill('0');
    await screenshot(page, 'reporting-form-suggestion-zh');
    await log.save();
    await p.getByTestId('incident-detail').waitFor();

    const note = p.getByTestId('incident-detail').getByTestId('clock-note');
    await expect.poll(() => note.getAttribute('data-rule')).toBe('III');
    expect(await note.innerText()).toContain('电话 30 分钟，书面 2 小时（按较大（Ⅲ级）时限）');
    expect(await log.deadlineState('phone')).toBe('on_time');

    // The phone report is one act: the outgoing call to the recipient, marked 电话报告.
    await rules.reportByPhone('电话报告：滨海西路危化品仓库爆炸，2死3失踪5重伤');
    await expect.poll(() => log.deadlineState('phone')).toBe('done');
    expect(await log.deadlineState('written')).toBe('on_time');
    await p.locator('[data-kind="phone"]').waitFor();
    expect(await p.locator('[data-kind="phone"]').innerText()).toContain('省人民政府总值班室');

    // The 初报 goes with the loss 正在核实 and no override asked.
    await rules.sendInitial({ leader: '李市长', sender: '王值班' });
    await p.getByTestId('report-draft-initial').waitFor({ state: 'detached' });
    await expect.poll(() => log.deadlineState('written')).toBe('done');
    const initial = p.locator('[data-kind="initial"]');
    expect(await initial.innerText()).not.toMatch(/批准先行报送|缺：/);
    await screenshot(page, 'reporting-chain-zh');

    // The same form in English, with the suggestion shown.
    await app.toggleLanguage();
    await expect.poll(() => app.navText('log')).toBe('Duty log');
    await log.openNewIncident();
    await rules.fillFigures({ deaths: 2, missing: 3, seriouslyInjured: 5 });
    await expect.poll(() => rules.suggestion()).toContain('2 dead + 3 missing = 5 ≥ 3 → Large (III)');
    await screenshot(page, 'reporting-form-suggestion-en');
  });

  it('asks whom a relay went to, shows the feedback, and asks an approver for a roster hand edit', async () => {
    const received = new Date(Date.now() - 10 * 60_000).toISOString();
    const inc = await api('incidents.create', chemicalFire({ occurredAt: received, receivedAt: received }));
    await api('instructions.create', {
      incidentId: inc.id,
      leader: '李市长',
      givenAt: received,
      text: '全力搜救失踪人员',
    });
    const ids: Record<string, number> = {};
    for (const [name, roles] of [
      ['王局长', ['leader']],
      ['张伟', ['lead']],
      ['刘洋', ['lead']],
      ['陈静', ['second']],
    ] as const) {
      ids[name] = (await api('people.save', { name, roles: [...roles], phones: [] })).id;
    }
    const today = localDate(new Date(), 'Asia/Shanghai');
    await api('roster.generate', {
      month: today.slice(0, 7),
      rotations: { leader: [ids['王局长']!], lead: [ids['张伟']!, ids['刘洋']!], second: [ids['陈静']!] },
    });

    const page = await newPage(browser);
    page.on('dialog', (d) => void d.accept());
    const app = new AppShellPage(page);
    await app.open(host.url);
    await app.go('log');
    await page.getByText(inc.title).first().click();
    await page.getByTestId('tab-instructions').click();
    // A relay without a recipient is refused with the reason under the field.
    await page.getByTestId('instruction-action-save').click();
    await page.getByText('传达须写明传达对象。').first().waitFor();
    await page.getByTestId('instruction-action-party').fill('市消防救援支队');
    await page.getByTestId('instruction-action-save').click();
    await page.getByTestId('instruction-action-relay').waitFor();
    await page.getByTestId('instruction-action-kind').click();
    await page.getByRole('option', { name: '反馈' }).click();
    await page.getByPlaceholder('内容').fill('已搜救出 1 人');
    await page.getByTestId('instruction-action-save').click();
    await page.getByTestId('instruction-action-feedback').waitFor();
    expect(await page.getByTestId('instruction-action-feedback').innerText()).toContain('已搜救出 1 人');
    await screenshot(page, 'reporting-instruction-feedback-zh');

    // A second officer in the leader's slot: a role not held, replacing the rostered leader.
    await app.go('roster');
    await page.getByTestId(`slot-${today}-full-leader-0`).click();
    await page.getByTestId('slot-mode').getByText('调整').click();
    await page.getByTestId('slot-person').click();
    await page.getByRole('option', { name: '陈静' }).click();
    await page.getByTestId('slot-approval-needed').waitFor();
    expect(await page.getByTestId('slot-approval-needed').innerText()).toContain('不担任该角色');
    await page.getByTestId('slot-reason').fill('王局长外出开会');
    // The approver is asked for like a swap's (the core refuses the edit without one).
    expect(await page.getByTestId('slot-approver').getAttribute('required')).not.toBeNull();
    await screenshot(page, 'reporting-roster-approval-zh');
    await page.getByTestId('slot-approver').fill('李副秘书长');
    await page.getByTestId('slot-submit').click();
    await page.getByTestId('slot-submit').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId(`slot-${today}-full-leader-0`).innerText()).toContain('陈静');
    expect(await page.getByTestId('roster-changes').innerText()).toContain('李副秘书长');
  });
});
