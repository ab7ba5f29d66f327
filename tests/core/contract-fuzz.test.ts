import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, contract, type MethodName } from '../../electron/core/contract';
import { chemicalFire } from './fixtures';
import { openTestCore, tempDir } from './helpers';
import { generateNovember, seedPeople } from './roster-fixtures';
import { fromSchema, type Schema } from './schema-arbitrary';

/** FUZZ_RUNS per method (30 in CI: about two thousand payloads over the contract; more behind the flag). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Refusals that are themselves recorded: a wrong PIN is logged by design (and counted towards the lockout). */
const LOGGED_REFUSALS = new Set(['operator.bad_pin']);
/** Writes files outside the data folder; covered by its own tests. */
const SKIP = new Set<MethodName>(['backup.now']);

describe('every contract method, thousands of generated payloads', () => {
  it('answers success or a typed error (never "internal"), stays up, and a refused call leaves no audit entry', async () => {
    const core = await openTestCore({ start: '2026-11-25T00:00:00Z' });
    const p = await seedPeople(core);
    await generateNovember(core, p);
    for (let i = 0; i < 3; i++) await core.call('incidents.create', chemicalFire({ title: `火灾${i}` }));
    const head = async () => (await core.sql.value('SELECT max(id) FROM audit_log')) as number;
    const safeDir = tempDir();
    let calls = 0;
    const outcomes = new Map<string, number>();
    const failures: string[] = [];
    for (const method of Object.keys(contract) as MethodName[]) {
      if (SKIP.has(method)) continue;
      const schema = z.toJSONSchema(contract[method].input as z.ZodType, { io: 'input', unrepresentable: 'any' });
      const payload = fc.oneof(
        { arbitrary: fromSchema(schema as Schema), weight: 8 },
        { arbitrary: fc.anything(), weight: 2 },
      );
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          // Backups land only where the test says.
          if (input && typeof input === 'object' && 'backupDir' in input)
            (input as { backupDir: string }).backupDir = safeDir;
          const before = await head();
          const r = await core.service.invokeRaw(method, input);
          calls++;
          outcomes.set(r.ok ? 'ok' : r.error.code, (outcomes.get(r.ok ? 'ok' : r.error.code) ?? 0) + 1);
          if (r.ok) return;
          const known = (ERROR_CODES as readonly string[]).includes(r.error.code);
          if (!known || r.error.code === 'internal')
            failures.push(`${method} ${JSON.stringify(input).slice(0, 200)} → ${JSON.stringify(r.error)}`);
          if (!LOGGED_REFUSALS.has(r.error.code) && (await head()) !== before)
            failures.push(`${method} refused (${r.error.code}) but wrote audit entries`);
        }),
        { numRuns: method.startsWith('documents.') ? Math.ceil(RUNS / 3) : RUNS },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
    // Enough payloads get past the schemas to exercise the handlers, not just the parsers.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(calls / 10);
    if (process.env.FUZZ_REPORT) console.log(Object.fromEntries(outcomes));
    // Whatever was accepted was recorded properly.
    expect((await core.call('audit.verify', {})).firstProblem).toBeNull();
  }, 600_000);
});
