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

export function activationRow(ctx: CoreContext, id: number): ActivationRow {
  const row = ctx.db.prepare('SELECT * FROM activations WHERE id = ?').get(id) as ActivationRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'activation', id });
  return row;
}

function events(ctx: CoreContext, activationId: number): ActivationEvent[] {
  return (
    ctx.db.prepare('SELECT * FROM activation_events WHERE activation_id = ? ORDER BY id').all(activationId) as Array<{
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

function items(ctx: CoreContext, row: ActivationRow): ChecklistItem[] {
  const current = new Set(planVersionDoc(ctx, row.plan_id, row.plan_version).levels[row.level].map((i) => i.id));
  const marks = ctx.db
    .prepare(
      `SELECT m.* FROM checklist_marks m JOIN checklist_items i ON i.id = m.item_id
       WHERE i.activation_id = ? ORDER BY m.id`,
    )
    .all(row.id) as MarkRow[];
  const mark = (m: MarkRow): ChecklistMark => ({ at: m.at, by: m.by, recordedBy: m.recorded_by, text: m.text });
  const rows = ctx.db
    .prepare('SELECT * FROM checklist_items WHERE activation_id = ? ORDER BY seq')
    .all(row.id) as ItemRow[];
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

export function readActivation(ctx: CoreContext, id: number): Activation {
  const row = activationRow(ctx, id);
  const incident = ctx.db.prepare('SELECT number, title FROM incidents WHERE id = ?').get(row.incident_id) as {
    number: string;
    title: string;
  };
  return {
    id: row.id,
    incidentId: row.incident_id,
    incidentNumber: incident.number,
    incidentTitle: incident.title,
    planId: row.plan_id,
    planName: planVersionDoc(ctx, row.plan_id, row.plan_version).name,
    planVersion: row.plan_version,
    level: row.level,
    status: row.status,
    activatedAt: row.activated_at,
    orderedBy: row.ordered_by,
    recordedBy: row.recorded_by,
    terminatedAt: row.terminated_at,
    terminatedOrderedBy: row.terminated_ordered_by,
    events: events(ctx, row.id),
    items: items(ctx, row),
  };
}

export function activationsForIncident(ctx: CoreContext, incidentId: number): Activation[] {
  const ids = ctx.db
    .prepare('SELECT id FROM activations WHERE incident_id = ? ORDER BY id')
    .pluck()
    .all(incidentId) as number[];
  return ids.map((id) => readActivation(ctx, id));
}
