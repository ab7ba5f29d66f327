import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PreparedFile } from '../contract/documents';
import { CATEGORY_ZH, LEVEL_ZH, reportName } from '../contract/field-labels';
import { CASUALTY_FIELDS, type Incident } from '../contract/incidents';
import type { Report } from '../contract/reports';

/** What the log shows of a report (the snapshot of facts it carries is not read). */
type ReportLine = Pick<
  Report,
  'kind' | 'seq' | 'status' | 'channel' | 'recipientUnit' | 'approvingLeader' | 'sender' | 'sentAt'
>;
import { localDateTime } from '../domain';
import type { CoreContext } from '../context';
import { startOperation, yieldToOthers } from '../app/progress';
import { getSettings } from '../settings/settings-repo';
import { resolvePeriod } from './daily-data';
import { recordDocument } from './document-file';
import { prepareDownload, type FileSink } from './downloads';
import { channelZh, reportStatusText, safeFileName } from './wording';

/**
 * The log as XLSX or CSV, streamed: incidents are read a page at a time (with their reports in one
 * query per page) from a snapshot, turned into rows and written out before the next page is read, and
 * the event loop gets a turn between pages so a 100,000-row export never stalls other requests.
 */

type Cell = string | number;

const STATUS_ZH: Record<Incident['status'], string> = { open: '处置中', closed: '已结束', voided: '已作废' };

const INCIDENT_SHEET = {
  name: '事件',
  head: [
    '编号',
    '接报时间',
    '发生时间',
    '事件名称',
    '类别',
    '类型',
    '等级',
    '事发地点',
    '区县',
    '死亡',
    '失踪',
    '重伤',
    '受伤',
    '被困',
    '转移',
    '直接经济损失（万元）',
    '状态',
    '简要经过',
    '已采取的措施',
    '报送情况',
  ],
  widths: [11, 17, 17, 30, 12, 10, 16, 30, 10, 6, 6, 6, 6, 6, 6, 12, 8, 50, 50, 50],
};

const REPORT_SHEET = {
  name: '报告',
  head: ['事件编号', '事件名称', '报告', '状态', '报送时间', '报送方式', '报送单位', '签发领导', '报送人'],
  widths: [11, 30, 10, 8, 17, 10, 24, 12, 12],
};

/**
 * What a log row needs of an incident, read by SQLite straight out of the stored facts: parsing every
 * record's whole JSON in JS (and collecting it) was most of a big export's time. The facts, not the
 * indexed columns, are what the incident is, so every field shown comes from them as `rowToIncident` does.
 */
const fact = (path: string) => `json_extract(facts, '$.${path}')`;
const LOG_COLUMN_LIST = [
  'id',
  'received_at',
  'number',
  fact('receivedAt'),
  fact('occurredAt'),
  fact('title'),
  fact('category'),
  fact('subtype'),
  fact('level'),
  fact('place'),
  fact('district'),
  ...CASUALTY_FIELDS.map((f) => fact(`casualties.${f}`)),
  fact('economicLoss'),
  'status',
  fact('summary'),
  fact('measures'),
];
const LOG_COLUMNS = LOG_COLUMN_LIST.join(', ');
/** The reports sheet shows only the incident's number and title beside each report: the list up to the title. */
const REPORT_SHEET_COLUMNS = LOG_COLUMN_LIST.slice(0, 6).join(', ');

/** A row of LOG_COLUMNS (or of its prefix REPORT_SHEET_COLUMNS, which ends at the title). */
type LogRow = [
  id: number,
  receivedAtColumn: string,
  number: string,
  receivedAt: string,
  occurredAt: string,
  title: string,
  category: Incident['category'],
  subtype: string,
  level: Incident['level'],
  place: string,
  district: string,
  ...rest: (string | number | null)[],
];

const CASUALTIES_AT = 11;

function incidentRow(row: LogRow, reports: ReportLine[], tz: string): Cell[] {
  const [, , number, receivedAt, occurredAt, title, category, subtype, level, place, district] = row;
  const rest = row.slice(CASUALTIES_AT) as (string | number | null)[];
  const [economicLoss, status, summary, measures] = rest.slice(CASUALTY_FIELDS.length);
  return [
    number,
    localDateTime(receivedAt, tz),
    localDateTime(occurredAt, tz),
    title,
    CATEGORY_ZH[category],
    subtype,
    LEVEL_ZH[level],
    place,
    district,
    ...(rest.slice(0, CASUALTY_FIELDS.length) as number[]),
    economicLoss ?? '',
    STATUS_ZH[status as Incident['status']],
    summary as string,
    measures as string,
    reportStatusText(reports, tz),
  ];
}

function reportRows(row: LogRow, reports: ReportLine[], tz: string): Cell[][] {
  const [, , number, , , title] = row;
  return reports.map((r) => [
    number,
    title,
    reportName(r.kind, r.seq),
    r.status === 'sent' ? '已报送' : '草稿',
    r.sentAt ? localDateTime(r.sentAt, tz) : '',
    channelZh(r),
    r.recipientUnit,
    r.approvingLeader ?? '',
    r.sender ?? '',
  ]);
}

const PAGE = 1000;

