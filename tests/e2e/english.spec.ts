import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n/resources';
import { runCli, startWebHost } from '../core/built';
import { ENGLISH_WITH_CHINESE, flatten } from '../core/english-allowed';
import { tempDir } from '../core/helpers';
import { launchBrowser, newPage, screenshot } from './browser';
import { AppShellPage } from './pages/app-shell';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Han characters and CJK/full-width punctuation (，：（）〔〕…). */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+/g;

function strings(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') {
    if (v.match(CJK)) out.add(v);
  } else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
}

/**
 * What the duty room typed or imported (names, places, summaries, plan texts…) is Chinese in any UI
 * language: every string the page received from the API counts as user data. The English locale's own
 * deliberate Chinese (tests/core/english-allowed.ts: the "切换到中文" toggle, examples of Chinese input
 * in hints) is allowed too; a Chinese value anywhere else in en.json fails tests/core/i18n-english.test.ts.
 */
function watchData(page: Page) {
  const data = new Set<string>();
  // The Chinese runs of the English strings meant to show some (e.g. 〔2026〕5号 in a number example).
  for (const [k, v] of flatten(resources.en.translation))
    if (k in ENGLISH_WITH_CHINESE) for (const run of v.match(CJK) ?? []) data.add(run);
  const pending: Promise<void>[] = [];
  // API calls in flight, for `quiet`: Playwright's 'networkidle' never comes while the page holds its
  // long-lived /events stream (the seat events), so the API's own traffic is what is waited out.
  let inflight = 0;
  let changed = Date.now();
  const track = (r: { url(): string }, delta: number) => {
    if (!r.url().includes('/api/')) return;
    inflight += delta;
    changed = Date.now();
  };
  page.on('request', (r) => track(r, 1));
  page.on('requestfinished', (r) => track(r, -1));
  page.on('requestfailed', (r) => track(r, -1));
  page.on('response', (r) => {
    if (r.url().includes('/api/'))
      pending.push(
        r.json().then(
          (j: unknown) => strings(j, data),
          () => undefined,
        ),
      );
  });
  const quiet = () =>
    expect.poll(() => inflight === 0 && Date.now() - changed >= 500, { timeout: 20_000, interval: 100 }).toBe(true);
  return { data, quiet, settle: () => Promise.all(pending) };
}

/**
 * The visible text left in Chinese once user data is taken out: what remains is chrome nobody
 * translated (a status, a report name, a "：" between an English label and its value).
 */
async function untranslated(page: Page, watch: ReturnType<typeof watchData>): Promise<string[]> {
  await watch.quiet();
  await watch.settle();
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) {
      const el = w.currentNode.parentElement;
      const visible = el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (visible && /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(w.currentNode.textContent ?? ''))
        out.push(w.currentNode.textContent!);
    }
    return out;
  });
  const known = [...watch.data].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const d of known) if (rest.includes(d)) rest = rest.split(d).join('');
    // A long run that is part of a record (an excerpt, a name inside a longer field) is data too; a short
    // one (续报一, （, ：) must come from a record whole to count as data.
    const runs = (rest.match(CJK) ?? []).filter((r) => r.length < 4 || !known.some((d) => d.includes(r)));
    if (runs.length) left.push(`${runs.join(' ')}  ⟵  ${text.trim().slice(0, 80)}`);
  }
  return left;
}

describe('English UI', () => {
  it('shows no Chinese chrome on the main screens of a living demo duty room at 1440 px', async () => {
    const data = tempDir();
    expect(runCli(['seed-demo', '--data', data]).code).toBe(0);
    const host = await startWebHost(data);
    try {
      const page = await newPage(browser);
      const watch = watchData(page);
      const app = new AppShellPage(page);
      await app.open(host.url);
      await app.toggleLanguage();
      await expect.poll(() => app.navText('now')).toBe('Now');
      const found: Record<string, string[]> = {};
      const check = async (screen: string) => {
        // A screen may render before the test has read the response it came from (a loaded machine):
        // ask again for a few seconds; untranslated chrome stays whatever the wait.
        let left = await untranslated(page, watch);
        for (let i = 0; i < 10 && left.length; i++) {
          await page.waitForTimeout(500);
          left = await untranslated(page, watch);
        }
        if (left.length) found[screen] = left;
      };
      for (const area of ['now', 'log', 'plans', 'roster', 'handover', 'reports', 'settings'] as const) {
        await app.go(area);
        await page.waitForTimeout(300);
        await check(area);
      }
      await screenshot(page, 'english-settings');
      // The demo's explosion: reports, an instruction, calls and a plan response.
      await app.go('log');
      await page.getByText('金州区某化工厂爆炸事故').first().click();
      await page.getByTestId('incident-detail').waitFor();
      await check('incident timeline');
      await screenshot(page, 'english-incident');
      for (const tab of ['reports', 'instructions', 'calls', 'plans'] as const) {
        await page.getByTestId(`tab-${tab}`).click();
        await check(`incident ${tab}`);
      }
      await app.go('handover');
      await page.locator('[data-testid^="handover-item-"]').first().click();
      await page.getByTestId('handover-detail').waitFor();
      await check('handover record');
      await screenshot(page, 'english-handover');
      expect(found).toEqual({});
    } finally {
      await host.stop();
    }
  });
});
