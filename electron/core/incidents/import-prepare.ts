import { ZodError } from 'zod';
import { entryMid, entryMidAround } from '../audit/chain';
import { AppError, type ApiErrorShape, type FieldIssue } from '../contract/errors';
import { incidentImportLineSchema } from '../contract/incident-import';
import { toFieldIssues } from '../contract/zod-issues';
import { planHistory, type PlannedHistory } from './incident-history';
import { checkTimes, gradedFacts, newIncident } from './incident-repo';
import { ROW_COLUMNS, VERSION_COLUMNS, rowParams, versionArgs } from './incident-rows';
import { ftsValues, incidentEntry } from './search-index';
import { addNewIncidentRows, noOpenRows, type OpenRows } from './open-deadline-rows';
import type { DeadlineRuleSet } from '../contract/deadlines';
import type { Incident } from '../contract/incidents';

/**
 * The part of an import that needs no database: each line parsed, checked (the incidents.create schema,
 * the times, the grade, the reports and calls it brings) and turned into the values its rows will hold,
 * down to the audit entries' canonical JSON. Pure, so it runs on a worker thread while the writer's
 * thread inserts the slice before (import-file.ts); the writer is left with the inserts and the chain's
 * hashes, which only it can compute. The id and the number of each incident are the writer's, given.
 */

export interface PrepareTask {
  /** The run's time (every row's created_at), ISO. */
  now: string;
  /** The clock as the slice was handed out: lines must not lie after it. */
  checkAt: string;
  tz: string;
  actor: string;
  /** The deadline rules in force: each open record's rows in the maintained tables are computed here. */
  rules: DeadlineRuleSet['rules'];
  lines: { line: number; text: string; id: number; number: string }[];
}

export interface PreparedIncident {
  id: number;
  /** incidents values in ROW_COLUMNS order. */
  row: unknown[];
  /** incident_versions values in VERSION_COLUMNS order (its id is the database's). */
  version: unknown[];
  /** `mid`: entryMid's text as UTF-8 (see encodeMids). */
  rowEntry: { kind: string; payload: string; mid: Uint8Array };
  /** The version's entry around its id: payload[0] + id + payload[1]; entryMidAround's parts as UTF-8. */
  versionEntry: { kind: string; payload: [string, string]; mid: [Uint8Array, Uint8Array, Uint8Array] };
  /** search_fts values: rowid, text, kind, ref_id, incident_id, at, title. */
  fts: unknown[];
  history: PlannedHistory | null;
}

/**
 * A slice's incidents and their rows in the maintained open-deadline tables, or the first line that is
 * refused (the import is all or nothing). `mids`: the buffer every entry's `mid` is a view of, for a
 * worker to hand over rather than copy.
 */
export type PrepareResult =
  { incidents: PreparedIncident[]; open: OpenRows; mids: ArrayBuffer } | { refused: ApiErrorShape };

export function prepareLines(task: PrepareTask): PrepareResult {
  const now = new Date(task.now);
  const checkAt = new Date(task.checkAt);
  const drafts: Draft[] = [];
  const open = noOpenRows();
  for (const l of task.lines) {
    try {
      drafts.push(prepareLine(l, now, checkAt, task, open));
    } catch (e) {
      return { refused: refusal(e, l.line) };
    }
  }
  const { buffer, views } = encodeMids(drafts.flatMap((d) => [d.rowEntry.mid, ...d.versionEntry.mid]));
  const incidents = drafts.map((d, k): PreparedIncident => {
    const [row, v0, v1, v2] = views.slice(k * 4, k * 4 + 4) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    return { ...d, rowEntry: { ...d.rowEntry, mid: row }, versionEntry: { ...d.versionEntry, mid: [v0, v1, v2] } };
  });
  return { incidents, open, mids: buffer };
}

/** A prepared incident with its entries' middles still as text. */
interface Draft extends Omit<PreparedIncident, 'rowEntry' | 'versionEntry'> {
  rowEntry: { kind: string; payload: string; mid: string };
  versionEntry: { kind: string; payload: [string, string]; mid: [string, string, string] };
}

/**
 * The entries' middles as UTF-8 in one buffer. They are the largest part of a slice (their payloads
 * escaped), needed by the writer only to be hashed: bytes are hashed as they are, and a buffer crosses
 * to the writer's thread without a copy, where strings were each copied, then each converted to UTF-8
 * to be hashed.
 */
