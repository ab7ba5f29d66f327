import { canonicalJson } from '../audit/canonical-json';
import { AppError } from '../contract/errors';
import type { Category } from '../contract/incidents';
import {
  PLAN_LEVELS,
  type Plan,
  type PlanDoc,
  type PlanLevel,
  type PlanStatus,
  type PlanSummary,
} from '../contract/plans';
import type { CoreContext } from '../context';

interface PlanRow {
  id: number;
  name: string;
  status: PlanStatus;
  version: number;
  categories: string;
  subtypes: string;
  retired_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

function findRow(ctx: CoreContext, id: number): PlanRow {
  const row = ctx.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'plan', id });
  return row;
}

/** The frozen content of one version: what an activation made with that version keeps using. */
export function planVersionDoc(ctx: CoreContext, planId: number, version: number): PlanDoc {
  const doc = ctx.db
    .prepare('SELECT doc FROM plan_versions WHERE plan_id = ? AND version = ?')
    .pluck()
    .get(planId, version) as string | undefined;
  if (doc === undefined) throw new AppError('not_found', { entity: 'plan_version', id: `${planId}/${version}` });
  return JSON.parse(doc) as PlanDoc;
}

function toSummary(row: PlanRow, doc: PlanDoc): PlanSummary {
  return {
    id: row.id,
    name: row.name,
    categories: JSON.parse(row.categories) as Category[],
    subtypes: JSON.parse(row.subtypes) as string[],
    version: row.version,
    status: row.status,
    itemCounts: Object.fromEntries(PLAN_LEVELS.map((l) => [l, doc.levels[l].length])) as Record<PlanLevel, number>,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function listPlans(ctx: CoreContext, includeRetired: boolean): PlanSummary[] {
  const rows = ctx.db
    .prepare(`SELECT * FROM plans ${includeRetired ? '' : "WHERE status = 'active'"} ORDER BY status, name, id`)
    .all() as PlanRow[];
  return rows.map((r) => toSummary(r, planVersionDoc(ctx, r.id, r.version)));
}

/** A plan with the content of `version` (default: the current one) and its version history. */
export function getPlan(ctx: CoreContext, id: number, version?: number): Plan {
  const row = findRow(ctx, id);
  const doc = planVersionDoc(ctx, id, version ?? row.version);
  const versions = ctx.db
    .prepare('SELECT version, created_at AS at, created_by AS by FROM plan_versions WHERE plan_id = ? ORDER BY version')
    .all(id) as Plan['versions'];
  return { ...toSummary(row, doc), version: version ?? row.version, doc, retiredReason: row.retired_reason, versions };
}

/** The plan as it stands now, refusing a retired one (it may no longer be edited or activated). */
export function activePlanRow(ctx: CoreContext, id: number): PlanRow {
  const row = findRow(ctx, id);
  if (row.status === 'retired') throw new AppError('plan.retired', { name: row.name });
  return row;
}

function insertVersion(ctx: CoreContext, planId: number, version: number, doc: PlanDoc, at: string): void {
  const info = ctx.db
    .prepare('INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(planId, version, canonicalJson(doc), at, ctx.actor());
  ctx.audit.appendRow(ctx.actor(), 'plan.version', 'plan_versions', Number(info.lastInsertRowid));
}

/**
 * Creates a plan, or records an edit as a new version. Saving unchanged content adds no version.
 * Activations keep pointing at the version they were made with.
 */
export function savePlan(ctx: CoreContext, input: { id?: number; expectedVersion?: number; doc: PlanDoc }): Plan {
  const { doc } = input;
  const id = ctx.tx(() => {
    const at = ctx.clock.now().toISOString();
    const head = {
      name: doc.name,
      categories: canonicalJson(doc.categories),
      subtypes: canonicalJson(doc.subtypes),
      at,
      by: ctx.actor(),
    };
    if (input.id === undefined) {
      const info = ctx.db
        .prepare(
          `INSERT INTO plans (name, status, version, categories, subtypes, created_at, created_by, updated_at, updated_by)
           VALUES (@name, 'active', 1, @categories, @subtypes, @at, @by, @at, @by)`,
        )
        .run(head);
      const newId = Number(info.lastInsertRowid);
      insertVersion(ctx, newId, 1, doc, at);
      ctx.audit.appendRow(ctx.actor(), 'plan.create', 'plans', newId);
      return newId;
    }
    const row = activePlanRow(ctx, input.id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new AppError('conflict', { current: row.version, expected: input.expectedVersion });
    if (canonicalJson(planVersionDoc(ctx, row.id, row.version)) === canonicalJson(doc)) return row.id;
    const version = row.version + 1;
    insertVersion(ctx, row.id, version, doc, at);
    ctx.db
      .prepare(
        `UPDATE plans SET name = @name, version = @version, categories = @categories, subtypes = @subtypes,
           updated_at = @at, updated_by = @by WHERE id = @id`,
      )
      .run({ ...head, version, id: row.id });
    ctx.audit.appendRow(ctx.actor(), 'plan.update', 'plans', row.id);
    return row.id;
  });
  return getPlan(ctx, id);
}

/** Retiring removes a plan from the library (and from activation); past activations keep their version. */
export function retirePlan(ctx: CoreContext, id: number, reason: string): Plan {
  ctx.tx(() => {
    const row = activePlanRow(ctx, id);
    ctx.db
      .prepare("UPDATE plans SET status = 'retired', retired_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?")
      .run(reason, ctx.clock.now().toISOString(), ctx.actor(), row.id);
    ctx.audit.appendRow(ctx.actor(), 'plan.retire', 'plans', row.id);
  });
  return getPlan(ctx, id);
}

/** The active plan of that name, if any: an imported plan of the same name becomes its next version. */
export function activePlanByName(ctx: CoreContext, name: string): PlanRow | undefined {
  return ctx.db.prepare("SELECT * FROM plans WHERE status = 'active' AND name = ? ORDER BY id LIMIT 1").get(name) as
    PlanRow | undefined;
}
