import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../electron/core/contract';
import { startWebHost, type RunningHost } from '../core/built';
import { chemicalFire } from '../core/fixtures';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { callHost } from './api';
import { AppShellPage } from './pages/app-shell';

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

/** An incident amended once (deaths, place), a plan response running on it, and a 初报 drafted. */
async function shift(language: 'zh-CN' | 'en') {
  await api('settings.update', { language });
  const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const inc = await api('incidents.create', chemicalFire({ occurredAt: ago(20), receivedAt: ago(10) }));
  await api('incidents.amend', {
    id: inc.id,
    expectedVersion: 1,
    reason: '消防支队续报伤亡',
    changes: { casualties: { ...inc.casualties, deaths: 4 }, place: '大江化工园区纬三路20号' },
  });
  const plans = await api('plans.list', {});
  const plan = plans.find((p) => p.name === '危险化学品事故应急预案')!;
  const activation = await api('activations.start', {
    incidentId: inc.id,
    planId: plan.id,
    level: 'III',
    orderedBy: '李副市长',
  });
  await api('reports.draft', { incidentId: inc.id, kind: 'initial' });
  return { inc, activationId: activation.id };
}

/** No form on screen leaves validation to the browser (its bubbles are untranslated and look foreign). */
const nativeForms = (page: Page) => page.locator('form:not([novalidate])').count();

/** Whether the element is on screen, unscrolled, and not covered by anything else. */
function inSight(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return r.top >= 0 && r.bottom <= window.innerHeight && !!hit && (el === hit || el.contains(hit));
  });
}

const WORDS = {
  'zh-CN': {
    fields: '事发地点、死亡',
    required: '此项必填。',
    validation: '填写的内容有误，请按提示修改。',
    log: '值班日志',
  },
  en: {
    fields: 'Place, Deaths',
    required: 'This field is required.',
    validation: 'Some fields need attention.',
    log: 'Duty log',
  },
} as const;

describe('friction fixes seen on the shift (issue 14 item 7)', () => {
  it.each(['zh-CN', 'en'] as const)('%s: the incident and reports screens an officer works in', async (language) => {
    const w = WORDS[language];
    const { inc, activationId } = await shift(language);
    const page = await newPage(browser);
    const app = new AppShellPage(page);
    await app.open(host.url);
    await app.go('log');
    await page.getByText(inc.title).first().click();
    await page.getByTestId('incident-detail').waitFor();
    const tag = language === 'en' ? 'en' : 'zh';

    // The timeline names what an amendment changed in the officer's language, never as field paths.
    const amended = page.getByTestId('timeline').locator('[data-kind="amended"]');
    expect(await amended.innerText()).toContain(w.fields);
    expect(await page.getByTestId('timeline').innerText()).not.toContain('casualties.');
    await screenshot(page, `friction-timeline-${tag}`);

    // Every empty send field is marked at once, in words; a second press adds no second toast, and the
    // toast sits below the header.
    await page.getByTestId('tab-reports').click();
    const draft = page.getByTestId('report-draft-initial');
    await draft.waitFor();
    for (const id of ['report-recipient', 'report-leader', 'report-sender']) await page.getByTestId(id).fill('');
    await page.getByTestId('report-send').click();
    await expect.poll(() => draft.getByText(w.required).count()).toBe(3);
    await page.getByTestId('report-send').click();
    const toasts = page.locator('.mantine-Notification-root', { hasText: w.validation });
    await expect.poll(() => toasts.count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await toasts.count()).toBe(1);
    const header = await page.locator('.mantine-AppShell-header').boundingBox();
    const toast = await toasts.first().boundingBox();
    expect(toast!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
    expect(await nativeForms(page)).toBe(0);
    await screenshot(page, `friction-report-errors-${tag}`);

    // The amend reason is in sight as the dialog opens, and stays in sight at the end of the form.
    await page.getByTestId('incident-amend').click();
    await page.getByTestId('incident-reason').waitFor();
    expect(await inSight(page, 'incident-reason')).toBe(true);
    await page.getByTestId('incident-title').fill('');
    await page.getByTestId('incident-save').click();
    // Translated messages, both at once (title and reason), never the browser's bubble.
    await expect.poll(() => page.getByRole('dialog').getByText(w.required).count()).toBe(2);
    expect(await nativeForms(page)).toBe(0);
    await page.getByTestId('incident-measures').scrollIntoViewIfNeeded();
    expect(await inSight(page, 'incident-reason')).toBe(true);
    await screenshot(page, `friction-amend-${tag}`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: language === 'en' ? 'Cancel' : '取消' })
      .click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('incident-reason').waitFor({ state: 'detached' });

    // The checklist opens wide, over the log, not squeezed into the detail pane.
    await page.getByTestId('tab-plans').click();
    await page.getByTestId(`open-checklist-${activationId}`).click();
    const panel = page.getByTestId('checklist-panel');
    await panel.waitFor();
    expect((await panel.boundingBox())!.width).toBeGreaterThan(900);
    await page.waitForTimeout(300);
    await screenshot(page, `friction-checklist-${tag}`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The Reports area writes dates as YYYY-MM-DD whatever the workstation locale, and words a bad one.
    await app.go('reports');
    await page.getByTestId('daily-date').waitFor();
    expect(await page.getByTestId('daily-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('daily-date').getAttribute('type')).not.toBe('date');
    await page.getByTestId('report-kind').getByText(w.log, { exact: true }).click();
    expect(await page.getByTestId('log-from').inputValue()).toMatch(/^\d{4}-\d{2}-01$/);
    await page.getByTestId('log-to').fill('2026/11/31');
    const badDate = language === 'en' ? /YYYY-MM-DD|valid date/ : /年-月-日/;
    await expect.poll(() => page.getByText(badDate).count()).toBe(1);
    expect(await nativeForms(page)).toBe(0);
    await screenshot(page, `friction-documents-${tag}`);
  });
});
