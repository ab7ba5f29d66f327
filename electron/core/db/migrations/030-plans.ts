import type { Migration } from './types';
import { appendOnly } from './append-only';
// The four sample plans exactly as this step first seeded them (frozen: never the live resources/ files).
import samplePlans from './030-sample-plans.json';

const schema = `
  -- Current head of each plan; its content lives in plan_versions, which activations point at.
  CREATE TABLE plans (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('active','retired')),
    version        INTEGER NOT NULL,
    categories     TEXT NOT NULL,
    subtypes       TEXT NOT NULL,
    retired_reason TEXT,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
  );
  CREATE TRIGGER plans_no_delete BEFORE DELETE ON plans
    BEGIN SELECT RAISE(ABORT, 'plans are never deleted; retire them'); END;

  CREATE TABLE plan_versions (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans(id),
    version    INTEGER NOT NULL,
    doc        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (plan_id, version)
  );
  ${appendOnly('plan_versions')}

  CREATE TABLE activations (
    id                    INTEGER PRIMARY KEY,
    incident_id           INTEGER NOT NULL REFERENCES incidents(id),
    plan_id               INTEGER NOT NULL REFERENCES plans(id),
    plan_version          INTEGER NOT NULL,
    level                 TEXT NOT NULL CHECK (level IN ('I','II','III','IV')),
    status                TEXT NOT NULL CHECK (status IN ('active','terminated')),
    activated_at          TEXT NOT NULL,
    ordered_by            TEXT NOT NULL,
    recorded_by           TEXT NOT NULL,
    terminated_at         TEXT,
    terminated_ordered_by TEXT,
    updated_at            TEXT NOT NULL,
    FOREIGN KEY (plan_id, plan_version) REFERENCES plan_versions(plan_id, version)
  );
  CREATE INDEX activations_incident ON activations(incident_id);
  CREATE INDEX activations_status ON activations(status);
  -- A terminated response is frozen.
  CREATE TRIGGER activations_terminated_frozen BEFORE UPDATE ON activations WHEN OLD.status = 'terminated'
    BEGIN SELECT RAISE(ABORT, 'a terminated response is frozen'); END;
  CREATE TRIGGER activations_no_delete BEFORE DELETE ON activations
    BEGIN SELECT RAISE(ABORT, 'activations are never deleted'); END;

  CREATE TABLE activation_events (
    id            INTEGER PRIMARY KEY,
    activation_id INTEGER NOT NULL REFERENCES activations(id),
    kind          TEXT NOT NULL CHECK (kind IN ('activated','level_changed','terminated')),
    at            TEXT NOT NULL,
    from_level    TEXT,
    to_level      TEXT,
    ordered_by    TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    note          TEXT NOT NULL,
    created_at    TEXT NOT NULL
  );
  CREATE INDEX activation_events_activation ON activation_events(activation_id, id);
  ${appendOnly('activation_events')}

  -- Items are copied from the plan version when their level is activated: the checklist never
  -- changes when the plan is edited later.
  CREATE TABLE checklist_items (
    id            INTEGER PRIMARY KEY,
    activation_id INTEGER NOT NULL REFERENCES activations(id),
    item_key      TEXT NOT NULL,
    level         TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    action        TEXT NOT NULL,
    responsible   TEXT NOT NULL,
    contact       TEXT NOT NULL,
    limit_minutes INTEGER NOT NULL CHECK (limit_minutes >= 0),
    required      INTEGER NOT NULL,
    start_at      TEXT NOT NULL,
    due_at        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (activation_id, item_key)
  );
  ${appendOnly('checklist_items')}

  -- Ticks, not-applicable marks and notes: each one a record that is never changed.
  CREATE TABLE checklist_marks (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES checklist_items(id),
    kind        TEXT NOT NULL CHECK (kind IN ('done','na','note')),
    at          TEXT NOT NULL,
    by          TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );
  CREATE INDEX checklist_marks_item ON checklist_marks(item_id, id);
  -- An item is closed once: a second officer's tick fails even if two windows race.
  CREATE UNIQUE INDEX checklist_marks_closed_once ON checklist_marks(item_id) WHERE kind IN ('done','na');
  ${appendOnly('checklist_marks')}
`;

export const migration030: Migration = {
  version: 30,
  name: 'emergency plans, activations and checklists; four sample plans',
  up: (db, env) => {
    db.exec(schema);
    const at = env.clock.now().toISOString();
    const plan = db.prepare(
      `INSERT INTO plans (name, status, version, categories, subtypes, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'active', 1, ?, ?, ?, 'system', ?, 'system')`,
    );
    const version = db.prepare(
      `INSERT INTO plan_versions (plan_id, version, doc, created_at, created_by) VALUES (?, 1, ?, ?, 'system')`,
    );
    // The same rows and audit entries that saving a new plan made at this step, written here by hand so
    // that later changes to the plans feature can never change what this step does.
    for (const p of samplePlans) {
      const planId = Number(plan.run(p.name, p.categories, p.subtypes, at, at).lastInsertRowid);
      const versionId = Number(version.run(planId, p.doc, at).lastInsertRowid);
      env.audit.appendRow('system', 'plan.version', 'plan_versions', versionId);
      env.audit.appendRow('system', 'plan.create', 'plans', planId);
    }
  },
};
