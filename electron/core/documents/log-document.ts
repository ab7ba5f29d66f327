import ExcelJS from 'exceljs';
import type { ExportedFile } from '../contract/documents';
import { CATEGORY_ZH, LEVEL_ZH, reportName } from '../contract/field-labels';
import { CASUALTY_FIELDS, type Incident } from '../contract/incidents';
import type { Report } from '../contract/reports';
import { localDateTime } from '../domain';
import type { CoreContext } from '../context';
import { rowToIncident, type IncidentRow } from '../incidents/incident-repo';
import { incidentReports } from '../incidents/reports-repo';
import { getSettings } from '../settings/settings-repo';
import { resolvePeriod } from './daily-data';
import { recordDocument } from './document-file';
import { channelZh, reportStatusText, safeFileName } from './wording';

type Cell = string | number;
interface Sheet {
  name: string;
  head: string[];
  widths: number[];
  rows: Cell[][];
}

const STATUS_ZH: Record<Incident['status'], string> = { open: '处置中', closed: '已结束', voided: '已作废' };

function sheets(items: { incident: Incident; reports: Report[] }[], tz: string): [Sheet, Sheet] {
  const incidents: Sheet = {
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
    rows: items.map(({ incident: i, reports }) => [
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
    ]),
  };
  const reports: Sheet = {
    name: '报告',
    head: ['事件编号', '事件名称', '报告', '状态', '报送时间', '报送方式', '报送单位', '签发领导', '报送人'],
    widths: [11, 30, 10, 8, 17, 10, 24, 12, 12],
    rows: items.flatMap(({ incident: i, reports: rs }) =>
      rs.map((r) => [
        i.number,
        i.title,
        reportName(r.kind, r.seq),
        r.status === 'sent' ? '已报送' : '草稿',
        r.sentAt ? localDateTime(r.sentAt, tz) : '',
        channelZh(r),
        r.recipientUnit,
        r.approvingLeader ?? '',
        r.sender ?? '',
      ]),
    ),
  };
  return [incidents, reports];
}

async function xlsx(list: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duty Room Console';
  for (const s of list) {
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = s.head.map((header, i) => ({ header, width: s.widths[i] }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(s.rows);
    ws.pageSetup.printTitlesRow = '1:1';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: Cell) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a BOM: without it Excel reads Chinese as mojibake. CRLF as RFC 4180 says. */
export function csv(s: Sheet): Buffer {
  const body = [s.head, ...s.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function exportLog(
  ctx: CoreContext,
  input: { from: string; to: string; format: 'xlsx' | 'csv' },
): Promise<ExportedFile> {
  const tz = getSettings(ctx).timeZone;
  const from = resolvePeriod({ date: input.from }, tz).from;
  const to = resolvePeriod({ date: input.to }, tz).to;
  const rows = ctx.db
    .prepare('SELECT * FROM incidents WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id')
    .all(from, to) as IncidentRow[];
  const items = rows.map((r) => ({ incident: rowToIncident(r), reports: incidentReports(ctx, r.id) }));
  const [incidents, reports] = sheets(items, tz);
  const bytes = input.format === 'xlsx' ? await xlsx([incidents, reports]) : csv(incidents);
  return ctx.tx(() =>
    recordDocument(ctx, {
      kind: 'log',
      format: input.format,
      subject: { from: input.from, to: input.to, incidents: items.length },
      fileName: safeFileName(`值班日志_${input.from}_${input.to}.${input.format}`),
      bytes,
    }),
  );
}
