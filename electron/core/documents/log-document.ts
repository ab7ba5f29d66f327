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
import { withSnapshot } from '../db/snapshot';
import { rowToIncident, type IncidentRow } from '../incidents/incident-repo';
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

function incidentRow(i: Incident, reports: ReportLine[], tz: string): Cell[] {
  return [
    i.number,
    localDateTime(i.receivedAt, tz),
    localDateTime(i.occurredAt, tz),
    i.title,
    CATEGORY_ZH[i.category],
    i.subtype,
    LEVEL_ZH[i.level],
    i.place,
    i.district,
    ...CASUALTY_FIELDS.map((f) => i.casualties[f]),
    i.economicLoss ?? '',
    STATUS_ZH[i.status],
    i.summary,
    i.measures,
    reportStatusText(reports, tz),
  ];
}

function reportRows(i: Incident, reports: ReportLine[], tz: string): Cell[][] {
  return reports.map((r) => [
    i.number,
    i.title,
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
): AsyncGenerator<{ incident: Incident; reports: ReportLine[] }[]> {
  const next = reader.db.prepare(
    `SELECT * FROM incidents WHERE received_at >= ? AND received_at < ? AND (received_at, id) > (?, ?)
     ORDER BY received_at, id LIMIT ${PAGE}`,
  );
  let after: [string, number] = ['', 0];
  for (;;) {
    const rows = next.all(from, to, ...after) as IncidentRow[];
    if (!rows.length) return;
    const incidents = rows.map(rowToIncident);
    const reports = reportLines(reader, incidents);
    yield incidents.map((incident) => ({ incident, reports: reports.get(incident.id) ?? [] }));
    const last = incidents[incidents.length - 1]!;
    after = [last.receivedAt, last.id];
    await yieldToOthers();
  }
}

function reportLines(reader: CoreContext, incidents: Incident[]): Map<number, ReportLine[]> {
  const out = new Map<number, ReportLine[]>(incidents.map((i) => [i.id, []]));
  const rows = reader.db
    .prepare(
      `SELECT incident_id, kind, seq, status, channel, recipient_unit AS recipientUnit,
         approving_leader AS approvingLeader, sender, sent_at AS sentAt
       FROM reports WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY incident_id, id`,
    )
    .all(JSON.stringify(incidents.map((i) => i.id))) as (ReportLine & { incident_id: number })[];
  for (const { incident_id, ...r } of rows) out.get(incident_id)!.push(r);
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
  const tz = getSettings(ctx).timeZone;
  const from = resolvePeriod({ date: input.from }, tz).from;
  const to = resolvePeriod({ date: input.to }, tz).to;
  const { prepared, count } = await withSnapshot(ctx, async (reader) => {
    const count = reader.db
      .prepare('SELECT count(*) FROM incidents WHERE received_at >= ? AND received_at < ?')
      .pluck()
      .get(from, to) as number;
    // XLSX reads the period twice (the incidents sheet, then the reports sheet).
    const op = startOperation(ctx, 'export.log', input.format === 'xlsx' ? 2 * count : count);
    let done = 0;
    const rows = (toRows: (i: Incident, r: ReportLine[]) => Cell[][]): Rows =>
      async function* (r) {
        for await (const page of pages(r, from, to)) {
          op.update((done += page.length));
          yield page.flatMap(({ incident, reports }) => toRows(incident, reports));
        }
      };
    const incidentRows = rows((i, r) => [incidentRow(i, r, tz)]);
    try {
      const prepared = await prepareDownload(ctx.dataFile, input.format, (sink) =>
        input.format === 'xlsx'
          ? xlsx(
              reader,
              [
                [INCIDENT_SHEET, incidentRows],
                [REPORT_SHEET, rows((i, r) => reportRows(i, r, tz))],
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
  return ctx.tx(() =>
    recordDocument(ctx, {
      kind: 'log',
      format: input.format,
      subject: { from: input.from, to: input.to, incidents: count },
      fileName: safeFileName(`值班日志_${input.from}_${input.to}.${input.format}`),
      bytes: prepared,
    }),
  );
}
