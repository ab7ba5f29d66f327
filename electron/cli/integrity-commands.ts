import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { verifyChain } from '../core/audit/verify';
import { witnessFileOf, writeCheckpoint } from '../core/audit/witness';
import { backupDatabase, checkBackupFile, restoreDatabase } from '../core/backup/backup';
import type { VerifyResult } from '../core/contract';
import { systemClock } from '../core/db/clock';
import { openReadOnly } from '../core/db/open';
import { openCore, type Core } from '../core/open-core';
import { APP_VERSION } from '../core/version';
import { CliFailure, EXIT, Refused } from './failure';
import { AppError } from '../core/contract/errors';

function describeProblem(v: VerifyResult): string {
  const p = v.firstProblem;
  if (!p) return 'ok';
  const where = p.table ? ` (${p.table} row ${p.rowId})` : '';
  return p.entryId != null ? `entry #${p.entryId}: ${p.kind}${where}` : `${p.kind}${where}`;
}

/** A progress line on a terminal (rewritten in place); nothing when stderr is a file or a pipe. */
function progress(done: number, total: number, phase: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${phase}: ${done}/${total}…   `);
}

/**
 * verify reads the file without the refusals of a normal open (it is how a damaged or altered file is
 * examined), streaming, against the witness beside it and any --witness given.
 */
export function verifyCommand(dataFile: string, opts: { full?: boolean; witnesses?: string[] }): void {
  // Only a missing file is created (as by any command); an existing one is only read.
  if (!existsSync(dataFile)) openCore(dirname(dataFile)).close();
  const db = openReadOnly(dataFile);
  let v: VerifyResult;
  try {
    v = verifyChain(db, {
      full: opts.full,
      witnesses: [witnessFileOf(dataFile), ...(opts.witnesses ?? []).map((w) => resolve(w))],
      onProgress: progress,
    });
  } finally {
    db.close();
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
  if (!v.ok)
    throw new CliFailure(`audit chain broken at ${describeProblem(v)} (${v.problems} problem(s))`, EXIT.verifyFailed);
  if (v.head) writeCheckpoint(dataFile, v.head);
  const integrity = v.integrity ? `, integrity ${v.integrity}` : '';
  console.log(`ok: ${v.entries} entries, head #${v.head?.id} ${v.head?.hash}, ${v.witnessed} witnessed${integrity}`);
}

export async function backupCommand(core: Core, out: string): Promise<void> {
  const check = await backupDatabase(core.db, resolve(out));
  console.log(
    `backup written to ${resolve(out)} (${check.verify.entries} entries checked, head #${check.verify.head?.id})`,
  );
}

export function restoreCommand(file: string, dataFile: string): void {
  let result: ReturnType<typeof restoreDatabase>;
  try {
    result = restoreDatabase(resolve(file), dataFile, { clock: systemClock, appVersion: APP_VERSION });
  } catch (e) {
    // The backup was refused; the live database was not touched.
    throw e instanceof AppError ? new Refused(e) : e;
  }
  console.log(`restored ${file} (${result.check.verify.entries} audit entries verified)`);
  if (result.keptPrevious) console.log(`previous database kept as ${result.keptPrevious}`);
  if (result.archivedWitness) console.log(`previous witness kept as ${result.archivedWitness}`);
}

/** Lists the backups in a folder, newest first, each checked (integrity and chain). */
export function backupsCommand(dir: string): void {
  if (!existsSync(dir)) throw new CliFailure(`no backups folder: ${dir}`, EXIT.failed);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .sort()
    .reverse();
  for (const n of names) {
    const file = join(dir, n);
    try {
      const c = checkBackupFile(file);
      console.log(`valid   ${file}  ${statSync(file).size} bytes, head #${c.verify.head?.id}`);
    } catch (e) {
      console.log(`invalid ${file}  ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * Exports every row still readable, table by table, as JSON lines into DIR: what can be saved from a
 * damaged file when no backup is good enough. A table that fails part-way keeps the rows read so far.
 */
export async function salvageCommand(dataFile: string, outDir: string): Promise<void> {
  const db: Database.Database = openReadOnly(dataFile);
  mkdirSync(outDir, { recursive: true });
  try {
    let tables: string[] = [];
    try {
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    } catch {
      throw new CliFailure('the schema itself is unreadable: nothing can be salvaged', EXIT.cannotOpen);
    }
    for (const t of tables) {
      const out = createWriteStream(join(outDir, `${t}.jsonl`));
      let n = 0;
      let stopped = '';
      try {
        for (const row of db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`).iterate()) {
          out.write(JSON.stringify(row) + '\n');
          n++;
        }
      } catch (e) {
        stopped = ` (stopped: ${e instanceof Error ? e.message : String(e)})`;
      }
      await new Promise<void>((done) => out.end(done));
      console.log(`${t}: ${n} rows${stopped}`);
    }
  } finally {
    db.close();
  }
}
