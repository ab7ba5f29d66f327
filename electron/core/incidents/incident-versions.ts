import type { IncidentFacts, IncidentVersion, Level } from '../contract/incidents';
import type { CoreContext } from '../context';
import { changedFields, flattenFacts } from '../domain';

/** Every version of an incident's facts, each with the fields it changed (the History panel). */
export async function incidentVersions(ctx: CoreContext, id: number): Promise<IncidentVersion[]> {
  const rows = (await ctx.sql.all('SELECT * FROM incident_versions WHERE incident_id = ? ORDER BY version', [id])) as {
    version: number;
    kind: IncidentVersion['kind'];
    at: string;
    by: string;
    reason: string | null;
    facts: string;
    suggested_level: Level | null;
  }[];
  let prev: Record<string, unknown> | null = null;
  return rows.map((r) => {
    const cur = flattenFacts(JSON.parse(r.facts) as IncidentFacts);
    const before = prev;
    const changes = before
      ? changedFields(before, cur).map((field) => ({ field, before: before[field], after: cur[field] }))
      : [];
    prev = cur;
    return {
      version: r.version,
      at: r.at,
      by: r.by,
      reason: r.reason,
      kind: r.kind,
      changes,
      suggestedLevel: r.suggested_level,
    };
  });
}
