import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Block, DocumentModel } from './blocks';
import {
  CHAR_SPACE,
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

function run(text: string, role: FontRole = 'fangsong', size: number = SIZE.san, extra: { color?: string } = {}) {
  return new TextRun({ text, font: font(role), size, ...extra });
}

const TWO_CHARS = 2 * 320;
const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };

const rule = (color: string) => ({ style: BorderStyle.SINGLE, size: 12, color, space: 1 });

function masthead(b: Extract<Block, { t: 'masthead' }>): Paragraph[] {
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(b.title, 'xiaobiaosong', SIZE.masthead, { color: RED })],
    }),
  ];
  if (b.issue) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(b.issue)] }));
  if (b.signer) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(b.signer)] }));
  out.push(
    new Paragraph({
      border: { bottom: rule(RED) },
      // A right tab at the type area's edge puts the date flush right on the office's line.
      tabStops: [{ type: 'right', position: PAGE.width - MARGIN.left - MARGIN.right }],
      children: [run(b.office), run(`\t${b.date}`)],
    }),
    new Paragraph({ children: [] }),
  );
  return out;
}

function table(b: Extract<Block, { t: 'table' }>, width: number): Table {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cell = (text: string, i: number) =>
    new TableCell({
      width: { size: Math.round((width * (b.widths[i] ?? 1)) / total), type: WidthType.DXA },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, 'fangsong', SIZE.si)] })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    rows: [b.head, ...b.rows].map((r, ri) => new TableRow({ tableHeader: ri === 0, children: r.map(cell) })),
  });
}

function block(b: Block, typeWidth: number): (Paragraph | Table)[] {
  switch (b.t) {
    case 'masthead':
      return masthead(b);
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: LINE_PITCH },
          children: [run(b.text, 'xiaobiaosong', SIZE.er)],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          indent: { firstLine: TWO_CHARS },
          spacing: exactLine,
          keepNext: true,
          children: [run(b.text, b.level === 1 ? 'heiti' : 'kaiti')],
        }),
      ];
    case 'para': {
      const opts: IParagraphOptions = {
        spacing: exactLine,
        alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
        indent: b.flush || b.align ? undefined : { firstLine: TWO_CHARS },
        children: [run(b.text)],
      };
      return [new Paragraph(opts)];
    }
    case 'table':
      return [table(b, typeWidth), new Paragraph({ children: [] })];
    case 'imprint': {
      const lines = b.note ? [...b.lines, b.note] : b.lines;
      return [
        new Paragraph({ children: [] }),
        ...lines.map(
          (l, i) =>
            new Paragraph({
              indent: { left: 320, right: 320 },
              border: {
                ...(i === 0 ? { top: rule('000000') } : {}),
                ...(i === lines.length - 1 ? { bottom: rule('000000') } : {}),
              },
              children: [run(l, 'fangsong', b.note && i === lines.length - 1 ? SIZE.note : SIZE.si)],
            }),
        ),
      ];
    }
  }
}

/** "— N —" in 4号宋体: odd pages right, even pages left. */
function pageFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const r = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font('songti'), size: SIZE.si });
  return new Footer({ children: [new Paragraph({ alignment, children: [r(['— ', PageNumber.CURRENT, ' —'])] })] });
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const typeWidth = (model.landscape ? PAGE.height : PAGE.width) - MARGIN.left - MARGIN.right;
  const doc = new Document({
    title: model.title,
    creator: 'Duty Room Console',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('fangsong'), size: SIZE.san } } } },
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
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children: model.blocks.flatMap((b) => block(b, typeWidth)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
