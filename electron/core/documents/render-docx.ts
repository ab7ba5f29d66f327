import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  FrameWrap,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
  WidthType,
  type IBordersOptions,
  type IFrameOptions,
} from 'docx';
import { signatureIndents, titleLines, type Block, type DocumentModel } from './blocks';
import { fontTableXml } from './docx-fonts';
import {
  CHAR_SPACE,
  CHAR_TWIPS,
  FONTS,
  FOOTER_DISTANCE,
  LATIN_FONT,
  LINE_PITCH,
  MARGIN,
  PAGE,
  RED,
  SIZE,
  type FontRole,
} from './gbt9704';

/** Chinese face in w:eastAsia, Times New Roman for Latin digits (domain.md §4). */
const font = (role: FontRole) => ({ eastAsia: FONTS[role][0], ascii: LATIN_FONT, hAnsi: LATIN_FONT });
/** zh-CN on every run, so no suite shapes the text with a Japanese face. */
const ZH = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

function run(text: string, role: FontRole = 'fangsong', size: number = SIZE.san, extra: { color?: string } = {}) {
  return new TextRun({ text, font: font(role), size, language: ZH, ...extra });
}

/** "\n" in the model is a line break inside the paragraph (an officer's 续报 keeps its lines). */
function lines(text: string, role: FontRole = 'fangsong', size: number = SIZE.san): TextRun[] {
  return text
    .split('\n')
    .map((l, i) => new TextRun({ text: l, font: font(role), size, language: ZH, ...(i ? { break: 1 } : {}) }));
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
/**
 * Body paragraphs fill every line of the grid: no widow/orphan moves (a suite that applies them leaves
 * 21-line pages), as offices set official documents.
 */
const body = { spacing: exactLine, widowControl: false } as const;
const rule = (color: string, size = 12) => ({ style: BorderStyle.SINGLE, size, color, space: 1 });
const empty = () => new Paragraph({ ...body, children: [] });

function masthead(b: Extract<Block, { t: 'masthead' }>, typeWidth: number): Paragraph[] {
  const out: Paragraph[] = [];
  // GB/T 9704 7.2.2: 密级/敏感标注 in 3号黑体 at the top left of the first page.
  if (b.marking) out.push(new Paragraph({ spacing: exactLine, children: [run(b.marking, 'heiti')] }));
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(b.title, 'xiaobiaosong', SIZE.masthead, { color: RED })],
    }),
  );
  if (b.issue)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(b.issue)] }));
  const right = [{ type: TabStopType.RIGHT, position: typeWidth }];
  out.push(
    b.docNumber
      ? // 7.2.4: the number one character in from the left, 签发人 (仿宋) + name (楷体) flush right.
        new Paragraph({
          border: { bottom: rule(RED, 18) },
          spacing: exactLine,
          indent: { left: CHAR_TWIPS },
          tabStops: [{ type: TabStopType.RIGHT, position: typeWidth - CHAR_TWIPS }],
          children: [run(b.docNumber), run('\t签发人：'), run(b.signer ?? '', 'kaiti')],
        })
      : new Paragraph({
          border: { bottom: rule(RED, 18) },
          spacing: exactLine,
          tabStops: right,
          children: [run(b.office), run(`\t${b.date}`)],
        }),
  );
  return out;
}

function table(b: Extract<Block, { t: 'table' }>, width: number): Table {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cell = (text: string, i: number) =>
    new TableCell({
      width: { size: Math.round((width * (b.widths[i] ?? 1)) / total), type: WidthType.DXA },
      // Half the default cell padding (1 mm a side): narrow columns (星期, 班次) keep their two characters.
      margins: { left: 57, right: 57 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, 'fangsong', SIZE.si)] })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: b.widths.map((w) => Math.round((width * w) / total)),
    rows: [b.head, ...b.rows].map((r, ri) => new TableRow({ tableHeader: ri === 0, children: r.map(cell) })),
  });
}

/** A paragraph border's height in twips: the rule itself plus its 1 pt of space. */
const RULE_TWIPS = 40;

/**
 * 版记 at the foot of the last page (GB/T 9704 7.4): paragraph frames (w:framePr) on the page where the
 * text ends — the 印发 line aligned to the bottom of the type area over a heavy rule, the distribution
 * lines (报/送/发, 抄送) one frame right above it between a heavy rule and the thin one over the 印发
 * line — each one character in from both sides, the 印发 date flush right.
 * Frames, not a floating table: LibreOffice 7.4 sets a tblpPr table in line after the text. And one
 * frame per rule pair: LibreOffice drops the frame of consecutive framed paragraphs that carry borders.
 */
