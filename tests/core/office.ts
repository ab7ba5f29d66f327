import { execFileSync, spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * LibreOffice headless as "another office suite": it renders our DOCX the way a user's suite would.
 * On CI (CI=true) a missing soffice is a failure, not a skip: the grid check is the point.
 */
export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
export const officeRequired = process.env.CI === 'true';

const FALLBACKS = resolve(__dirname, '../../resources/fonts/gbt9704-fallbacks.conf');

/**
 * The machine's fonts plus the GB/T 9704 fallbacks (resources/fonts): what an office machine without
 * 仿宋_GB2312 would be set up with, so the rendering shows serif 仿宋 rather than fontconfig's default sans.
 */
function fontsConf(dir: string): string {
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${FALLBACKS}</include></fontconfig>`,
  );
  return file;
}

export function sofficeToPdf(docx: Buffer, name = 'doc'): { pdf: string; dir: string } {
  const { out, dir } = sofficeConvert(docx, `${name}.docx`, 'pdf');
  return { pdf: out, dir };
}

/**
 * Opens `file` (bytes, named with its extension) in LibreOffice and saves it as `to` (a --convert-to
 * target such as pdf, or csv with filter options); returns the converted file's path.
 */
export function sofficeConvert(bytes: Buffer, file: string, to: string): { out: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'office-'));
  const src = join(dir, file);
  writeFileSync(src, bytes);
  // Its own profile directory, so parallel runs never share (and lock) one.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, src],
    { stdio: 'ignore', timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf(dir) } },
  );
  return { out: join(dir, `${file.replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`), dir };
}

export interface PdfWord {
  page: number;
  yMin: number;
  xMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words with their boxes, from pdftotext -bbox. */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
  }
  return words;
}

/** Text lines per page: words grouped by their baseline (within 2 pt). */
export interface PdfLine {
  page: number;
  y: number;
  x: number;
  xMax: number;
  /** Bottom of the line's lowest glyph box. */
  yMax: number;
  text: string;
}

export function pdfLines(pdf: string): PdfLine[][] {
  const pages: Map<number, PdfLine[]> = new Map();
  for (const w of pdfWords(pdf)) {
    const lines = pages.get(w.page) ?? [];
    const line = lines.find((l) => Math.abs(l.y - w.yMin) < 2);
    if (line) {
      line.text += w.text;
      line.x = Math.min(line.x, w.xMin);
      line.xMax = Math.max(line.xMax, w.xMax);
      line.yMax = Math.max(line.yMax, w.yMax);
    } else lines.push({ page: w.page, y: w.yMin, x: w.xMin, xMax: w.xMax, yMax: w.yMax, text: w.text });
    pages.set(w.page, lines);
  }
  return [...pages.values()].map((ls) => ls.sort((a, b) => a.y - b.y));
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

export function pdfFonts(pdf: string): string {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
}

export const read = (p: string) => readFileSync(p);

/** 37 mm top margin + 225 mm type area, in points: the bottom edge of the type area. */
export const TYPE_BOTTOM_PT = ((37 + 225) * 72) / 25.4;
/** One grid line (225 mm / 22 lines). */
export const LINE_PITCH_PT = 28.95;

/**
 * The 版记's last line (…印发) must sit on the last page, on the last grid line of the type area
 * (GB/T 9704 7.4): its glyphs end within one line pitch above the type area's bottom edge.
 */
export function expectImprintAtFoot(pdf: string): PdfLine {
  const pages = pdfLines(pdf);
  const last = pages[pages.length - 1]!;
  const line = last.find((l) => /印发$/.test(l.text));
  expect(line, `印发 line on the last page (${pages.length})`).toBeTruthy();
  const gap = TYPE_BOTTOM_PT - line!.yMax;
  expect(gap, `${line!.text}: ${gap.toFixed(1)} pt above the type area's bottom`).toBeGreaterThanOrEqual(-2);
  expect(gap, `${line!.text}: ${gap.toFixed(1)} pt above the type area's bottom`).toBeLessThan(LINE_PITCH_PT);
  return line!;
}
