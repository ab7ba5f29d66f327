/** Chinese and Arabic numerals as duty-room messages write them: 3、两、十二、二十余、一百零五、1.5. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Regex source for one number: Arabic (with decimals) or a run of Chinese numeral characters. */
export const NUMBER_SOURCE = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)';
/** Words that make the figure an estimate when they stand before it (约 30 人) or after it (30 余人). */
export const ESTIMATE_BEFORE = /(约|近|大约|至少|超过|逾|上百|数)$/;
export const ESTIMATE_AFTER_SOURCE = '(?:余|多|来|左右)?';

/** Value of a Chinese numeral up to the 万 range; null when the text is not one. */
export function chineseNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      // "十二" starts with a bare 十: one ten.
      section += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Arabic or Chinese numeral text to a number; null when neither. */
export function parseNumber(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  return chineseNumber(text);
}

/**
 * Full-width digits, letters and ASCII punctuation to half-width, one character for one, so spans found in
 * the normalised text are spans of the original.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => {
    // Keep the Chinese full-width punctuation (，：；（）) that the patterns read as written.
    if ('，：；（）！？'.includes(c)) return c;
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}
