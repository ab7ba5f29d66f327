import { canonicalJson, sortedCopy } from '../audit/canonical-json';
import { AppError, type FieldIssue } from '../contract/errors';
import { LEVEL_ZH } from '../contract/field-labels';
import {
  type Incident,
  type IncidentFacts,
  type IncidentStatus,
  type IncidentVersion,
  incidentFacts,
} from '../contract/incidents';
import { futureIssues, initialLevel, supplementaryRequired } from '../domain';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { indexIncident } from './search-index';
import { refreshOpenDeadlines, storeNewIncident } from './open-deadlines';
import {
  INSERT_ROW_SQL,
  INSERT_VERSION_SQL,
  nextNumber,
  rowParams,
  rowToIncident,
  versionArgs,
  type IncidentRow,
} from './incident-rows';

export async function findIncident(ctx: CoreContext, id: number): Promise<Incident> {
  const row = (await ctx.sql.get('SELECT * FROM incidents WHERE id = ?', [id])) as IncidentRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'incident', id });
  return rowToIncident(row);
}

/** Times must be plausible: nothing in the future, nothing received before it happened. */
export function checkTimes(now: Date, f: IncidentFacts): void {
  const issues: FieldIssue[] = [
    ...futureIssues('occurredAt', f.occurredAt, now),
    ...futureIssues('receivedAt', f.receivedAt, now),
  ];
  if (Date.parse(f.occurredAt) > Date.parse(f.receivedAt)) issues.push({ path: 'receivedAt', code: 'before_occurred' });
  if (issues.length) throw new AppError('validation', undefined, issues);
}

/**
 * Facts in canonical form: UTC ISO times, so the same facts always store the same bytes; "正在核实" only
 * while there is no figure (a figure answers the question), and absent rather than false.
 */
function normaliseFacts(f: IncidentFacts): IncidentFacts {
  const { lossVerifying, ...rest } = f;
  // Object.assign, not a spread with extra keys: V8 copies a 30-key spread slowly (an import makes
  // hundreds of thousands of these).
  const out: IncidentFacts = Object.assign(rest, {
    occurredAt: new Date(f.occurredAt).toISOString(),
    receivedAt: new Date(f.receivedAt).toISOString(),
  });
  if (lossVerifying && f.economicLoss === null) out.lossVerifying = true;
  return out;
}

async function writeVersion(
  ctx: CoreContext,
  inc: Incident,
  kind: IncidentVersion['kind'],
  reason: string | null,
): Promise<void> {
  const info = await ctx.sql.insert(INSERT_VERSION_SQL, versionArgs(inc, kind, reason));
  // The actor is the one the version names (inc.updatedBy is ctx.actor() on every path).
  await ctx.audit.appendRow(inc.updatedBy, `incident.${kind}`, 'incident_versions', Number(info));
  // After the version row: the deadline engine follows the grade through the versions (a raise never
  // back-dates), so the maintained table must see this one.
  if (kind === 'created') await storeNewIncident(ctx, inc);
  else await refreshOpenDeadlines(ctx, inc.id);
}

async function writeRow(ctx: CoreContext, inc: Incident, insert: boolean): Promise<void> {
  const params = rowParams(inc);
  if (insert) {
    await ctx.sql.run(INSERT_ROW_SQL, params);
  } else {
    await ctx.sql.run(
      `UPDATE incidents SET status = @status, version = @version, void_reason = @void_reason,
           supplementary_due_from = @supplementary_due_from, received_at = @received_at, category = @category,
           level = @level, district = @district, title = @title, facts = @facts,
           updated_at = @updated_at, updated_by = @updated_by
         WHERE id = @id`,
      params,
    );
  }
  await ctx.audit.appendRow(inc.updatedBy, insert ? 'incident.create' : 'incident.update', 'incidents', inc.id);
  await indexIncident(ctx, inc);
}

/**
 * Left 未定级, an accident whose figures reach 较大 or above starts at the suggested grade; the version
 * records both the grade and the suggestion, and the officer may change it like any fact.
 */
export function gradedFacts(input: IncidentFacts): { facts: IncidentFacts; applied: string | null } {
  const given = normaliseFacts(input);
  const facts = sortedCopy(given);
  facts.level = initialLevel(given);
  const applied = facts.level !== given.level ? `按伤亡和损失数字定级为${LEVEL_ZH[facts.level]}（建议定级）` : null;
  return { facts, applied };
}

