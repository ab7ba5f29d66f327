import { ZodError } from 'zod';
import { canonicalJson } from '../audit/canonical-json';
import { AppError, type FieldIssue } from '../contract/errors';
import { localDate } from '../domain';
import { toFieldIssues } from '../contract/zod-issues';
import {
  PLAN_FILE_FORMAT,
  planFileSchema,
  type PlanDoc,
  type PlanExport,
  type PlanFile,
  type PlanSummary,
} from '../contract/plans';
import type { CoreContext } from '../context';
import { getSettings } from '../settings/settings-repo';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from './json-lines';
import { activePlanByName, getPlan, listPlans, savePlan } from './plan-repo';

/**
 * Reads a plan file, or throws `plan.import_invalid` naming the first bad line and field; every
 * problem also comes back as a field issue carrying its line.
 */
export function parsePlanFile(text: string): PlanDoc[] {
  let located;
  try {
    located = parseJsonWithLines(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new AppError('plan.import_invalid', { line: e.line, field: '—' }, [
      { path: '', code: 'json_syntax', params: { line: e.line, column: e.column } },
    ]);
  }
  try {
    return planFileSchema.parse(located.value).plans;
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issues: FieldIssue[] = toFieldIssues(e).map((i) => ({
      ...i,
      params: { ...i.params, line: lineOf(located.lines, i.path) },
    }));
    const first = issues[0]!;
    throw new AppError('plan.import_invalid', { line: Number(first.params!.line), field: first.path || '—' }, issues);
  }
}

/**
 * Imports every plan of a file in one transaction (all or nothing). A plan whose name matches an
 * active plan becomes that plan's next version, so re-importing an edited export does not duplicate it.
 */
export async function importPlanDocs(ctx: CoreContext, docs: PlanDoc[]): Promise<PlanSummary[]> {
  return await ctx.tx(async (ctx) => {
    // One after another: each may version a plan the next one names.
    const out: PlanSummary[] = [];
    for (const doc of docs) {
      const existing = await activePlanByName(ctx, doc.name);
      const plan = await savePlan(ctx, { id: existing?.id, doc });
      const { doc: _doc, versions: _v, retiredReason: _r, ...summary } = plan;
      out.push(summary);
    }
    return out;
  });
}

export async function importPlans(ctx: CoreContext, text: string): Promise<PlanSummary[]> {
  return await importPlanDocs(ctx, parsePlanFile(text));
}

/** The current version of the chosen plans (default: every active one) as a plan file. */
export async function exportPlans(ctx: CoreContext, ids?: number[]): Promise<PlanExport> {
  const chosen = ids ?? (await listPlans(ctx, false)).map((p) => p.id);
  const now = ctx.clock.now();
  const file: PlanFile = {
    format: PLAN_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    plans: await Promise.all(chosen.map(async (id) => (await getPlan(ctx, id)).doc)),
  };
  // Canonical JSON keeps the bytes stable; re-indent it so a person can read and diff the file.
  const text = JSON.stringify(JSON.parse(canonicalJson(file)), null, 2) + '\n';
  return { fileName: `plans-${localDate(now, (await getSettings(ctx)).timeZone)}.json`, text };
}
