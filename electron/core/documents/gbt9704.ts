/**
 * GB/T 9704-2012 page figures (domain.md §4), shared by the Word writer and the HTML/PDF template so
 * both print the same page. DOCX units: twips (1/20 pt) and half-points.
 */
export const MM_TWIPS = 56.69;

export const PAGE = { width: 11906, height: 16838 } as const;
/** 37 / 35 / 28 / 26 mm. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** 22 lines in the 225 mm type area. */
export const LINE_PITCH = 579;
/**
 * w:charSpace of the linesAndChars grid. Word would take (15.8 − 16 pt) × 4096 = −848 to squeeze 28 3号
 * characters into 156 mm, but LibreOffice reads a negative value as a much narrower pitch and sets 17–22
 * characters a line (and table cells one character wide). With 0 every suite sets the 3号 em: 27–28
 * characters on a full line (toolchain.md "Outside clients"; tests/core/documents-office.test.ts).
 */
export const CHAR_SPACE = 0;
/** One 3号 character in twips: indents counted in characters. */
export const CHAR_TWIPS = 320;
/**
 * The page number sits 7 mm below the type area: the footer's bottom edge is 35 − 7 mm less one 4号 line
 * (≈ 5 mm) above the paper's edge.
 */
export const FOOTER_DISTANCE = Math.round(23 * MM_TWIPS);

/** Half-points. */
/** 五号 (10.5 pt) is only for the audit hash, which must fit one line. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, note: 21, masthead: 72 } as const;

export const RED = 'FF0000';

/** First name goes to the runs, the whole stack to the DOCX font table and to CSS (ui.md "Documents"). */
export const FONTS = {
  fangsong: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'],
  xiaobiaosong: ['方正小标宋简体', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC'],
  heiti: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC'],
  kaiti: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'],
  songti: ['宋体', 'SimSun', 'STSong', 'Noto Serif CJK SC'],
} as const;
export type FontRole = keyof typeof FONTS;

/** Latin letters and digits, as offices set them. */
export const LATIN_FONT = 'Times New Roman';