export async function createIncident(ctx: CoreContext, input: IncidentFacts): Promise<Incident> {
  const { facts, applied } = gradedFacts(input);
  checkTimes(ctx.clock.now(), facts);
  return await ctx.tx(async (ctx) => insertIncident(ctx, facts, applied));
}

async function insertIncident(ctx: CoreContext, facts: IncidentFacts, applied: string | null): Promise<Incident> {
  const now = ctx.clock.now();
  const id = (((await ctx.sql.value('SELECT max(id) FROM incidents')) as number | null) ?? 0) + 1;
  const inc = newIncident(facts, id, await nextNumber(ctx, now), now, await ctx.actor());
  await writeRow(ctx, inc, true);
  await writeVersion(ctx, inc, 'created', applied);
  return inc;
}

export function newIncident(facts: IncidentFacts, id: number, number: string, now: Date, actor: string): Incident {
  const at = now.toISOString();
  // Object.assign rather than a spread: see normaliseFacts.
  const fields: Omit<Incident, keyof IncidentFacts> = {
    id,
    number,
    status: 'open',
    version: 1,
    voidReason: null,
    supplementaryDueFrom: null,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
  };
  return Object.assign({}, facts, fields);
}

function expectVersion(inc: Incident, expected: number): void {
  if (inc.status === 'voided') throw new AppError('incident.voided', { number: inc.number });
  if (inc.version !== expected) throw new AppError('conflict', { current: inc.version, expected });
}

async function finalSentAt(ctx: CoreContext, incidentId: number): Promise<string | null> {
  return (
    ((await ctx.sql.value(
      "SELECT min(sent_at) FROM reports WHERE incident_id = ? AND kind = 'final' AND status = 'sent'",
      [incidentId],
    )) as string | null) ?? null
  );
}

export async function amendIncident(
  ctx: CoreContext,
  input: { id: number; expectedVersion: number; reason: string; changes: Partial<IncidentFacts> },
): Promise<Incident> {
  return await ctx.tx(async (ctx) => {
    const inc = await findIncident(ctx, input.id);
    expectVersion(inc, input.expectedVersion);
    const before = incidentFacts(inc);
    const after = normaliseFacts({ ...before, ...input.changes });
    checkTimes(ctx.clock.now(), after);
    if (canonicalJson(before) === canonicalJson(after)) throw new AppError('incident.no_changes');
    const now = ctx.clock.now();
    let { status, supplementaryDueFrom } = inc;
    const settings = await getSettings(ctx);
    const needed = supplementaryRequired({
      before,
      after,
      finalSentAt: await finalSentAt(ctx, inc.id),
      at: now.toISOString(),
      timeZone: settings.timeZone,
      shortSubtypes: settings.shortWindowSubtypes,
    });
    if (needed) {
      // 补报: the casualty figures changed after the final report, within the statutory window.
      status = 'open';
      supplementaryDueFrom = now.toISOString();
    }
    const { lossVerifying: _dropped, ...identity } = inc; // `after` says whether the loss is still being verified
    const next: Incident = {
      ...identity,
      ...after,
      status,
      supplementaryDueFrom,
      version: inc.version + 1,
      updatedAt: now.toISOString(),
      updatedBy: await ctx.actor(),
    };
    await writeRow(ctx, next, false);
    await writeVersion(ctx, next, 'amended', input.reason);
    return next;
  });
}

export async function voidIncident(
  ctx: CoreContext,
  input: { id: number; expectedVersion: number; reason: string },
): Promise<Incident> {
  return await ctx.tx(async (ctx) => {
    const inc = await findIncident(ctx, input.id);
    expectVersion(inc, input.expectedVersion);
    const now = ctx.clock.now().toISOString();
    const next: Incident = {
      ...inc,
      status: 'voided',
      voidReason: input.reason,
      version: inc.version + 1,
      updatedAt: now,
      updatedBy: await ctx.actor(),
    };
    await writeRow(ctx, next, false);
    await writeVersion(ctx, next, 'voided', input.reason);
    return next;
  });
}

/** Status changes driven by the report chain (closed by a final report). Caller holds the transaction. */
export async function setIncidentStatus(
  ctx: CoreContext,
  inc: Incident,
  status: IncidentStatus,
  reason: string,
): Promise<Incident> {
  const next: Incident = {
    ...inc,
    status,
    supplementaryDueFrom: status === 'closed' ? null : inc.supplementaryDueFrom,
    version: inc.version + 1,
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: await ctx.actor(),
  };
  await writeRow(ctx, next, false);
  await writeVersion(ctx, next, 'status', reason);
  return next;
}
