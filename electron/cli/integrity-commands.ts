import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { AppError, type VerifyResult } from '../core/contract';
import {
  checkBackupsIn,
  describeFailure,
  openCore,
  restoreCore,
  salvageDataFile,
  verifyDataFile,
  type Core,
} from '../core/open-core';
import { CliFailure, EXIT, Refused } from './failure';

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

/** verify reads the file without the refusals of a normal open: it is how a damaged or altered file is examined. */
export async function verifyCommand(dataFile: string, opts: { full?: boolean; witnesses?: string[] }): Promise<void> {
  // Only a missing file is created (as by any command); an existing one is only read.
  if (!existsSync(dataFile)) await (await openCore(dirname(dataFile))).close();
  let v: VerifyResult;
  try {
    v = await verifyDataFile(dataFile, {
      full: opts.full,
      witnesses: (opts.witnesses ?? []).map((w) => resolve(w)),
      onProgress: progress,
      // The CLI's own folder: the workers are built beside it (out/main).
      workers: __dirname,
    });
  } finally {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  }
  if (!v.ok)
    throw new CliFailure(`audit chain broken at ${describeProblem(v)} (${v.problems} problem(s))`, EXIT.verifyFailed);
  const integrity = v.integrity ? `, integrity ${v.integrity}` : '';
  console.log(`ok: ${v.entries} entries, head #${v.head?.id} ${v.head?.hash}, ${v.witnessed} witnessed${integrity}`);
}

/** verify on a shared database: the server's record, checked through the seat (audit.verify on PostgreSQL). */
export async function verifySharedCommand(dataDir: string, url: string): Promise<void> {
  const core = await openCore(dataDir, { url });
  try {
    const r = await core.service.invoke('audit.verify', {});
    if (!r.ok) throw new AppError(r.error.code, r.error.params);
    const v = r.value;
    if (!v.ok)
      throw new CliFailure(`audit chain broken at ${describeProblem(v)} (${v.problems} problem(s))`, EXIT.verifyFailed);
    console.log(`ok: ${v.entries} entries, head #${v.head?.id} ${v.head?.hash}, on ${core.location}`);
  } finally {
    await core.close();
  }
}

export async function backupCommand(core: Core, out: string): Promise<void> {
  const check = await core.backupTo(resolve(out));
  console.log(
    `backup written to ${resolve(out)} (${check.verify.entries} entries checked, head #${check.verify.head?.id})`,
  );
}

export function restoreCommand(file: string, dataDir: string): void {
  let result: ReturnType<typeof restoreCore>;
  try {
    result = restoreCore(dataDir, resolve(file));
  } catch (e) {
    // The backup was refused; the live database was not touched.
    throw e instanceof AppError ? new Refused(e) : e;
  }
  console.log(`restored ${file} (${result.check.verify.entries} audit entries verified)`);
  if (result.keptPrevious) console.log(`previous database kept as ${result.keptPrevious}`);
  if (result.archivedWitness) console.log(`previous witness kept as ${result.archivedWitness}`);
}

/** Lists the backups in a folder, newest first, each checked (integrity and chain). */
export function backupsCommand(dir: string, dataDir: string): void {
  if (!existsSync(dir)) throw new CliFailure(`no backups folder: ${dir}`, EXIT.failed);
  for (const b of checkBackupsIn(dir)) {
    if (b.valid) console.log(`valid   ${b.file}  ${b.bytes} bytes, head #${b.headId}`);
    else {
      const why = describeFailure(new AppError(b.error!.code as never, b.error!.params), dataDir).line;
      console.log(`invalid ${b.file}  ${why.replace(/^[^:：]+[:：]\s*/, '')}`);
    }
  }
}

export async function salvageCommand(dataFile: string, outDir: string): Promise<void> {
  for (const t of await salvageDataFile(dataFile, outDir))
    console.log(`${t.table}: ${t.rows} rows${t.stopped ? ` (stopped: ${t.stopped})` : ''}`);
}
