import { CATEGORY_ZH, LEVEL_ZH, reportName } from '../contract/field-labels';
import { CASUALTY_FIELDS, type Incident, type IncidentFacts } from '../contract/incidents';
import type { Report } from '../contract/reports';
import type { Sql } from '../db/sql-port';
import { localDateTime } from '../domain';
import { yieldToOthers } from '../app/progress';
import { channelZh, reportStatusText } from './wording';
import type { Cell } from './xlsx-writer';

/**
 * The log's rows: the period's incidents read a page at a time from a snapshot, each with its reports,
 * and turned into the cells of the incidents sheet (XLSX and CSV) and of the reports sheet (XLSX).
 */

/** What the log shows of a report (the snapshot of facts it carries is not read). */
export type ReportLine = Pick<
  Report,
  'kind' | 'seq' | 'status' | 'channel' | 'recipientUnit' | 'approvingLeader' | 'sender' | 'sentAt'
>;

/** An incident of the log: its stored facts (what the incident is, as `rowToIncident` reads them) and reports. */
export interface LogIncident {
  number: string;
  status: Incident['status'];
  facts: IncidentFacts;
  reports: ReportLine[];
}

const STATUS_ZH: Record<Incident['status'], string> = { open: '处置中', closed: '已结束', voided: '已作废' };

export function incidentCells({ number, status, facts: f, reports }: LogIncident, tz: string): Cell[] {
  return [
    number,
    localDateTime(f.receivedAt, tz),
    localDateTime(f.occurredAt, tz),
    f.title,
    CATEGORY_ZH[f.category],
    f.subtype,
    LEVEL_ZH[f.level],
    f.place,
    f.district,
    ...CASUALTY_FIELDS.map((k) => f.casualties[k]),
    f.economicLoss ?? '',
    STATUS_ZH[status],
    f.summary,
    f.measures,
    reportStatusText(reports, tz),
  ];
}

/** What the reports sheet needs of an incident: its number and title beside each report. */
export type ReportsOf = Pick<LogIncident, 'number' | 'reports'> & { title: string };

export function reportCells({ number, title, reports }: ReportsOf, tz: string): Cell[][] {
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

/**
 * Rows per query. A page's rows, parsed facts and text are garbage once it is written: 250 of them fit in
 * V8's young generation and die there (measured at 1M, CSV of 100,000 rows: peak RSS 245 MB with 250,
 * 270–300 MB with 1,000, at the same time; the extra keyset seeks cost nothing measurable).
 */
export const PAGE = 250;

/** A row of the log's order (received_at, id): where a slice of it starts or ends. */
export type LogKey = [receivedAt: string, id: number];

/** The period [from, to) in the log's order, or the part of it after `after` up to `until` (inclusive). */
export interface LogRange {
  from: string;
  to: string;
  after?: LogKey | null;
  until?: LogKey | null;
}

/** The period's incidents for the incidents sheet: their whole stored facts. */
export const logIncidents = (sql: Sql, range: LogRange) =>
  pages(sql, range, 'facts', (number, status, facts, reports): LogIncident => ({
    number,
    status,
    facts: JSON.parse(facts) as IncidentFacts,
    reports,
  }));

/** The period's incidents for the reports sheet: the title is all of the facts it shows. */
export const logReports = (sql: Sql, range: LogRange) =>
  pages(sql, range, sql.dialect.jsonText('facts', '$.title'), (number, _status, title, reports): ReportsOf => ({
    number,
    title,
    reports,
  }));

/**
 * The range's incidents in pages of PAGE, oldest first (keyset on received_at, id), each with its reports
 * as one JSON array beside it (a subquery per row on the reports' (incident_id, id) index: a second query
 * per page for the page's reports took a third of a 100,000-row export). Rows come as arrays (`raw`), and
 * the facts as one JSON text parsed by the caller: twenty json_extract calls a row re-parsed the JSON for
 * each column and took twice as long. The keyset's lower bound moves with the page, so each page starts
 * in the index where the last one ended; a slice's upper bound (`until`) stops it where the next begins.
 */
async function* pages<T>(
  sql: Sql,
  { from, to, after: start, until }: LogRange,
  factsColumn: string,
  make: (number: string, status: Incident['status'], facts: string, reports: ReportLine[]) => T,
): AsyncGenerator<T[]> {
  const reports = sql.dialect.jsonArrayRows(
    'r.kind, r.seq, r.status, r.channel, r.recipient_unit, r.approving_leader, r.sender, r.sent_at',
    'reports r WHERE r.incident_id = incidents.id',
    'r.id',
  );
  const next = `SELECT id, received_at, number, status, ${factsColumn}, ${reports} FROM incidents
       WHERE received_at >= ? AND received_at < ? AND (received_at > ? OR id > ?)${
         until ? ' AND received_at <= ? AND (received_at < ? OR id <= ?)' : ''
       }
       ORDER BY received_at, id LIMIT ${PAGE}`;
  const upper = until ? [until[0], ...until] : [];
  let after: LogKey = start ?? ['', 0];
  for (;;) {
    const rows = await sql.arrays<[number, string, string, Incident['status'], string, string]>(next, [
      after[0] > from ? after[0] : from,
      to,
      ...after,
      ...upper,
    ]);
    if (!rows.length) return;
    // Index access, not destructuring: destructuring an array walks its iterator, per row and per field.
    yield rows.map((row) => make(row[2], row[3], row[4], reportLines(row[5])));
    const last = rows[rows.length - 1]!;
    after = [last[1], last[0]];
    await yieldToOthers();
  }
}
function reportLines(json: string): ReportLine[] {
  if (json === '[]') return [];
  return (JSON.parse(json) as unknown[][]).map(
    (r) =>
      ({
        kind: r[0],
        seq: r[1],
        status: r[2],
        channel: r[3],
        recipientUnit: r[4],
        approvingLeader: r[5],
        sender: r[6],
        sentAt: r[7],
      }) as ReportLine,
  );
}
