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
async function phoneReportsOf(ctx: CoreContext, rows: CallRow[]): Promise<Map<number, number>> {
  const incidents = [...new Set(rows.map((r) => r.incident_id).filter((id) => id !== null))];
  if (!incidents.length) return new Map();
  const reports = (await ctx.sql.all(
    `SELECT * FROM reports WHERE kind = 'phone' AND incident_id IN (${ctx.sql.dialect.jsonIds})`,
    [JSON.stringify(incidents)],
  )) as { id: number; call_id?: number | null }[];
  return new Map(reports.filter((r) => r.call_id != null).map((r) => [r.call_id!, r.id]));
}

async function toCalls(ctx: CoreContext, rows: CallRow[]): Promise<Call[]> {
  const phone = await phoneReportsOf(ctx, rows);
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

async function findCall(ctx: CoreContext, id: number): Promise<Call> {
  const r = (await ctx.sql.get(`${CALLS} WHERE c.id = ?`, [id])) as CallRow | undefined;
  if (!r) throw new AppError('not_found', { entity: 'call', id });
  return (await toCalls(ctx, [r]))[0]!;
}

async function indexCall(ctx: CoreContext, c: Call): Promise<void> {
  await indexEntry(ctx, {
    kind: 'call',
    refId: c.id,
    incidentId: c.incidentId,
    at: c.at,
    title: c.party,
    text: `${c.party} ${c.number} ${c.gist}`,
  });
}

export async function createCall(
  ctx: CoreContext,
  // Marked 电话报告 (`phoneReport`): this outgoing call is the incident's phone report.
  input: Omit<Call, 'id' | 'createdAt' | 'createdBy' | 'phoneReportId'> & { phoneReport?: boolean },
): Promise<Call> {
  const at = new Date(input.at).toISOString();
  checkNotFuture(ctx, at, 'at');
  return await ctx.tx(async (ctx) => {
    if (input.incidentId !== null) await findIncident(ctx, input.incidentId);
    const info = await ctx.sql.insert(
      'INSERT INTO calls (incident_id, at, direction, party, number, gist, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        input.incidentId,
        at,
        input.direction,
        input.party,
        input.number,
        input.gist,
        ctx.clock.now().toISOString(),
        await ctx.actor(),
      ],
    );
    const id = Number(info);
    await ctx.audit.appendRow(await ctx.actor(), 'call.create', 'calls', id);
    if (input.phoneReport) await recordPhoneReport(ctx, await findCall(ctx, id));
    const call = await findCall(ctx, id);
    await indexCall(ctx, call);
    return call;
  });
}

export async function linkCall(ctx: CoreContext, input: { id: number; incidentId: number }): Promise<Call> {
  return await ctx.tx(async (ctx) => {
    const call = await findCall(ctx, input.id);
    if (call.incidentId !== null) throw new AppError('call.already_linked', { incidentId: call.incidentId });
    await findIncident(ctx, input.incidentId);
    await ctx.sql.run('UPDATE calls SET incident_id = ? WHERE id = ?', [input.incidentId, call.id]);
    await ctx.audit.appendRow(await ctx.actor(), 'call.link', 'calls', call.id);
    const linked = await findCall(ctx, call.id);
    await indexCall(ctx, linked);
    return linked;
  });
}

