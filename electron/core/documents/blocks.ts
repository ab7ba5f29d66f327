/**
 * A document as a list of blocks: built once from the data, then written by both the Word writer and
 * the HTML template (preview + PDF), so the two formats can never say different things.
 */
export type Block =
  /**
   * Red masthead: big title, optional 第N期, then office (left) and date (right) over a red rule.
   * `marking` (内部资料 注意保存) sits at the top left; `docNumber` + `signer` make the 7.2.4 line of an
   * upward document (number left, 签发人 right) instead of the office/date line.
   */
  | {
      t: 'masthead';
      title: string;
      issue?: string;
      office: string;
      date: string;
      marking?: string;
      docNumber?: string;
      signer?: string;
    }
  /** 2号小标宋, centred, broken into lines only where a word ends (see titleLines). */
  | { t: 'title'; text: string }
  /** 一、 in 黑体 (level 1) or （一） in 楷体 (level 2). */
  | { t: 'heading'; level: 1 | 2; text: string }
  /** Body paragraph in 仿宋, first line indented two characters unless `flush`; "\n" starts a new paragraph. */
  | { t: 'para'; text: string; flush?: boolean; align?: 'right' }
  /** Empty body lines (e.g. the two lines before the title). */
  | { t: 'blank'; lines: number }
  | { t: 'table'; head: string[]; rows: string[][]; widths: number[] }
  /** Signature: the office centred over the date, the date four characters in from the right edge. */
  | { t: 'signature'; office: string; date: string }
  /** 版记: 4号仿宋 lines between rules at the end of the document; `right` is set flush right on the line. */
  | { t: 'imprint'; lines: { text: string; right?: string }[] };

export interface DocumentModel {
  /** Shown in the window title, used for the file name. */
  title: string;
  /** A4 turned sideways (wide tables such as the roster). */
  landscape?: boolean;
  blocks: Block[];
  /** Custom document properties (DOCX docProps/custom.xml), e.g. the audit chain head of an issue. */
  properties?: Record<string, string>;
}

/** Characters of 2号 type on one line of the 156 mm type area (22 pt ≈ 7.76 mm). */
export const TITLE_LINE_CHARS = 20;

/**
 * Break points a title may use: after 关于, before 的 that joins the subject to 初报/续报/通报…, after a
 * punctuation mark. GB/T 9704 7.3.1 asks that a title turns lines "词意完整" — never inside a word.
 */
function breakPoints(text: string): number[] {
  const out = new Set<number>();
  if (text.startsWith('关于')) out.add(2);
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    const prev = text[i - 1]!;
    if (c === '的' || c === '（' || c === '“') out.add(i);
    if ('、，）”'.includes(prev)) out.add(i);
    // After the suffixes that end a place or unit name (区/县/园区/化工厂/公司).
    if (/[区县园厂司]/.test(prev) && !/[的、，）域]/.test(c)) out.add(i);
  }
  return [...out].filter((i) => i > 0 && i < text.length).sort((a, b) => a - b);
}

/**
 * Splits a title into lines of at most `max` characters, at word ends, as evenly as possible (梯形或菱形):
 * of all fitting splits, the one whose longest line is shortest. A title with no usable break stays
 * one paragraph and wraps where the page makes it.
 */
export function titleLines(text: string, max = TITLE_LINE_CHARS): string[] {
  if (text.length <= max) return [text];
  const points = breakPoints(text);
  let best: number[] | null = null;
  let bestScore = Infinity;
  const search = (from: number, cuts: number[]) => {
    if (text.length - from <= max) {
      const bounds = [0, ...cuts, text.length];
      const lens = bounds.slice(1).map((b, i) => b - bounds[i]!);
      const score = cuts.length * 100 + Math.max(...lens) - Math.min(...lens);
      if (score < bestScore) [best, bestScore] = [cuts, score];
      return;
    }
    if (cuts.length >= 3) return;
    for (const p of points) if (p > from && p - from <= max) search(p, [...cuts, p]);
  };
  search(0, []);
  if (!best) return [text];
  const bounds = [0, ...(best as number[]), text.length];
  return bounds.slice(1).map((b, i) => text.slice(bounds[i], b));
}

/** Width of a text in body characters: ideographs 1, Latin letters and digits (Times New Roman) ½. */
export function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return n;
}

/** The signature's office is centred over its date: the right indent of each, in characters. */
export function signatureIndents(office: string, date: string): { office: number; date: number } {
  const date4 = 4;
  return { date: date4, office: Math.max(0, date4 + (ems(date) - ems(office)) / 2) };
}
