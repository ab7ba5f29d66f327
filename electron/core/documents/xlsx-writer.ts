import type { FileSink } from './downloads';
import { zipWriter, type ZipEntryWriter } from './zip-writer';

/**
 * A streamed XLSX of plain sheets (text and number cells, a frozen header row, column widths, A4
 * landscape fitted to the page width, the header repeated on every printed page): the sheet XML is
 * built as strings, a page of rows at a time, and zipped as it goes. It writes what ExcelJS's streaming
 * writer wrote for the log (same cell types, `t="str"` text, views, widths, page setup, print titles),
 * without an object per row and per cell, which made ExcelJS most of a 10,000-row export's time.
 */

export type Cell = string | number;

export interface SheetSpec {
  name: string;
  head: string[];
  widths: number[];
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** XML text: markup characters escaped, and the control characters XML 1.0 forbids dropped (as ExcelJS did). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
export const xmlText = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] ?? '') : s);

/** A, B, … Z, AA, …: the column letters of cell references. */
export function columnLetters(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    let s = '';
    for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  });
}

/** Adjacent columns of one width share a <col> range, as Excel writes them. */
function colsXml(widths: number[]): string {
  let out = '';
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    out += `<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  return `<cols>${out}</cols>`;
}

/** One sheet's rows as XML; `rowsXml` is called a page at a time, numbering rows on from the header. */
export function sheetXml(spec: SheetSpec) {
  const letters = columnLetters(spec.head.length);
  const spans = `1:${spec.head.length}`;
  let r = 0;
  const rowsXml = (rows: Cell[][]): string => {
    let out = '';
    for (const cells of rows) {
      const n = String(++r);
      out += `<row r="${n}" spans="${spans}">`;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c]!;
        out +=
          typeof v === 'number'
            ? `<c r="${letters[c]}${n}"><v>${v}</v></c>`
            : `<c r="${letters[c]}${n}" t="str"><v>${xmlText(v)}</v></c>`;
      }
      out += '</row>';
    }
    return out;
  };
  const head =
    `${DECL}<worksheet ${NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${colsXml(spec.widths)}<sheetData>${rowsXml([spec.head])}`;
  const tail =
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
  return { head, rowsXml, tail };
}

/** The workbook's own parts: sheet list (with each sheet's header row as print titles), styles, properties. */
function packageParts(sheets: SheetSpec[], creator: string, at: Date): [string, string][] {
  const quoted = (name: string) => `&apos;${xmlText(name).replace(/&apos;/g, '&apos;&apos;')}&apos;`;
  const sheetParts = sheets.map((_, i) => `/xl/worksheets/sheet${i + 1}.xml`);
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    [
      '[Content_Types].xml',
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${MIME}.sheet.main+xml"/>` +
        sheetParts.map((p) => `<Override PartName="${p}" ContentType="${MIME}.worksheet+xml"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${MIME}.styles+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${xmlText(creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${DECL}<workbook ${NS}><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('') +
        '</sheets><definedNames>' +
        sheets
          .map(
            (s, i) =>
              `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${quoted(s.name)}!$1:$1</definedName>`,
          )
          .join('') +
        '</definedNames></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
        sheets
          .map(
            (_, i) => `<Relationship Id="rId${i + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ],
    [
      'xl/styles.xml',
      `${DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ],
  ];
}

/** A sheet's rows, a page at a time. */
export type SheetRows = () => AsyncIterable<Cell[][]>;

export async function writeXlsx(
  sink: FileSink,
  sheets: [SheetSpec, SheetRows][],
  meta: { creator: string; at: Date },
): Promise<void> {
  const zip = zipWriter(sink, meta.at);
  for (const [name, content] of packageParts(
    sheets.map(([s]) => s),
    meta.creator,
    meta.at,
  ))
    await zip.file(name, content);
  for (const [i, [spec, rows]] of sheets.entries()) {
    const sheet = sheetXml(spec);
    const w: ZipEntryWriter = await zip.entry(`xl/worksheets/sheet${i + 1}.xml`);
    await w.write(sheet.head);
    for await (const page of rows()) await w.write(sheet.rowsXml(page));
    await w.write(sheet.tail);
    await w.end();
  }
  await zip.end();
}
