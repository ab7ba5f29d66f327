import { canonicalJson } from '../audit/canonical-json';
import { DEFAULT_DEADLINE_RULES, type DeadlineRuleSet, type StoredDeadlineRuleSet } from '../contract/deadlines';
import type { CoreContext } from '../context';
import { rebuildOpenDeadlines } from './open-deadlines';

/** The rule set in force: the latest stored version, or the defaults (version 0) before any change. */
export async function currentRules(ctx: CoreContext): Promise<StoredDeadlineRuleSet> {
  return await ctx.memo('deadlineRules', () => readRules(ctx));
}

async function readRules(ctx: CoreContext): Promise<StoredDeadlineRuleSet> {
  const r = (await ctx.sql.get('SELECT * FROM deadline_rule_sets ORDER BY id DESC LIMIT 1')) as
    { id: number; source: string; rules: string; created_at: string; created_by: string } | undefined;
  if (!r) return { ...DEFAULT_DEADLINE_RULES, version: 0, createdAt: '', createdBy: '' };
  return {
    source: r.source,
    rules: JSON.parse(r.rules),
    version: r.id,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** Each change is a new version citing its source; the old ones stay. */
export async function updateRules(ctx: CoreContext, set: DeadlineRuleSet): Promise<StoredDeadlineRuleSet> {
  return await ctx.tx(async (ctx) => {
    const info = await ctx.sql.insert(
      'INSERT INTO deadline_rule_sets (source, rules, created_at, created_by) VALUES (?, ?, ?, ?)',
      [set.source, canonicalJson(set.rules), ctx.clock.now().toISOString(), await ctx.actor()],
    );
    await ctx.audit.appendRow(await ctx.actor(), 'deadlines.rules', 'deadline_rule_sets', Number(info));
    // Every open incident's deadlines move with the new rules, in the same transaction.
    await rebuildOpenDeadlines(ctx);
    return currentRules(ctx);
  });
}
