import { AppError } from '../contract/errors';
import { futureIssues } from '../domain';
import type { Activation, ActivationEventKind, PlanLevel } from '../contract/plans';
import type { CoreContext } from '../context';
import { findIncident } from '../incidents/incident-repo';
import { activationRow, readActivation, type ActivationRow } from './activation-read';
import { activePlanRow, planVersionDoc } from './plan-repo';
import { applyReportActs } from './report-acts';

const MIN = 60_000;

/** When an order was given: defaults to now; never in the future, never before `notBefore`. */
export function orderTime(ctx: CoreContext, at: string | undefined, notBefore?: string): string {
  const now = ctx.clock.now();
  const t = at ? new Date(at) : now;
  const future = futureIssues('at', t, now);
  if (future.length) throw new AppError('validation', undefined, future);
  if (notBefore && t.getTime() < Date.parse(notBefore))
    throw new AppError('validation', undefined, [{ path: 'at', code: 'before_activated' }]);
  return t.toISOString();
}

async function addEvent(
  ctx: CoreContext,
  activationId: number,
  e: {
    kind: ActivationEventKind;
    at: string;
    from: PlanLevel | null;
    to: PlanLevel | null;
    orderedBy: string;
    note: string;
  },
): Promise<void> {
  const info = await ctx.sql.insert(
    `INSERT INTO activation_events (activation_id, kind, at, from_level, to_level, ordered_by, recorded_by, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [activationId, e.kind, e.at, e.from, e.to, e.orderedBy, await ctx.actor(), e.note, ctx.clock.now().toISOString()],
  );
  await ctx.audit.appendRow(await ctx.actor(), `activation.${e.kind}`, 'activation_events', Number(info));
}

/**
 * Copies the items of `level` that the checklist does not hold yet (same key = same action), their
 * time limits counted from `at`. Items already there keep their due time and whatever was done.
 */
async function addLevelItems(ctx: CoreContext, row: ActivationRow, level: PlanLevel, at: string): Promise<void> {
  const doc = await planVersionDoc(ctx, row.plan_id, row.plan_version);
  const present = new Set(
    (await ctx.sql.column('SELECT item_key FROM checklist_items WHERE activation_id = ?', [row.id])) as string[],
  );
  let seq = ((await ctx.sql.value('SELECT max(seq) FROM checklist_items WHERE activation_id = ?', [row.id])) ??
    0) as number;
  const insert = `INSERT INTO checklist_items (activation_id, item_key, level, seq, action, responsible, contact, limit_minutes,
       required, start_at, due_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  for (const item of doc.levels[level]) {
    if (present.has(item.id)) continue;
    const due = new Date(Date.parse(at) + item.limitMinutes * MIN).toISOString();
    const info = await ctx.sql.insert(insert, [
      row.id,
      item.id,
      level,
      ++seq,
      item.action,
      item.responsible,
      item.contact,
      item.limitMinutes,
      item.required ? 1 : 0,
      at,
      due,
      ctx.clock.now().toISOString(),
    ]);
    await ctx.audit.appendRow(await ctx.actor(), 'checklist.item', 'checklist_items', info);
  }
}

export async function startActivation(
  ctx: CoreContext,
  input: { incidentId: number; planId: number; level: PlanLevel; orderedBy: string; at?: string; note: string },
): Promise<Activation> {
  const id = await ctx.tx(async (ctx) => {
    const incident = await findIncident(ctx, input.incidentId);
    if (incident.status === 'voided') throw new AppError('incident.voided', { number: incident.number });
    const plan = await activePlanRow(ctx, input.planId);
    const running = await ctx.sql.get(
      "SELECT id FROM activations WHERE incident_id = ? AND plan_id = ? AND status = 'active'",
      [incident.id, plan.id],
    );
    if (running) throw new AppError('plan.already_active', { name: plan.name, number: incident.number });
    const at = orderTime(ctx, input.at);
    const now = ctx.clock.now().toISOString();
    const info = await ctx.sql.insert(
      `INSERT INTO activations (incident_id, plan_id, plan_version, level, status, activated_at, ordered_by,
           recorded_by, updated_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
      [incident.id, plan.id, plan.version, input.level, at, input.orderedBy, await ctx.actor(), now],
    );
    const activationId = Number(info);
    await ctx.audit.appendRow(await ctx.actor(), 'activation.start', 'activations', activationId);
    await addEvent(ctx, activationId, {
      kind: 'activated',
      at,
      from: null,
      to: input.level,
      orderedBy: input.orderedBy,
      note: input.note,
    });
    await addLevelItems(ctx, await activationRow(ctx, activationId), input.level, at);
    await applyReportActs(ctx, incident.id);
    return activationId;
  });
  return await readActivation(ctx, id);
}

async function liveRow(ctx: CoreContext, id: number): Promise<ActivationRow> {
  const row = await activationRow(ctx, id);
  if (row.status === 'terminated') throw new AppError('activation.terminated', { id });
  return row;
}

/** Raise or lower: the new level's missing items are added; nothing done is lost. */
export async function changeLevel(
  ctx: CoreContext,
  input: { id: number; level: PlanLevel; orderedBy: string; at?: string; note: string },
): Promise<Activation> {
  await ctx.tx(async (ctx) => {
    const row = await liveRow(ctx, input.id);
    if (row.level === input.level) throw new AppError('validation', undefined, [{ path: 'level', code: 'same_level' }]);
    const at = orderTime(ctx, input.at, row.activated_at);
    await ctx.sql.run('UPDATE activations SET level = ?, updated_at = ? WHERE id = ?', [
      input.level,
      ctx.clock.now().toISOString(),
      row.id,
    ]);
    await ctx.audit.appendRow(await ctx.actor(), 'activation.change_level', 'activations', row.id);
    await addEvent(ctx, row.id, {
      kind: 'level_changed',
      at,
      from: row.level,
      to: input.level,
      orderedBy: input.orderedBy,
      note: input.note,
    });
    await addLevelItems(ctx, row, input.level, at);
    await applyReportActs(ctx, row.incident_id);
  });
  return readActivation(ctx, input.id);
}

/** 响应终止: records when and on whose order; the checklist is frozen from then on. */
export async function terminate(
  ctx: CoreContext,
  input: { id: number; orderedBy: string; at?: string; note: string },
): Promise<Activation> {
  await ctx.tx(async (ctx) => {
    const row = await liveRow(ctx, input.id);
    const at = orderTime(ctx, input.at, row.activated_at);
    await ctx.sql.run(
      "UPDATE activations SET status = 'terminated', terminated_at = ?, terminated_ordered_by = ?, updated_at = ? WHERE id = ?",
      [at, input.orderedBy, ctx.clock.now().toISOString(), row.id],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'activation.terminate', 'activations', row.id);
    await addEvent(ctx, row.id, {
      kind: 'terminated',
      at,
      from: row.level,
      to: null,
      orderedBy: input.orderedBy,
      note: input.note,
    });
  });
  return readActivation(ctx, input.id);
}