function imprint(b: Extract<Block, { t: 'imprint' }>, typeWidth: number, typeHeight: number): Paragraph[] {
  const dist = b.lines.slice(0, -1);
  const last = b.lines[b.lines.length - 1]!;
  const base = {
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: typeWidth,
    wrap: FrameWrap.NOT_BESIDE,
  } as const;
  const line = (texts: { text: string; right?: string }[], frame: IFrameOptions, border: IBordersOptions) =>
    new Paragraph({
      frame,
      spacing: exactLine,
      border,
      indent: { left: 280, right: 280 },
      tabStops: [{ type: TabStopType.RIGHT, position: typeWidth - 280 - 280 }],
      children: texts.flatMap((l, i) => [
        new TextRun({ text: l.text, font: font('fangsong'), size: SIZE.si, language: ZH, ...(i ? { break: 1 } : {}) }),
        ...(l.right ? [run(`\t${l.right}`, 'fangsong', SIZE.si)] : []),
      ]),
    });
  const atFoot = {
    ...base,
    type: 'alignment',
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
  } as const;
  const heavy = rule('000000', 8);
  if (!dist.length) return [line([last], atFoot, { top: heavy, bottom: heavy })];
  // The distribution frame stands on the 印发 frame: the type area's height less both frames' lines and rules.
  const y = typeHeight - (dist.length + 1) * LINE_PITCH - 3 * RULE_TWIPS;
  return [
    line(dist, { ...base, type: 'absolute', position: { x: 0, y } }, { top: heavy, bottom: rule('000000', 4) }),
    // A hairline paragraph between the two: LibreOffice merges adjacent framed paragraphs into one frame.
    new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] }),
    line([last], atFoot, { bottom: heavy }),
  ];
}

function block(b: Block, typeWidth: number, typeHeight: number): (Paragraph | Table)[] {
  switch (b.t) {
    case 'masthead':
      return masthead(b, typeWidth);
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...exactLine, after: LINE_PITCH },
          keepNext: true,
          children: lines(titleLines(b.text).join('\n'), 'xiaobiaosong', SIZE.er),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          indent: { firstLine: 2 * CHAR_TWIPS },
          spacing: exactLine,
          keepNext: true,
          children: [run(b.text, b.level === 1 ? 'heiti' : 'kaiti')],
        }),
      ];
    case 'para':
      // An officer's line break starts a new paragraph: a justified line ending in a manual break would
      // be stretched across the line (Word and LibreOffice both do).
      return b.text.split('\n').map(
        (text) =>
          new Paragraph({
            ...body,
            alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
            indent: b.flush || b.align ? undefined : { firstLine: 2 * CHAR_TWIPS },
            children: [run(text)],
          }),
      );
    case 'blank':
      return Array.from({ length: b.lines }, empty);
    case 'signature': {
      const ind = signatureIndents(b.office, b.date);
      const p = (text: string, right: number) =>
        new Paragraph({
          spacing: exactLine,
          alignment: AlignmentType.RIGHT,
          indent: { right: Math.round(right * CHAR_TWIPS) },
          children: [run(text)],
        });
      return [empty(), empty(), p(b.office, ind.office), p(b.date, ind.date)];
    }
    case 'table':
      return [table(b, typeWidth), empty()];
    case 'imprint':
      return imprint(b, typeWidth, typeHeight);
  }
}

/** "— N —" in 4号宋体, one character in from the edge: odd pages right, even pages left. */
function pageFooter(odd: boolean): Footer {
  const r = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: font('songti'),
    size: SIZE.si,
    language: ZH,
  });
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [r],
      }),
    ],
  });
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const typeWidth = (model.landscape ? PAGE.height : PAGE.width) - MARGIN.left - MARGIN.right;
  const typeHeight = (model.landscape ? PAGE.width : PAGE.height) - MARGIN.top - MARGIN.bottom;
  const doc = new Document({
    title: model.title,
    creator: 'Duty Room Console',
    customProperties: Object.entries(model.properties ?? {}).map(([name, value]) => ({ name, value })),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font('fangsong'), size: SIZE.san, language: ZH } } },
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps the sides itself for a landscape page: always give it the portrait A4.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              ...(model.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
            margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageFooter(true), even: pageFooter(false) },
        children: model.blocks.flatMap((b) => block(b, typeWidth, typeHeight)),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
