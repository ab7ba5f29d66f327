import type { AuditLog } from '../../audit/chain';
import type { Sql } from '../sql-port';
// The sample plans exactly as SQLite's steps 030 and 070 seed them: one frozen source for both engines.
import samplePlans from '../migrations/030-sample-plans.json';
import { canonical, SAMPLE_PLANS, SATISFIED_BY } from '../migrations/070-reporting-rules';

/** As SQLite's migrator (db/open.ts SYSTEM_ACTOR), without loading the SQLite driver on a server seat. */
export const SYSTEM_ACTOR = 'system';

/**
 * What a new SQLite record holds when its steps have run, written into a new shared database by the
 * baseline step: the `db.created` entry first, then the four sample plans at version 1 (step 030) and
 * their version 2 whose reporting items name the act that does them (step 070), each row audited as
 * those steps audit it. Same rows, same ids, same kinds of entries in the same order, so a duty room
 * starts alike on either engine ("a new duty room has 4 plans").
 */
export async function writeStartingRecords(
  sql: Sql,
  audit: AuditLog,
  opts: { at: string; appVersion: string },
): Promise<void> {
  const { at } = opts;
  await audit.append({
    actor: SYSTEM_ACTOR,
    kind: 'db.created',
    payload: { appVersion: opts.appVersion, createdAt: at },
  });
  const seeded: { id: number; doc: string; name: string }[] = [];
  for (const p of samplePlans) {
    const planId = await sql.insert(
      `INSERT INTO plans (name, status, version, categories, subtypes, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'active', 1, ?, ?, ?, 'system', ?, 'system')`,
      [p.name, p.categories, p.subtypes, at, at],
    );
    const versionId = await sql.insert(
      `INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, 1, ?, ?, 'system')`,
      [planId, p.doc, at],
    );
    await audit.appendRow(SYSTEM_ACTOR, 'plan.version', 'plan_versions', versionId);
    await audit.appendRow(SYSTEM_ACTOR, 'plan.create', 'plans', planId);
    seeded.push({ id: planId, doc: p.doc, name: p.name });
  }
  // Step 070's pass over the untouched sample plans, in plan id order as SQLite's SELECT returns them.
  for (const p of seeded.filter((s) => SAMPLE_PLANS.includes(s.name))) {
    const doc = JSON.parse(p.doc) as { levels: Record<string, { id: string; satisfiedBy?: string }[]> };
    for (const items of Object.values(doc.levels))
      for (const item of items) if (SATISFIED_BY[item.id]) item.satisfiedBy = SATISFIED_BY[item.id];
    const versionId = await sql.insert(
      `INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, 2, ?, ?, 'system')`,
      [p.id, canonical(doc), at],
    );
    await audit.appendRow(SYSTEM_ACTOR, 'plan.version', 'plan_versions', versionId);
    await sql.run("UPDATE plans SET version = 2, updated_at = ?, updated_by = 'system' WHERE id = ?", [at, p.id]);
    await audit.appendRow(SYSTEM_ACTOR, 'plan.update', 'plans', p.id);
  }
}
