import { fromLocalDateTime, localParts } from './time';
import type { Extracted } from '../contract/message-parse';
import { parseNumber } from './message-numbers';

const N = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})';
const RELATIVE = '今天|今日|今晨|今早|今晚|昨天|昨日|昨晚|昨夜|前天';
const PERIOD = '凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜间|夜里|深夜|晚';
/**
 * One time expression: an optional date (2026年11月28日 · 11月28日 · 2026-11-28 · 28日 · 昨天), an optional
 * part of day, and a clock time (13时50分 · 13:50 · 9点半), e.g. "11月28日13时50分许", "昨晚11时".
 */
const WHEN = new RegExp(
  `(?:(?:(\\d{4})年)?${N}月${N}日|(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(?<![\\d月])${N}日|(${RELATIVE}))?` +
    `\\s*(${PERIOD})?\\s*${N}(?:时|点|:)(?:(半)|${N}分?)?(?:许|左右|前后)?`,
  'g',
);
/** A time after these words is an "as of" or a receipt time, not when it happened. */
const NOT_OCCURRENCE_BEFORE = /(截至|截止|截止到|截止至|接报时间[:：]?|报告时间[:：]?|来电时间[:：]?|至|到)\s*$/;
const NOT_OCCURRENCE_AFTER = /^\s*[，,]?\s*(接|接到|收到|到达|赶到|抵达)/;

const pad = (n: number) => String(n).padStart(2, '0');

function shiftDays(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function hourOf(hour: number, period: string | undefined, relative: string | undefined): number {
  const evening = /下午|午后|傍晚|晚上|晚|夜里/.test(period ?? '') || /晚|夜/.test(relative ?? '');
  if (evening && hour < 12 && hour >= 1 && !(period === '夜里' && hour <= 4)) return hour + 12;
  if (period === '中午' && hour < 3) return hour + 12;
  if ((period === '凌晨' || period === '深夜') && hour === 12) return 0;
  if (period === '深夜' && hour >= 8 && hour < 12) return hour + 12;
  return hour;
}

/**
 * When it happened: the first time expression in the text that is not an "截至" or a receipt time, read in
 * the duty room's zone against the reference instant. A date without a year takes the reference year, or
 * the year before when that would put it in the future; a clock time without a date takes the reference
 * day, or the day before when that would be more than an hour ahead.
 */
export function findOccurredAt(text: string, referenceAt: string, timeZone: string): Extracted<string> | undefined {
  const ref = localParts(referenceAt, timeZone);
  const refMs = new Date(referenceAt).getTime();
  for (const m of text.matchAll(WHEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (NOT_OCCURRENCE_BEFORE.test(text.slice(Math.max(0, start - 6), start))) continue;
    if (NOT_OCCURRENCE_AFTER.test(text.slice(end, end + 4))) continue;
    const [, yA, moA, dA, yB, moB, dB, dOnly, relative, period, hS, half, minS] = m;
    const hour = parseNumber(hS!);
    const minute = half ? 30 : minS ? parseNumber(minS) : 0;
    if (hour === null || minute === null || hour > 24 || minute > 59) continue;
    let y = ref.year;
    let mo = ref.month;
    let d = ref.day;
    let explicitYear = false;
    let hasDate = true;
    if (moA || moB) {
      mo = parseNumber((moA ?? moB)!) ?? 0;
      d = parseNumber((dA ?? dB)!) ?? 0;
      if (yA || yB) {
        y = Number(yA ?? yB);
        explicitYear = true;
      }
    } else if (dOnly) {
      d = parseNumber(dOnly) ?? 0;
      if (d > ref.day) [y, mo] = mo === 1 ? [y - 1, 12] : [y, mo - 1];
    } else if (relative) {
      const back = relative.startsWith('昨') ? 1 : relative === '前天' ? 2 : 0;
      [y, mo, d] = shiftDays(y, mo, d, -back);
    } else {
      hasDate = false;
    }
    const h = hourOf(hour === 24 ? 0 : hour, period, relative);
    const at = (yy: number, mm: number, dd: number) =>
      fromLocalDateTime(`${yy}-${pad(mm)}-${pad(dd)} ${pad(h)}:${pad(minute)}`, timeZone);
    let iso = at(y, mo, d);
    if (!iso) continue;
    const ahead = new Date(iso).getTime() - refMs;
    if (hasDate && !explicitYear && (moA || moB) && ahead > 86_400_000) iso = at(y - 1, mo, d);
    else if (!hasDate && ahead > 3_600_000) iso = at(...shiftDays(y, mo, d, -1));
    if (!iso) continue;
    return { value: iso, span: { start, end } };
  }
  return undefined;
}