export async function listCalls(
  ctx: CoreContext,
  input: { incidentId?: number; since?: string; limit: number },
): Promise<Call[]> {
  // The lower bound is '' when absent: every ISO instant compares above it, and both forms use an index.
  const since = input.since ? new Date(input.since).toISOString() : '';
  const rows =
    input.incidentId !== undefined
      ? await ctx.sql.all(`${CALLS} WHERE c.incident_id = ? AND c.at >= ? ORDER BY c.at DESC, c.id DESC LIMIT ?`, [
          input.incidentId,
          since,
          input.limit,
        ])
      : await ctx.sql.all(`${CALLS} WHERE c.at >= ? ORDER BY c.at DESC, c.id DESC LIMIT ?`, [since, input.limit]);
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

async function loadInstructions(ctx: CoreContext, rows: InstructionRow[]): Promise<Instruction[]> {
  const out: Instruction[] = [];
  for (const r of rows) {
    const actions = (
      (await ctx.sql.all('SELECT * FROM instruction_actions WHERE instruction_id = ? ORDER BY at, id', [r.id])) as {
        id: number;
        kind: InstructionAction['kind'];
        at: string;
        party: string;
        text: string;
        created_by: string;
      }[]
    ).map((a) => ({ id: a.id, kind: a.kind, at: a.at, party: a.party, text: a.text, createdBy: a.created_by }));
    out.push({
      id: r.id,
      incidentId: r.incident_id,
      leader: r.leader,
      givenAt: r.given_at,
      text: r.text,
      createdAt: r.created_at,
      createdBy: r.created_by,
      actions,
      status: actions.some((a) => a.kind === 'completed') ? 'completed' : 'following',
    });
  }
  return out;
}

export async function findInstruction(ctx: CoreContext, id: number): Promise<Instruction> {
  const r = (await ctx.sql.get('SELECT * FROM instructions WHERE id = ?', [id])) as InstructionRow | undefined;
  if (!r) throw new AppError('not_found', { entity: 'instruction', id });
  return (await loadInstructions(ctx, [r]))[0]!;
}

export async function incidentInstructions(ctx: CoreContext, incidentId: number): Promise<Instruction[]> {
  return loadInstructions(
    ctx,
    (await ctx.sql.all('SELECT * FROM instructions WHERE incident_id = ? ORDER BY given_at, id', [
      incidentId,
    ])) as InstructionRow[],
  );
}

/** 领导批示 not yet marked completed, oldest first. */
export async function followingInstructions(ctx: CoreContext): Promise<Instruction[]> {
  const rows = (await ctx.sql.all(`SELECT * FROM instructions i WHERE NOT EXISTS
         (SELECT 1 FROM instruction_actions a WHERE a.instruction_id = i.id AND a.kind = 'completed')
       ORDER BY given_at, id`)) as InstructionRow[];
  return loadInstructions(ctx, rows);
}

export async function createInstruction(
  ctx: CoreContext,
  input: { incidentId: number | null; leader: string; givenAt: string; text: string },
): Promise<Instruction> {
  const givenAt = new Date(input.givenAt).toISOString();
  checkNotFuture(ctx, givenAt, 'givenAt');
  return await ctx.tx(async (ctx) => {
    if (input.incidentId !== null) await findIncident(ctx, input.incidentId);
    const info = await ctx.sql.insert(
      'INSERT INTO instructions (incident_id, leader, given_at, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      [input.incidentId, input.leader, givenAt, input.text, ctx.clock.now().toISOString(), await ctx.actor()],
    );
    const id = Number(info);
    await ctx.audit.appendRow(await ctx.actor(), 'instruction.create', 'instructions', id);
    await indexEntry(ctx, {
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

export async function addInstructionAction(
  ctx: CoreContext,
  input: { instructionId: number; kind: InstructionAction['kind']; at: string; party: string; text: string },
): Promise<Instruction> {
  const at = new Date(input.at).toISOString();
  checkNotFuture(ctx, at, 'at');
  return await ctx.tx(async (ctx) => {
    const ins = await findInstruction(ctx, input.instructionId);
    if (Date.parse(at) < Date.parse(ins.givenAt))
      throw new AppError('validation', undefined, [{ path: 'at', code: 'before_given' }]);
    const info = await ctx.sql.insert(
      'INSERT INTO instruction_actions (instruction_id, kind, at, party, text, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [ins.id, input.kind, at, input.party, input.text, ctx.clock.now().toISOString(), await ctx.actor()],
    );
    await ctx.audit.appendRow(await ctx.actor(), `instruction.${input.kind}`, 'instruction_actions', Number(info));
    return findInstruction(ctx, ins.id);
  });
}
