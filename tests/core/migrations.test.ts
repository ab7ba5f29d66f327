import { describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../electron/core/audit/chain';
import { verifyChain } from '../../electron/core/audit/verify';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { chemicalFire } from './fixtures';
import { openTestCore, serviceAtVersion, tempDir, type TestCore } from './helpers';
import { generateNovember, seedPeople } from './roster-fixtures';

type Db = TestCore['db'];

const has = (db: Db, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/** Representative records for every feature whose tables exist at this schema, made through the service. */
async function seed(core: TestCore): Promise<void> {
  const { db } = core;
  if (has(db, 'incidents')) {
    const inc = await core.call('incidents.create', chemicalFire({ economicLoss: 800 }));
    const at = core.clock.now().toISOString();
    await core.call('calls.create', {
      incidentId: inc.id,
      at,
      direction: 'in',
      party: '区应急局',
      number: '',
      gist: '续报',
    });
    await core.call('instructions.create', { incidentId: inc.id, leader: '李市长', givenAt: at, text: '全力搜救' });
    const draft = await core.call('reports.draft', { incidentId: inc.id, kind: 'initial' });
    await core.call('reports.send', {
      id: draft.id,
      channel: 'edoc',
      recipientUnit: '省应急管理厅',
      approvingLeader: '李市长',
      sender: '王值班',
      sentAt: at,
    });
    if (has(db, 'activations')) {
      const plan = (await core.call('plans.list', {}))[0]!;
      const a = await core.call('activations.start', {
        incidentId: inc.id,
        planId: plan.id,
        level: 'IV',
        orderedBy: '李市长',
      });
      await core.call('checklist.tick', { itemId: a.items[0]!.id });
    }
  }
  if (has(db, 'people')) await generateNovember(core, await seedPeople(core));
  if (has(db, 'handovers')) await core.call('handover.draft', {});
  if (has(db, 'export_log')) await core.call('exports.log', { from: '2026-11-01', to: '2026-11-30', format: 'csv' });
}

function tables(db: Db): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !/^search_fts_/.test(t));
}

function snapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** The tables each released step adds: a step that drops, renames or forgets one fails here. */
const ADDS: Record<number, string[]> = {
  20: ['incidents', 'incident_versions', 'reports', 'calls', 'instructions', 'instruction_actions', 'search_fts'],
  30: ['plans', 'plan_versions', 'activations', 'activation_events', 'checklist_items', 'checklist_marks'],
  40: ['people', 'person_pins', 'roster_changes', 'roster_assignments', 'operator_sessions'],
  50: ['handovers'],
  60: ['daily_issues', 'export_log'],
  80: ['issued_documents', 'issued_files', 'issued_file_bytes'],
  90: ['pin_attempts'],
  100: ['open_deadlines', 'open_incidents', 'derived_state'],
};

/**
 * What a step deliberately changes in rows that existed before it; every other row stays as it was.
 * 70: reports gain call_id (the phone report's call); the sample plans as seeded get a version 2 that
 * marks their reporting items, so their plans rows move to version 2 and plan_versions gains rows.
 */
const CHANGES: Record<number, (t: string, rows: unknown[], at: string) => unknown[]> = {
  70: (t, rows, at) => {
    if (t === 'reports') return rows.map((r) => ({ ...(r as object), call_id: null }));
    if (t !== 'plans') return rows;
    return (rows as { version: number; created_by: string }[]).map((r) =>
      r.version === 1 && r.created_by === 'system' ? { ...r, version: 2, updated_at: at, updated_by: 'system' } : r,
    );
  },
};
/** Tables a step appends rows to: the old rows are compared, the new ones are the step's own. */
const APPENDS: Record<number, string[]> = { 70: ['plan_versions'] };

describe('every migration step upgrades a database with data', () => {
  for (const [i, step] of MIGRATIONS.entries()) {
    if (i === 0) continue;
    const previous = MIGRATIONS[i - 1]!.version;
    it(`${previous} → ${step.version} (${step.name}) keeps every record and the audit chain`, async () => {
      const dir = tempDir();
      const old = await openTestCore({ dir, start: '2026-11-23T02:00:00Z', targetVersion: previous });
      await seed(old);
      const before = snapshot(old.db);
      const entriesBefore = new SqliteAuditLog(old.db, old.clock).head()?.id ?? 0;
      expect(entriesBefore).toBeGreaterThan(previous / 10); // the seed wrote audited records
      old.db.close();

      const core = await openTestCore({ dir, clock: old.clock, targetVersion: step.version });
      expect(core.db.pragma('user_version', { simple: true })).toBe(step.version);
      const after = snapshot(core.db);
      for (const t of ADDS[step.version] ?? []) expect(after, `table ${t}`).toHaveProperty(t);
      for (const [t, rows] of Object.entries(before)) {
        // The step's own entry is appended to the chain; every older row stays exactly as it was.
        const expected = CHANGES[step.version]?.(t, rows, core.clock.now().toISOString()) ?? rows;
        if (t === 'audit_log' || APPENDS[step.version]?.includes(t))
          expect(after[t]!.slice(0, rows.length), `rows of ${t}`).toEqual(expected);
        else expect(after[t], `rows of ${t}`).toEqual(expected);
      }
      const chain = new SqliteAuditLog(core.db, core.clock);
      expect(chain.head()?.id ?? 0).toBeGreaterThan(entriesBefore);
      expect(verifyChain(core.db)).toMatchObject({ ok: true, problems: 0 });
      core.db.close();
    });
  }
});

describe('migration 030', () => {
  it('adds the plan tables to a version-20 database, keeps its incidents and seeds the samples, audited', async () => {
    const { dir, clock, old, service } = await serviceAtVersion(20, '2026-11-23T01:30:00Z');
    expect((await service.invoke('incidents.create', chemicalFire())).ok).toBe(true);
    const before = old.prepare('SELECT * FROM incidents').all();
    old.close();

    const core = await openTestCore({ dir, clock });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(core.db.prepare('SELECT * FROM incidents').all()).toEqual(before);
    expect(await core.call('plans.list', {})).toHaveLength(4);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});