/** The period's incidents in pages of PAGE, oldest first, each with its reports (two queries a page). */
async function* pages(
  reader: CoreContext,
  from: string,
  to: string,
  columns: string,
): AsyncGenerator<{ row: LogRow; reports: ReportLine[] }[]> {
  // Rows as arrays (`raw`): no object per row to build and collect.
  const next = `SELECT ${columns} FROM incidents WHERE received_at >= ? AND received_at < ? AND (received_at, id) > (?, ?)
       ORDER BY received_at, id LIMIT ${PAGE}`;
  let after: [string, number] = ['', 0];
  for (;;) {
    const rows = await reader.sql.arrays<LogRow>(next, [from, to, ...after]);
    if (!rows.length) return;
    const reports = await reportLines(reader, rows);
    yield rows.map((row) => ({ row, reports: reports.get(row[0]) ?? [] }));
    const last = rows[rows.length - 1]!;
    after = [last[1], last[0]];
    await yieldToOthers();
  }
}

async function reportLines(reader: CoreContext, rows: LogRow[]): Promise<Map<number, ReportLine[]>> {
  const out = new Map<number, ReportLine[]>();
  const lines = (await reader.sql.all(
    `SELECT incident_id, kind, seq, status, channel, recipient_unit AS recipientUnit,
         approving_leader AS approvingLeader, sender, sent_at AS sentAt
       FROM reports WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY incident_id, id`,
    [JSON.stringify(rows.map((r) => r[0]))],
  )) as (ReportLine & { incident_id: number })[];
  for (const { incident_id, ...r } of lines) {
    const list = out.get(incident_id);
    if (list) list.push(r);
    else out.set(incident_id, [r]);
  }
  return out;
}

type Rows = (reader: CoreContext) => AsyncGenerator<Cell[][]>;

/** ExcelJS writes to a Node stream: this one passes each chunk on to the file, waiting when it is full. */
function sinkStream(sink: FileSink): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
}

async function xlsx(reader: CoreContext, sheets: [typeof INCIDENT_SHEET, Rows][], sink: FileSink): Promise<void> {
  const stream = sinkStream(sink);
  const finished = new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  // No styles: registering a style model for each of ~400,000 cells was a third of the time; the frozen
  // first row still sets the header apart. No shared strings: their table would hold every text in memory.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  wb.creator = 'Duty Room Console';
  for (const [s, rows] of sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = s.head.map((header, i) => ({ header, width: s.widths[i] }));
    ws.pageSetup.printTitlesRow = '1:1';
    for await (const page of rows(reader)) for (const r of page) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  await finished;
}

const csvCell = (v: Cell) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a BOM: without it Excel reads Chinese as mojibake. CRLF as RFC 4180 says. */
const csvLines = (rows: Cell[][]) => rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');

async function csv(reader: CoreContext, head: string[], rows: Rows, sink: FileSink): Promise<void> {
  await sink.write(Buffer.from([0xef, 0xbb, 0xbf]));
  await sink.write(Buffer.from(csvLines([head]), 'utf8'));
  for await (const page of rows(reader)) await sink.write(Buffer.from(csvLines(page), 'utf8'));
}

export async function exportLog(
  ctx: CoreContext,
  input: { from: string; to: string; format: 'xlsx' | 'csv' },
): Promise<PreparedFile> {
  const tz = (await getSettings(ctx)).timeZone;
  const from = resolvePeriod({ date: input.from }, tz).from;
  const to = resolvePeriod({ date: input.to }, tz).to;
  const { prepared, count } = await ctx.sql.snapshot(async (sql) => {
    const reader: CoreContext = { ...ctx, sql };
    const count = (await reader.sql.value('SELECT count(*) FROM incidents WHERE received_at >= ? AND received_at < ?', [
      from,
      to,
    ])) as number;
    // XLSX reads the period twice (the incidents sheet, then the reports sheet).
    const op = startOperation(ctx, 'export.log', input.format === 'xlsx' ? 2 * count : count);
    let done = 0;
    const rows = (columns: string, toRows: (i: LogRow, r: ReportLine[]) => Cell[][]): Rows =>
      async function* (r) {
        for await (const page of pages(r, from, to, columns)) {
          op.update((done += page.length));
          yield page.flatMap(({ row, reports }) => toRows(row, reports));
        }
      };
    const incidentRows = rows(LOG_COLUMNS, (i, r) => [incidentRow(i, r, tz)]);
    try {
      const prepared = await prepareDownload(ctx.dataFile, input.format, (sink) =>
        input.format === 'xlsx'
          ? xlsx(
              reader,
              [
                [INCIDENT_SHEET, incidentRows],
                [REPORT_SHEET, rows(REPORT_SHEET_COLUMNS, (i, r) => reportRows(i, r, tz))],
              ],
              sink,
            )
          : csv(reader, INCIDENT_SHEET.head, incidentRows, sink),
      );
      return { prepared, count };
    } finally {
      op.end();
    }
  });
  return ctx.tx(async (ctx) =>
    recordDocument(ctx, {
      kind: 'log',
      format: input.format,
      subject: { from: input.from, to: input.to, incidents: count },
      fileName: safeFileName(`值班日志_${input.from}_${input.to}.${input.format}`),
      bytes: prepared,
    }),
  );
}
