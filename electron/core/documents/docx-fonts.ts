import { FONTS, LATIN_FONT } from './gbt9704';

/**
 * word/fontTable.xml declaring every GB/T 9704 face with the next face of its stack as w:altName, its
 * PANOSE class and charset 134 (GB2312, hex 86). An office suite without 仿宋_GB2312 then walks
 * 仿宋 → FangSong → STFangsong → Noto Serif CJK SC instead of picking a sans or a Japanese face.
 */
interface FaceInfo {
  panose: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'fixed' | 'variable';
  charset: string;
}

/**
 * Declared as roman (serif) with variable pitch: a suite that lacks the face falls back by family, and
 * Windows' own "modern/fixed" for 仿宋 sends LibreOffice to a monospace sans.
 */
const CJK_SERIF: FaceInfo = { panose: '02010609060101010101', family: 'roman', pitch: 'variable', charset: '86' };
const INFO: Record<string, Partial<FaceInfo>> = {
  仿宋_GB2312: { panose: '02010609030101010101' },
  楷体_GB2312: { panose: '02010609030101010101' },
  宋体: { panose: '02010600030101010101' },
  SimSun: { panose: '02010600030101010101' },
  方正小标宋简体: { panose: '02000000000000000000' },
  'Noto Serif CJK SC': { panose: '02020400000000000000' },
  'Noto Sans CJK SC': { panose: '020B0500000000000000', family: 'swiss' },
  黑体: { family: 'swiss' },
  SimHei: { family: 'swiss' },
  STHeiti: { family: 'swiss' },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function fontXml(name: string, alt: string | undefined, info: FaceInfo): string {
  return (
    `<w:font w:name="${esc(name)}">${alt ? `<w:altName w:val="${esc(alt)}"/>` : ''}` +
    `<w:panose1 w:val="${info.panose}"/><w:charset w:val="${info.charset}"/>` +
    `<w:family w:val="${info.family}"/><w:pitch w:val="${info.pitch}"/></w:font>`
  );
}

export function fontTableXml(): string {
  const seen = new Set<string>();
  const fonts: string[] = [];
  for (const stack of Object.values(FONTS)) {
    stack.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      fonts.push(fontXml(name, stack[i + 1], { ...CJK_SERIF, ...INFO[name] }));
    });
  }
  fonts.push(
    fontXml(LATIN_FONT, undefined, {
      panose: '02020603050405020304',
      family: 'roman',
      pitch: 'variable',
      charset: '00',
    }),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts.join('') +
    '</w:fonts>'
  );
}
