import { AppError } from '../contract/errors';
import type {
  Activation,
  ActivationEvent,
  ActivationStatus,
  ChecklistItem,
  ChecklistMark,
  PlanLevel,
} from '../contract/plans';
import type { CoreContext } from '../context';
import { planVersionDoc } from './plan-repo';

export interface ActivationRow {
  id: number;
  incident_id: number;
  plan_id: number;
  plan_version: number;
  level: PlanLevel;
  status: ActivationStatus;
  activated_at: string;
  ordered_by: string;
  recorded_by: string;
  terminated_at: string | null;
  terminated_ordered_by: string | null;
  updated_at: string;
}

interface ItemRow {
  id: number;
  item_key: string;
  level: PlanLevel;
  seq: number;
  action: string;
  responsible: string;
  contact: string;
  limit_minutes: number;
  required: number;
  start_at: string;
  due_at: string;
}

interface MarkRow {
  item_id: number;
  kind: 'done' | 'na' | 'note';
  at: string;
  by: string;
  recorded_by: string;
  text: string;
}

export async function activationRow(ctx: CoreContext, id: number): Promise<ActivationRow> {
  const row = (await ctx.sql.get('SELECT * FROM activations WHERE id = ?', [id])) as ActivationRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'activation', id });
  return row;
}

async function events(ctx: CoreContext, activationId: number): Promise<ActivationEvent[]> {
  return (
    (await ctx.sql.all('SELECT * FROM activation_events WHERE activation_id = ? ORDER BY id', [
      activationId,
    ])) as Array<{
      id: number;
      kind: ActivationEvent['kind'];
      at: string;
      from_level: PlanLevel | null;
      to_level: PlanLevel | null;
      ordered_by: string;
      recorded_by: string;
      note: string;
    }>
  ).map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    fromLevel: e.from_level,
    toLevel: e.to_level,
    orderedBy: e.ordered_by,
    recordedBy: e.recorded_by,
    note: e.note,
  }));
}

async function items(ctx: CoreContext, row: ActivationRow): Promise<ChecklistItem[]> {
  const current = new Set(
    (await planVersionDoc(ctx, row.plan_id, row.plan_version)).levels[row.level].map((i) => i.id),
  );
  const marks = (await ctx.sql.all(
    `SELECT m.* FROM checklist_marks m JOIN checklist_items i ON i.id = m.item_id
       WHERE i.activation_id = ? ORDER BY m.id`,
    [row.id],
  )) as MarkRow[];
  const mark = (m: MarkRow): ChecklistMark => ({ at: m.at, by: m.by, recordedBy: m.recorded_by, text: m.text });
  const rows = (await ctx.sql.all('SELECT * FROM checklist_items WHERE activation_id = ? ORDER BY seq', [
    row.id,
  ])) as ItemRow[];
  return rows.map((r) => {
    const own = marks.filter((m) => m.item_id === r.id);
    const done = own.find((m) => m.kind === 'done');
    const na = own.find((m) => m.kind === 'na');
    return {
      id: r.id,
      key: r.item_key,
      level: r.level,
      seq: r.seq,
      action: r.action,
      responsible: r.responsible,
      contact: r.contact,
      limitMinutes: r.limit_minutes,
      required: r.required === 1,
      startAt: r.start_at,
      dueAt: r.due_at,
      inCurrentLevel: current.has(r.item_key),
      done: done ? mark(done) : null,
      notApplicable: na ? mark(na) : null,
      notes: own.filter((m) => m.kind === 'note').map(mark),
    };
  });
}

export async function readActivation(ctx: CoreContext, id: number): Promise<Activation> {
  const row = await activationRow(ctx, id);
  const incident = (await ctx.sql.get('SELECT number, title FROM incidents WHERE id = ?', [row.incident_id])) as {
    number: string;
    title: string;
  };
  return {
    id: row.id,
    incidentId: row.incident_id,
    incidentNumber: incident.number,
    incidentTitle: incident.title,
    planId: row.plan_id,
    planName: (await planVersionDoc(ctx, row.plan_id, row.plan_version)).name,
    planVersion: row.plan_version,
    level: row.level,
    status: row.status,
    activatedAt: row.activated_at,
    orderedBy: row.ordered_by,
    recordedBy: row.recorded_by,
    terminatedAt: row.terminated_at,
    terminatedOrderedBy: row.terminated_ordered_by,
    events: await events(ctx, row.id),
    items: await items(ctx, row),
  };
}

export async function activationsForIncident(ctx: CoreContext, incidentId: number): Promise<Activation[]> {
  const ids = (await ctx.sql.column('SELECT id FROM activations WHERE incident_id = ? ORDER BY id', [
    incidentId,
  ])) as number[];
  return Promise.all(ids.map((id) => readActivation(ctx, id)));
}
