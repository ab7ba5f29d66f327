import type { PreparedFile } from '../contract/documents';
import type { CoreContext } from '../context';
import { startOperation } from '../app/progress';
import { getSettings } from '../settings/settings-repo';
import { resolvePeriod } from './daily-data';
import { recordDocument } from './document-file';
import { prepareDownload, type FileSink } from './downloads';
import { incidentCells, logIncidents, logReports, reportCells, type LogRange } from './log-rows';
import { csvLines, sliceRanges, writeCsvRows } from './log-csv';
import type { Sql } from '../db/sql-port';
import { safeFileName } from './wording';
import { writeXlsx, type Cell, type SheetSpec } from './xlsx-writer';

/**
 * The log as XLSX or CSV, streamed from a snapshot: XLSX a page at a time (each incident with its reports),
 * each page written out before the next is read and the event loop given a turn between pages, so a big
 * export never stalls other requests; CSV in slices, on worker threads where it can (log-csv.ts).
 */

const INCIDENT_SHEET: SheetSpec = {
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

const REPORT_SHEET: SheetSpec = {
  name: '报告',
  head: ['事件编号', '事件名称', '报告', '状态', '报送时间', '报送方式', '报送单位', '签发领导', '报送人'],
  widths: [11, 30, 10, 8, 17, 10, 24, 12, 12],
};

type Rows = () => AsyncIterable<Cell[][]>;

/** UTF-8 with a BOM: without it Excel reads Chinese as mojibake. */
async function csv(
  reader: Sql,
  files: { dataFile: string; workers: string | undefined },
  range: LogRange,
  count: number,
  tz: string,
  sink: FileSink,
  onRows: (n: number) => void,
) {
  await sink.write(Buffer.from([0xef, 0xbb, 0xbf]));
  await sink.write(Buffer.from(csvLines([INCIDENT_SHEET.head]), 'utf8'));
  const ranges = await sliceRanges(reader, range.from, range.to, count);
  await writeCsvRows(reader, files, ranges, tz, sink, onRows);
}

export async function exportLog(
  ctx: CoreContext,
  input: { from: string; to: string; format: 'xlsx' | 'csv' },
): Promise<PreparedFile> {
  const tz = (await getSettings(ctx)).timeZone;
  const from = resolvePeriod({ date: input.from }, tz).from;
  const to = resolvePeriod({ date: input.to }, tz).to;
  const { prepared, count } = await ctx.sql.snapshot(async (sql) => {
    const count = (await sql.value('SELECT count(*) FROM incidents WHERE received_at >= ? AND received_at < ?', [
      from,
      to,
    ])) as number;
    // XLSX reads the period twice (the incidents sheet, then the reports sheet).
    const op = startOperation(ctx, 'export.log', input.format === 'xlsx' ? 2 * count : count);
    let done = 0;
    // Pages are read when the sheet is written (generators run on demand): one sheet after the other.
    const rows = <T>(pages: AsyncGenerator<T[]>, toRows: (i: T) => Cell[][]): Rows =>
      async function* () {
        for await (const page of pages) {
          op.update((done += page.length));
          yield page.flatMap(toRows);
        }
      };
    const range: LogRange = { from, to };
    try {
      const prepared = await prepareDownload(ctx.dataFile, input.format, (sink) =>
        input.format === 'xlsx'
          ? writeXlsx(
              sink,
              [
                [INCIDENT_SHEET, rows(logIncidents(sql, range), (i) => [incidentCells(i, tz)])],
                [REPORT_SHEET, rows(logReports(sql, range), (i) => reportCells(i, tz))],
              ],
              { creator: 'Duty Room Console', at: ctx.clock.now() },
            )
          : csv(sql, { dataFile: ctx.dataFile, workers: ctx.wiring.workers }, range, count, tz, sink, (n) =>
              op.update((done += n)),
            ),
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
