import { auditedTable } from '../audit/audited-tables';
import type { CoreContext } from '../context';
import {
  INSERT_ROW_VALUES_SQL,
  INSERT_VERSION_SQL,
  ROW_COLUMNS,
  VERSION_COLUMNS,
  nextNumber,
  numbersAfter,
  sortedColumnNames,
} from './incident-rows';
import { writeHistories } from './incident-history';
import { insertOpenRows, maintained } from './open-deadlines';
import { currentRules } from './deadline-rules';
import type { OpenRows } from './open-deadline-rows';
import { getSettings } from '../settings/settings-repo';
import { ftsOf } from './search-fts';
import { insertFtsSql } from './search-index';
import type { PreparedIncident, PrepareTask } from './import-prepare';

/**
 * The writer's half of an import (import-prepare.ts has the other): hands out each line's id and number,
 * then writes prepared incidents in the caller's transaction: the same rows, audit entries, search
 * entries and open-deadline rows as `createIncident`, written table by table a slice at a time instead of
 * incident by incident. Interleaving eight B-trees per record thrashed SQLite's page cache (the import
 * ran at a quarter of raw inserts); one table at a time keeps its pages hot, as a raw bulk insert does.
 * The time, the operator, the next id and number are read once for the run.
 */
export async function incidentBatch(ctx: CoreContext): Promise<{
  /** The task preparing these lines (numbered in the file), each given its id and number. */
  task(lines: { line: number; text: string }[]): Promise<PrepareTask>;
  write(prepared: { incidents: PreparedIncident[]; open: OpenRows }): Promise<void>;
}> {
  const now = ctx.clock.now();
  const actor = await ctx.actor();
  let id = ((await ctx.sql.value('SELECT max(id) FROM incidents')) as number | null) ?? 0;
  /** The last number handed out. */
  let last: string | null = null;
  const tz = (await getSettings(ctx)).timeZone;
  await checkColumns(ctx);
  const insertFts = insertFtsSql(ftsOf(ctx).key);
  const rules = (await currentRules(ctx)).rules;
  const keepsOpenRows = await maintained(ctx);

  return {
    async task(lines) {
      let numbers: string[];
      if (last === null) {
        const first = await nextNumber(ctx, now);
        numbers = [first, ...(await numbersAfter(ctx, first, lines.length - 1))];
      } else numbers = await numbersAfter(ctx, last, lines.length);
      last = numbers.at(-1) ?? last;
      const numbered = lines.map((l, k) => ({ ...l, id: ++id, number: numbers[k]! }));
      return { now: now.toISOString(), checkAt: ctx.clock.now().toISOString(), tz, actor, rules, lines: numbered };
    },

    async write({ incidents: slice, open }) {
      for (const p of slice) await ctx.sql.run(INSERT_ROW_VALUES_SQL, p.row);
      const versionIds: string[] = [];
      for (const p of slice) versionIds.push(String(await ctx.sql.insert(INSERT_VERSION_SQL, p.version)));
      // Each entry records the row as stored, so verify compares like with like: the values just bound
      // (text into TEXT columns, integers into INTEGER ones: stored as given), keyed in the table's sorted
      // column order. Reading the slice back would cost a range scan per table for the same values.
      for (const [k, p] of slice.entries()) {
        const e = p.rowEntry;
        await ctx.audit.appendPrepared({
          actor,
          kind: e.kind,
          refTable: 'incidents',
          refId: String(p.id),
          payload: e.payload,
          mid: [e.mid],
        });
        const vid = versionIds[k]!;
        const v = p.versionEntry;
        await ctx.audit.appendPrepared({
          actor,
          kind: v.kind,
          refTable: 'incident_versions',
          refId: vid,
          payload: v.payload.join(vid),
          mid: [v.mid[0], vid, v.mid[1], vid, v.mid[2]],
        });
      }
      for (const p of slice) await ctx.sql.run(insertFts, p.fts);
      const histories = slice.flatMap((p) => (p.history ? [p.history] : []));
      // The open-deadline rows were computed with the lines: no refresh reads back what was just written.
      if (keepsOpenRows) await insertOpenRows(ctx, open);
      if (histories.length) await writeHistories(ctx, histories, now, actor);
    },
  };
}

/**
 * The prepared rows are the tables' columns in sorted order (the audit payload's canonical key order), each
 * entry the whole row. A column added to a table but not to the import (its default stored, not in the
 * entry), or a table whose entries record a projection of the row, would make verify name every imported
 * row: refuse.
 */
async function checkColumns(ctx: CoreContext): Promise<void> {
  const rowCols = await sortedColumnNames(ctx, 'incidents');
  const versionCols = await sortedColumnNames(ctx, 'incident_versions');
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
  if (!same(rowCols, ROW_COLUMNS) || auditedTable('incidents').project)
    throw new Error("the import's incidents rows do not match its columns");
  if (!same(versionCols, [...VERSION_COLUMNS, 'id'].sort()) || auditedTable('incident_versions').project)
    throw new Error("the import's incident_versions rows do not match its columns");
}
