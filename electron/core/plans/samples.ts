import type Database from 'better-sqlite3';
import { planFileSchema } from '../contract/plans';
import { createContext } from '../context';
import type { Clock } from '../db/clock';
import { NO_WIRING } from '../wiring';
// Imported statically so the bundler carries them into every host (no file lookups at run time).
import forestFire from '../../../resources/plans/forest-fire.json';
import hazardousChemicals from '../../../resources/plans/hazardous-chemicals.json';
import floodControl from '../../../resources/plans/flood-control.json';
import crowdedPlaceFire from '../../../resources/plans/crowded-place-fire.json';
import { importPlanDocs } from './plan-file';

export const SAMPLE_PLAN_FILES: readonly unknown[] = [forestFire, hazardousChemicals, floodControl, crowdedPlaceFire];

/** The four sample plans of the first run; the director may edit or retire them like any other. */
export function seedSamplePlans(db: Database.Database, clock: Clock): void {
  const ctx = createContext({ db, clock, appVersion: '', dataFile: '', wiring: NO_WIRING, actor: () => 'system' });
  importPlanDocs(
    ctx,
    SAMPLE_PLAN_FILES.flatMap((f) => planFileSchema.parse(f).plans),
  );
}
