import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { verifyChainAsync, type VerifyOptions } from './audit/verify';
import { yieldToOthers } from './app/progress';
import { witnessFileOf, writeCheckpoint } from './audit/witness';
import { checkBackupFile } from './backup/backup';
import type { VerifyResult } from './contract/audit';
import { AppError } from './contract/errors';
import { openReadOnly } from './db/open';

/**
 * The whole-file operations the CLI offers, reached through the composition root (open-core). They
 * look at a file without the refusals of a normal open: they are how a damaged or altered file is
 * examined, listed or salvaged.
 */

/**
 * verify: streaming, on worker threads, against the witness beside the file and any other given; moves
 * the checkpoint on success.
 */
export async function verifyDataFile(
  dataFile: string,
  opts: { full?: boolean; witnesses?: string[]; workers?: string; onProgress?: VerifyOptions['onProgress'] },
): Promise<VerifyResult> {
  const db = openReadOnly(dataFile);
  try {
    const witnesses = [witnessFileOf(dataFile), ...(opts.witnesses ?? [])];
    const v = await verifyChainAsync(db, { ...opts, dataFile, witnesses }, yieldToOthers);
    if (v.ok && v.head) writeCheckpoint(dataFile, v.head);
    return v;
  } finally {
    db.close();
  }
}

export interface CheckedBackup {
  file: string;
  bytes: number;
  valid: boolean;
  headId?: number;
  /** Why not valid: an error code and its parameters. */
  error?: { code: string; params?: Record<string, string | number> };
}

/** Every backup in a folder, newest first, each fully checked (integrity, chain, its witness). */
export function checkBackupsIn(dir: string): CheckedBackup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((n) => {
      const file = join(dir, n);
      const bytes = statSync(file).size;
      try {
        return { file, bytes, valid: true, headId: checkBackupFile(file).verify.head?.id };
      } catch (e) {
        const error = e instanceof AppError ? { code: e.code, params: e.params } : { code: 'backup.invalid' };
        return { file, bytes, valid: false, error };
      }
    });
}

/**
 * Every row still readable, table by table, as JSON lines into `outDir`: what can be saved from a
 * damaged file when no backup is good enough. A table that fails part-way keeps the rows read so far.
 */
export async function salvageDataFile(
  dataFile: string,
  outDir: string,
): Promise<{ table: string; rows: number; stopped?: string }[]> {
  const db: Database.Database = openReadOnly(dataFile);
  mkdirSync(outDir, { recursive: true });
  const report: { table: string; rows: number; stopped?: string }[] = [];
  try {
    let tables: string[];
    try {
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    } catch {
      throw new AppError('db.damaged');
    }
    for (const table of tables) {
      const out = createWriteStream(join(outDir, `${table}.jsonl`));
      let rows = 0;
      let stopped: string | undefined;
      try {
        for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).iterate()) {
          out.write(JSON.stringify(row) + '\n');
          rows++;
        }
      } catch (e) {
        stopped = e instanceof Error ? e.message : String(e);
      }
      await new Promise<void>((done) => out.end(done));
      report.push({ table, rows, ...(stopped ? { stopped } : {}) });
    }
    return report;
  } finally {
    db.close();
  }
}
