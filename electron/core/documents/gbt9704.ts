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
/** 28 characters in 156 mm: pitch minus the 16 pt font size, times 4096 (ECMA-376 w:charSpace). */
export const CHAR_SPACE = Math.round((8844 / 28 / 20 - 16) * 4096);
/**
 * The page number sits 7 mm below the type area: the footer's bottom edge is 35 − 7 mm less one 4号 line
 * (≈ 5 mm) above the paper's edge.
 */
export const FOOTER_DISTANCE = Math.round(23 * MM_TWIPS);

/** Half-points. */
/** 五号 (10.5 pt) is only for the audit hash, which must fit one line. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, note: 21, masthead: 72 } as const;

export const RED = 'FF0000';

/** First name goes to Word; the whole stack to CSS (ui.md "Documents" fallback order). */
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
