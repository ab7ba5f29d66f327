import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './built';
import { missingTools } from './tools';
import { dayWithIncidents, unzipText } from './documents-fixtures';
import { generateNovember, seedPeople } from './roster-fixtures';

async function dataDir() {
  const { core, initialId } = await dayWithIncidents();
  await generateNovember(core, await seedPeople(core));
  core.db.close();
  return { dir: core.dir, initialId };
}

describe('duty-room export', () => {
  it('writes the daily report, special report and log, printing the SHA-256 it recorded', async () => {
    const { dir, initialId } = await dataDir();
    const daily = join(dir, 'daily.docx');
    const r = runCli(['export', 'daily', '--data', dir, '--date', '2026-11-23', '--out', daily]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(daily)).digest('hex');
    expect(r.stdout).toContain(`sha256 ${sha}`);
    const xml = await unzipText(readFileSync(daily).toString('base64'), 'word/document.xml');
    expect(xml).toContain('大江化工园区某化工厂火灾');

    expect(r.stdout).toMatch(/issued #\d+/);
    // The period is issued now: exporting it again writes the stored bytes, not a new number.
    const again = join(dir, 'again.docx');
    expect(runCli(['export', 'daily', '--data', dir, '--date', '2026-11-23', '--out', again]).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(daily))).toBe(true);
    // The same shift by its instants is the same issue.
    const shift = join(dir, 'shift.docx');
    const s = runCli([
      'export',
      'daily',
      '--data',
      dir,
      '--from',
      '2026-11-23 08:30',
      '--to',
      '2026-11-24 08:30',
      '--out',
      shift,
    ]);
    expect(s.code).toBe(0);
    expect(readFileSync(shift).equals(readFileSync(daily))).toBe(true);
    // --preview never issues: a draft marked 样稿, and the next real issue still gets 第2期.
    const draft = join(dir, 'draft.docx');
    const p = runCli(['export', 'daily', '--data', dir, '--day', '2026-11-23', '--preview', '--out', draft]);
    expect(p.stdout).toContain('preview (not issued)');
    expect(await unzipText(readFileSync(draft).toString('base64'), 'word/document.xml')).toContain('样稿（未签发）');
    const cal = join(dir, 'calendar.docx');
    expect(runCli(['export', 'daily', '--data', dir, '--day', '2026-11-23', '--out', cal]).code).toBe(0);
    expect(await unzipText(readFileSync(cal).toString('base64'), 'word/document.xml')).toContain('2026年第2期');
    expect(
      runCli(['export', 'daily', '--data', dir, '--date', '2026-11-23', '--day', '2026-11-23', '--out', cal]).stderr,
    ).toMatch(/^error: export daily needs one of --date, --day/);

    const special = join(dir, 'special.docx');
    expect(runCli(['export', 'special', '--data', dir, '--report', String(initialId), '--out', special]).code).toBe(0);
    expect(await unzipText(readFileSync(special).toString('base64'), 'word/document.xml')).toContain('的初报');

    const csv = join(dir, 'log.csv');
    expect(
      runCli(['export', 'log', '--data', dir, '--from', '2026-11-01', '--to', '2026-11-30', '--out', csv]).code,
    ).toBe(0);
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const xlsx = join(dir, 'log.xlsx');
    expect(
      runCli(['export', 'log', '--data', dir, '--from', '2026-11-01', '--to', '2026-11-30', '--out', xlsx]).code,
    ).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const roster = join(dir, 'roster.xlsx');
    expect(runCli(['export', 'roster', '--data', dir, '--month', '2026-11', '--out', roster]).code).toBe(0);
    expect(readFileSync(roster).subarray(0, 2).toString()).toBe('PK');

    expect(runCli(['verify', '--data', dir]).code).toBe(0);
  }, 60_000);

  it.skipIf(missingTools('/usr/bin/chromium'))(
    'prints the daily report to PDF',
    async () => {
      const { dir } = await dataDir();
      const pdf = join(dir, 'daily.pdf');
      const r = runCli(['export', 'daily', '--data', dir, '--date', '2026-11-23', '--out', pdf]);
      expect(r.stderr).toBe('');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );

  it('fails with one line on a bad request', async () => {
    const { dir } = await dataDir();
    const r = runCli([
      'export',
      'log',
      '--data',
      dir,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--out',
      join(dir, 'x.txt'),
    ]);
    expect(r.code).toBe(2); // README: usage
    expect(r.stderr).toMatch(/^error: --format must be one of xlsx, csv/);
    const s = runCli(['export', 'special', '--data', dir, '--report', '999', '--out', join(dir, 'x.docx')]);
    expect(s.code).toBe(1);
    // One translated line naming the code, no stack.
    expect(s.stderr).toBe('error: The record does not exist. [not_found]\n');
  }, 30_000);
});
