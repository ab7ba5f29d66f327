import { AppError } from '../contract/errors';
import { futureIssues } from '../domain';
import type { Call, Instruction, InstructionAction } from '../contract/log-entries';
import type { CoreContext } from '../context';
import { findIncident } from './incident-repo';
import { recordPhoneReport } from './phone-report';
import { indexEntry } from './search-index';

interface CallRow {
  id: number;
  incident_id: number | null;
  at: string;
  direction: 'in' | 'out';
  party: string;
  number: string;
  gist: string;
  created_at: string;
  created_by: string;
}

/** Calls, each with the phone report it made, if any. */
const CALLS = 'SELECT c.* FROM calls c';

/**
 * The phone reports made by these calls, by call id. `SELECT *` reads call_id where the schema has it
 * (from step 70 on); an older database has no phone reports to find.
 */
function phoneReportsOf(ctx: CoreContext, rows: CallRow[]): Map<number, number> {
  const incidents = [...new Set(rows.map((r) => r.incident_id).filter((id) => id !== null))];
  if (!incidents.length) return new Map();
  const reports = ctx.db
    .prepare("SELECT * FROM reports WHERE kind = 'phone' AND incident_id IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(incidents)) as { id: number; call_id?: number | null }[];
  return new Map(reports.filter((r) => r.call_id != null).map((r) => [r.call_id!, r.id]));
}

function toCalls(ctx: CoreContext, rows: CallRow[]): Call[] {
  const phone = phoneReportsOf(ctx, rows);
  return rows.map((r) => toCall(r, phone.get(r.id) ?? null));
}

const toCall = (r: CallRow, phoneReportId: number | null): Call => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.at,
  direction: r.direction,
  party: r.party,
  number: r.number,
  gist: r.gist,
  phoneReportId,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

function checkNotFuture(ctx: CoreContext, at: string, path: string): void {
  const issues = futureIssues(path, at, ctx.clock.now());
  if (issues.length) throw new AppError('validation', undefined, issues);
}

function findCall(ctx: CoreContext, id: number): Call {
  const r = ctx.db.prepare(`${CALLS} WHERE c.id = ?`).get(id) as CallRow | undefined;
  if (!r) throw new AppError('not_found', { entity: 'call', id });
  return toCalls(ctx, [r])[0]!;
}

function indexCall(ctx: CoreContext, c: Call): void {
  indexEntry(ctx, {
    kind: 'call',
    refId: c.id,
    incidentId: c.incidentId,
    at: c.at,
    title: c.party,
    text: `${c.party} ${c.number} ${c.gist}`,
  });
}

export function createCall(
  ctx: CoreContext,
  // Marked 电话报告 (`phoneReport`): this outgoing call is the incident's phone report.
  input: Omit<Call, 'id' | 'createdAt' | 'createdBy' | 'phoneReportId'> & { phoneReport?: boolean },
): Call {
  const at = new Date(input.at).toISOString();
  checkNotFuture(ctx, at, 'at');
  return ctx.tx(() => {
    if (input.incidentId !== null) findIncident(ctx, input.incidentId);
    const info = ctx.db
      .prepare(
        'INSERT INTO calls (incident_id, at, direction, party, number, gist, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        input.incidentId,
        at,
        input.direction,
        input.party,
        input.number,
        input.gist,
        ctx.clock.now().toISOString(),
        ctx.actor(),
      );
    const id = Number(info.lastInsertRowid);
    ctx.audit.appendRow(ctx.actor(), 'call.create', 'calls', id);
    if (input.phoneReport) recordPhoneReport(ctx, findCall(ctx, id));
    const call = findCall(ctx, id);
    indexCall(ctx, call);
    return call;
  });
}

export function linkCall(ctx: CoreContext, input: { id: number; incidentId: number }): Call {
  return ctx.tx(() => {
    const call = findCall(ctx, input.id);
    if (call.incidentId !== null) throw new AppError('call.already_linked', { incidentId: call.incidentId });
    findIncident(ctx, input.incidentId);
    ctx.db.prepare('UPDATE calls SET incident_id = ? WHERE id = ?').run(input.incidentId, call.id);
    ctx.audit.appendRow(ctx.actor(), 'call.link', 'calls', call.id);
    const linked = findCall(ctx, call.id);
    indexCall(ctx, linked);
    return linked;
  });
}

export function listCalls(ctx: CoreContext, input: { incidentId?: number; since?: string; limit: number }): Call[] {
  // The lower bound is '' when absent: every ISO instant compares above it, and both forms use an index.
  const since = input.since ? new Date(input.since).toISOString() : '';
  const rows =
    input.incidentId !== undefined
      ? ctx.db
          .prepare(`${CALLS} WHERE c.incident_id = ? AND c.at >= ? ORDER BY c.at DESC, c.id DESC LIMIT ?`)
          .all(input.incidentId, since, input.limit)
      : ctx.db.prepare(`${CALLS} WHERE c.at >= ? ORDER BY c.at DESC, c.id DESC LIMIT ?`).all(since, input.limit);
  return toCalls(ctx, rows as CallRow[]);
}

interface InstructionRow {
  id: number;
  incident_id: number | null;
  leader: string;
  given_at: string;
  text: string;
  created_at: string;
  created_by: string;
}

function loadInstructions(ctx: CoreContext, rows: InstructionRow[]): Instruction[] {
  const actionsOf = ctx.db.prepare('SELECT * FROM instruction_actions WHERE instruction_id = ? ORDER BY at, id');
  return rows.map((r) => {
    const actions = (
      actionsOf.all(r.id) as {
        id: number;
        kind: InstructionAction['kind'];
        at: string;
        party: string;
        text: string;
        created_by: string;
      }[]
    ).map((a) => ({ id: a.id, kind: a.kind, at: a.at, party: a.party, text: a.text, createdBy: a.created_by }));
    return {
      id: r.id,
      incidentId: r.incident_id,
      leader: r.leader,
      givenAt: r.given_at,
      text: r.text,
      createdAt: r.created_at,
      createdBy: r.created_by,
      actions,
      status: actions.some((a) => a.kind === 'completed') ? 'completed' : 'following',
    };
  });
}

export function findInstruction(ctx: CoreContext, id: number): Instruction {
  const r = ctx.db.prepare('SELECT * FROM instructions WHERE id = ?').get(id) as InstructionRow | undefined;
  if (!r) throw new AppError('not_found', { entity: 'instruction', id });
  return loadInstructions(ctx, [r])[0]!;
}

export function incidentInstructions(ctx: CoreContext, incidentId: number): Instruction[] {
  return loadInstructions(
    ctx,
    ctx.db
      .prepare('SELECT * FROM instructions WHERE incident_id = ? ORDER BY given_at, id')
      .all(incidentId) as InstructionRow[],
  );
}

/** 领导批示 not yet marked completed, oldest first. */
export function followingInstructions(ctx: CoreContext): Instruction[] {
  const rows = ctx.db
    .prepare(
      `SELECT * FROM instructions i WHERE NOT EXISTS
         (SELECT 1 FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'completed')
       ORDER BY given_at, id`,
    )
    .all() as InstructionRow[];
  return loadInstructions(ctx, rows);
}

export function createInstruction(
  ctx: CoreContext,
  input: { incidentId: number | null; leader: string; givenAt: string; text: string },
): Instruction {
  const givenAt = new Date(input.givenAt).toISOString();
  checkNotFuture(ctx, givenAt, 'givenAt');
  return ctx.tx(() => {
    if (input.incidentId !== null) findIncident(ctx, input.incidentId);
    const info = ctx.db
      .prepare(
        'INSERT INTO instructions (incident_id, leader, given_at, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(input.incidentId, input.leader, givenAt, input.text, ctx.clock.now().toISOString(), ctx.actor());
    const id = Number(info.lastInsertRowid);
    ctx.audit.appendRow(ctx.actor(), 'instruction.create', 'instructions', id);
    indexEntry(ctx, {
      kind: 'instruction',
      refId: id,
      incidentId: input.incidentId,
      at: givenAt,
      title: input.leader,
      text: `${input.leader} ${input.text}`,
    });
    return findInstruction(ctx, id);
  });
}

export function addInstructionAction(
  ctx: CoreContext,
  input: { instructionId: number; kind: InstructionAction['kind']; at: string; party: string; text: string },
): Instruction {
  const at = new Date(input.at).toISOString();
  checkNotFuture(ctx, at, 'at');
  return ctx.tx(() => {
    const ins = findInstruction(ctx, input.instructionId);
    if (Date.parse(at) < Date.parse(ins.givenAt))
      throw new AppError('validation', undefined, [{ path: 'at', code: 'before_given' }]);
    const info = ctx.db
      .prepare(
        'INSERT INTO instruction_actions (instruction_id, kind, at, party, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(ins.id, input.kind, at, input.party, input.text, ctx.clock.now().toISOString(), ctx.actor());
    ctx.audit.appendRow(ctx.actor(), `instruction.${input.kind}`, 'instruction_actions', Number(info.lastInsertRowid));
    return findInstruction(ctx, ins.id);
  });
}