function encodeMids(texts: string[]): { buffer: ArrayBuffer; views: Uint8Array[] } {
  let chars = 0;
  for (const t of texts) chars += t.length;
  // Three bytes at most for each UTF-16 unit.
  const all = new Uint8Array(chars * 3);
  const views: Uint8Array[] = [];
  let at = 0;
  for (const t of texts) {
    const { written } = encoder.encodeInto(t, all.subarray(at));
    views.push(all.subarray(at, at + written));
    at += written;
  }
  return { buffer: all.buffer, views };
}

const encoder = new TextEncoder();

/**
 * The rows the refresh would compute for a record just imported. One its history closes (a 终报) gets
 * none: closing it refreshes it in the writer (setIncidentStatus).
 */
function addImportedOpenRows(
  out: OpenRows,
  inc: Incident,
  history: PlannedHistory | null,
  rules: DeadlineRuleSet['rules'],
): void {
  const reports = history?.reports ?? [];
  if (reports.some((r) => r.kind === 'final')) return;
  const sent = reports.map((r) => ({ kind: r.kind, status: 'sent' as const, channel: r.channel, sentAt: r.sentAt }));
  addNewIncidentRows(out, inc, sent, rules);
}

function prepareLine(
  l: PrepareTask['lines'][number],
  now: Date,
  checkAt: Date,
  { tz, actor, rules }: PrepareTask,
  open: OpenRows,
): Draft {
  const { reports, calls, ...input } = parseLine(l.text);
  const { facts, applied } = gradedFacts(input);
  checkTimes(checkAt, facts);
  const inc = newIncident(facts, l.id, l.number, now, actor);
  const history =
    reports || calls ? planHistory(inc, { reports: reports ?? [], calls: calls ?? [] }, now, tz, actor) : null;

  const params = rowParams(inc, facts);
  if (!rowColumnsChecked) checkRowColumns(params);
  const row = Object.values(params);
  const version = versionArgs(inc, 'created', applied, params.facts as string, facts);
  const rowPayload = `{"row":${JSON.stringify(params)}}`;
  const versionPayload = aroundId(version);
  addImportedOpenRows(open, inc, history, rules);
  return {
    id: inc.id,
    row,
    version,
    rowEntry: {
      kind: 'incident.create',
      payload: rowPayload,
      mid: entryMid('incident.create', rowPayload, String(inc.id), 'incidents'),
    },
    versionEntry: {
      kind: 'incident.created',
      payload: versionPayload,
      mid: entryMidAround('incident.created', versionPayload, 'incident_versions'),
    },
    fts: ftsValues(incidentEntry(inc)),
    history,
  };
}

/** The line's record, or throws (JSON syntax, or the schema's issues). */
function parseLine(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('validation', undefined, [{ path: '', code: 'json_syntax' }]);
  }
  return incidentImportLineSchema.parse(raw);
}

/** Why a line is refused: incident.import_invalid naming it and its first field. */
function refusal(e: unknown, line: number): ApiErrorShape {
  let issues: FieldIssue[];
  if (e instanceof AppError && e.code === 'validation') issues = e.issues ?? [];
  else if (e instanceof ZodError) issues = toFieldIssues(e);
  else throw e;
  const located = issues.map((i) => ({ ...i, params: { ...i.params, line } }));
  return new AppError('incident.import_invalid', { line, field: located[0]?.path || '—' }, located).toJSON();
}

/** VERSION_COLUMNS with their places in versionArgs, sorted, split where the id (the database's) goes. */
const SORTED_VERSION = [...VERSION_COLUMNS.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1));
const BEFORE_ID = SORTED_VERSION.filter(([, c]) => c < 'id');
const AFTER_ID = SORTED_VERSION.filter(([, c]) => c > 'id');

/** The version row's payload as stored, keys in sorted order, in two halves around its id. */
function aroundId(args: unknown[]): [string, string] {
  const half = (cols: [number, string][]) => JSON.stringify(Object.fromEntries(cols.map(([i, c]) => [c, args[i]])));
  return [`{"row":${half(BEFORE_ID).slice(0, -1)},"id":`, `,${half(AFTER_ID).slice(1)}}`];
}

let rowColumnsChecked = false;

/** The import's row values follow ROW_COLUMNS: a renamed or added key in rowParams must not shift them. */
function checkRowColumns(params: Record<string, unknown>): void {
  const keys = Object.keys(params);
  if (keys.length !== ROW_COLUMNS.length || keys.some((k, i) => k !== ROW_COLUMNS[i]))
    throw new Error("the import's incidents values do not match ROW_COLUMNS");
  rowColumnsChecked = true;
}
