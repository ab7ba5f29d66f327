import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  OverlapType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  RelativeHorizontalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
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

/**
 * 版记 at the foot of the last page (GB/T 9704 7.4): a table floated to the bottom of the type area on the
 * page where the text ends, its lines between rules — heavier first and last rules, a thinner one above
 * the 印发 line — each one character in from both sides, the 印发 date flush right.
 */
function imprint(b: Extract<Block, { t: 'imprint' }>, typeWidth: number, typeHeight: number): (Paragraph | Table)[] {
  const last = b.lines.length - 1;
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const rows = b.lines.map(
    (l, i) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: typeWidth - 10, type: WidthType.DXA },
            borders: {
              top: i === 0 ? rule('000000', 8) : i === last ? rule('000000', 4) : none,
              bottom: i === last ? rule('000000', 8) : none,
              left: none,
              right: none,
            },
            children: [
              new Paragraph({
                spacing: exactLine,
                indent: { left: 280, right: 280 },
                tabStops: [{ type: TabStopType.RIGHT, position: typeWidth - 280 - 216 }],
                children: [
                  run(l.text, 'fangsong', SIZE.si),
                  ...(l.right ? [run(`\t${l.right}`, 'fangsong', SIZE.si)] : []),
                ],
              }),
            ],
          }),
        ],
      }),
  );
  // A hair narrower than the type area: LibreOffice keeps a floating table as wide as the text in line.
  const width = typeWidth - 10;
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        verticalAnchor: TableAnchorType.PAGE,
        // An absolute offset (the type area's height less the rows), which LibreOffice honours where it
        // ignores tblpYSpec="bottom"; rows are exact grid lines, the rules a few twips more.
        absoluteVerticalPosition: MARGIN.top + typeHeight - b.lines.length * LINE_PITCH - 60,
        leftFromText: 0,
        rightFromText: 0,
        topFromText: 0,
        bottomFromText: 0,
        overlap: OverlapType.NEVER,
      },
      rows,
    }),
    // The paragraph the floating table is anchored to: the last line of the text.
    new Paragraph({ ...body, children: [] }),
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
