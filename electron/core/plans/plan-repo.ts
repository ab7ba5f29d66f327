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

async function findRow(ctx: CoreContext, id: number): Promise<PlanRow> {
  const row = (await ctx.sql.get('SELECT * FROM plans WHERE id = ?', [id])) as PlanRow | undefined;
  if (!row) throw new AppError('not_found', { entity: 'plan', id });
  return row;
}

/** The frozen content of one version: what an activation made with that version keeps using. */
export async function planVersionDoc(ctx: CoreContext, planId: number, version: number): Promise<PlanDoc> {
  const doc = (await ctx.sql.value('SELECT doc FROM plan_versions WHERE plan_id = ? AND version = ?', [
    planId,
    version,
  ])) as string | undefined;
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

export async function listPlans(ctx: CoreContext, includeRetired: boolean): Promise<PlanSummary[]> {
  const rows = (await ctx.sql.all(
    `SELECT * FROM plans ${includeRetired ? '' : "WHERE status = 'active'"} ORDER BY status, name, id`,
  )) as PlanRow[];
  return await Promise.all(rows.map(async (r) => toSummary(r, await planVersionDoc(ctx, r.id, r.version))));
}

/** A plan with the content of `version` (default: the current one) and its version history. */
export async function getPlan(ctx: CoreContext, id: number, version?: number): Promise<Plan> {
  const row = await findRow(ctx, id);
  const doc = await planVersionDoc(ctx, id, version ?? row.version);
  const versions = (await ctx.sql.all(
    'SELECT version, created_at AS at, created_by AS by FROM plan_versions WHERE plan_id = ? ORDER BY version',
    [id],
  )) as Plan['versions'];
  return { ...toSummary(row, doc), version: version ?? row.version, doc, retiredReason: row.retired_reason, versions };
}

/** The plan as it stands now, refusing a retired one (it may no longer be edited or activated). */
export async function activePlanRow(ctx: CoreContext, id: number): Promise<PlanRow> {
  const row = await findRow(ctx, id);
  if (row.status === 'retired') throw new AppError('plan.retired', { name: row.name });
  return row;
}

async function insertVersion(
  ctx: CoreContext,
  planId: number,
  version: number,
  doc: PlanDoc,
  at: string,
): Promise<void> {
  const info = await ctx.sql.insert(
    'INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
    [planId, version, canonicalJson(doc), at, await ctx.actor()],
  );
  await ctx.audit.appendRow(await ctx.actor(), 'plan.version', 'plan_versions', Number(info));
}

/**
 * Creates a plan, or records an edit as a new version. Saving unchanged content adds no version.
 * Activations keep pointing at the version they were made with.
 */
export async function savePlan(
  ctx: CoreContext,
  input: { id?: number; expectedVersion?: number; doc: PlanDoc },
): Promise<Plan> {
  const { doc } = input;
  const id = await ctx.tx(async (ctx) => {
    const at = ctx.clock.now().toISOString();
    const head = {
      name: doc.name,
      categories: canonicalJson(doc.categories),
      subtypes: canonicalJson(doc.subtypes),
      at,
      by: await ctx.actor(),
    };
    if (input.id === undefined) {
      const info = await ctx.sql.insert(
        `INSERT INTO plans (name, status, version, categories, subtypes, created_at, created_by, updated_at, updated_by)
           VALUES (@name, 'active', 1, @categories, @subtypes, @at, @by, @at, @by)`,
        head,
      );
      const newId = Number(info);
      await insertVersion(ctx, newId, 1, doc, at);
      await ctx.audit.appendRow(await ctx.actor(), 'plan.create', 'plans', newId);
      return newId;
    }
    const row = await activePlanRow(ctx, input.id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new AppError('conflict', { current: row.version, expected: input.expectedVersion });
    if (canonicalJson(await planVersionDoc(ctx, row.id, row.version)) === canonicalJson(doc)) return row.id;
    const version = row.version + 1;
    await insertVersion(ctx, row.id, version, doc, at);
    await ctx.sql.run(
      `UPDATE plans SET name = @name, version = @version, categories = @categories, subtypes = @subtypes,
           updated_at = @at, updated_by = @by WHERE id = @id`,
      { ...head, version, id: row.id },
    );
    await ctx.audit.appendRow(await ctx.actor(), 'plan.update', 'plans', row.id);
    return row.id;
  });
  return await getPlan(ctx, id);
}

/** Retiring removes a plan from the library (and from activation); past activations keep their version. */
export async function retirePlan(ctx: CoreContext, id: number, reason: string): Promise<Plan> {
  await ctx.tx(async (ctx) => {
    const row = await activePlanRow(ctx, id);
    await ctx.sql.run(
      "UPDATE plans SET status = 'retired', retired_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?",
      [reason, ctx.clock.now().toISOString(), await ctx.actor(), row.id],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'plan.retire', 'plans', row.id);
  });
  return getPlan(ctx, id);
}

/** The active plan of that name, if any: an imported plan of the same name becomes its next version. */
export async function activePlanByName(ctx: CoreContext, name: string): Promise<PlanRow | undefined> {
  return (await ctx.sql.get("SELECT * FROM plans WHERE status = 'active' AND name = ? ORDER BY id LIMIT 1", [name])) as
    PlanRow | undefined;
}
