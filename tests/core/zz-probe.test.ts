import { writeFileSync, copyFileSync } from 'node:fs';
import { it } from 'vitest';
import { shiftWithOngoing } from './documents-shift';
import { sofficeToPdf, pdfLines, pdfFonts } from './office';
it('probe', async () => {
  const { core, fireId } = await shiftWithOngoing();
  const f = await core.call('exports.dailyReport', { period: { date: '2026-11-23', distribution: { bao: '省政府总值班室', song: '', fa: '各区政府' } }, format: 'docx' });
  const buf = Buffer.from(f.base64, 'base64');
  writeFileSync('/tmp/probe/daily.docx', buf);
  const { pdf } = sofficeToPdf(buf, 'daily');
  copyFileSync(pdf, '/tmp/probe/daily-lo.pdf');
  for (const p of pdfLines(pdf)) { console.log('--- page', p.length); for (const l of p) console.log(l.y.toFixed(1), l.x.toFixed(1), [...l.text].length, l.text); }
  console.log(pdfFonts(pdf));
  const reports = await core.call('reports.list', { incidentId: fireId }).catch(() => null);
  console.log(JSON.stringify(reports)?.slice(0, 300));
}, 200000);
