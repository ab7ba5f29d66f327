import type Database from 'better-sqlite3';
import type { AuditProblem, VerifyResult } from '../contract/audit';
import { AUDIT_ANCHORS } from './audited-tables';
import { joinPieces, WitnessCheck } from './chain-links';
import { sqliteChainReader } from './chain-scan';
import { fileReaders, inThreadRunner } from '../app/worker-pool';
import { planTasks, runTask, type TaskResult, type VerifyTask } from './verify-tasks';

export interface VerifyOptions {
  /** Witness files to hold the chain against: the live one beside the database, a backup's, a copy. */
  witnesses?: string[];
  /** Adds SQLite's page-level integrity_check (reads every page: slower). */
  full?: boolean;
  /** Called every few thousand entries, for a progress line or bar. */
  onProgress?: (done: number, total: number, phase: 'chain' | 'rows') => void;
}

/**
 * Recomputes the whole chain, compares every audited row with the entry that last recorded it, checks
 * the heads recorded outside the chain (witness files, handover signatures, issued documents), all
 * streaming: memory stays flat whatever the number of entries. On this thread, start to end (a backup
 * being checked, a test); `verifyChainAsync` shares the work out.
 */
export function verifyChain(db: Database.Database, opts: VerifyOptions = {}): VerifyResult {
  const v = new Verification(db, opts, 1);
  while (v.witness.step());
  const results = v.tasks.map((t) => v.settle(t, runTask(db, t)));
  return v.result(results);
}

/**
 * The same for a host serving other requests meanwhile, and the CLI. Each entry's hash depends only on
 * its own stored link and body, so the chain (and the rows) are checked in pieces on worker threads,
 * each with its own read-only connection to `dataFile` (2 cores: about twice as fast), while this
 * thread looks up the witness heads in slices with `pause` between them. Without a worker (no file, the
 * sources under test) the pieces run here, one per turn of the event loop.
 */
export async function verifyChainAsync(
  db: Database.Database,
  opts: VerifyOptions & { dataFile?: string; workers?: string; threads?: number },
  pause: () => Promise<void>,
): Promise<VerifyResult> {
  const local = inThreadRunner((task: VerifyTask) => runTask(db, task), pause);
  const runner = fileReaders('verify-worker', opts.dataFile, local, {
    dir: opts.workers,
    max: opts.threads,
    // A piece allocates small, short-lived things (a row, its bytes, a digest): a small young generation
    // keeps each thread's memory low (measured at 610k entries: peak RSS 240 MB with V8's default, 174 MB
    // with 2 MB, at the same CPU time), so verify stays within its 200 MB with two threads.
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
  try {
    const v = new Verification(db, opts, runner.threads);
    const pending = Promise.all(v.tasks.map((t) => runner.run(t).then((r) => v.settle(t, r))));
    // A piece that fails fails verify, but only once the witness below is done (no unhandled rejection).
    pending.catch(() => undefined);
    while (v.witness.step()) await pause();
    return v.result(await pending);
  } finally {
    await runner.close();
  }
}

/** One verification: the plan, the sequential link check, progress, and the result in the usual order. */
class Verification {
  readonly witness: WitnessCheck;
  readonly tasks: VerifyTask[];
  private readonly total: number;
  private readonly rows: number;
  private hashed = 0;
  private rowsDone = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: VerifyOptions,
    threads: number,
  ) {
    // The chain as it stands now: entries appended while verifying are the next verification's.
    this.total = (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
    this.witness = new WitnessCheck(sqliteChainReader(db), this.total, opts.witnesses ?? []);
    const plan = planTasks(db, this.total, threads, opts.full);
    this.tasks = plan.tasks;
    this.rows = plan.rows;
  }

  /** Counts a finished piece for progress: the chain's entries first, then the tables' rows. */
  settle(task: VerifyTask, r: TaskResult): TaskResult {
    const report = this.opts.onProgress;
    if (task.kind === 'hashes') report?.(Math.min((this.hashed += r.done), this.total), this.total, 'chain');
    else if (task.kind === 'rows') report?.(Math.min((this.rowsDone += r.done), this.rows), this.rows, 'rows');
    return r;
  }

  result(results: TaskResult[]): VerifyResult {
    this.witness.finish();
    const problems: AuditProblem[] = [];
    const integrity = results.find((_, i) => this.tasks[i]!.kind === 'integrity')?.integrity;
    if (integrity !== undefined && integrity !== 'ok') problems.push({ kind: 'integrity', entryId: null });
    const chain: AuditProblem[] = [];
    const rowProblems: AuditProblem[] = [];
    const pieces = results.filter((_, i) => this.tasks[i]!.kind === 'hashes');
    results.forEach((r, i) => (this.tasks[i]!.kind === 'hashes' ? chain : rowProblems).push(...r.problems));
    const head = joinPieces(pieces, chain);
    // The chain's own problems for an entry in the order one pass found them: gap, link, hash.
    const order = { sequence_gap: 0, prev_mismatch: 1, hash_mismatch: 2 } as Record<string, number>;
    chain.sort((a, b) => a.entryId! - b.entryId! || order[a.kind]! - order[b.kind]!);
    problems.push(...chain, ...this.witness.problems);
    checkAnchors(this.db, problems);
    problems.push(...rowProblems);
    // The chain's own problems first (where it was cut or rewritten), then rows that disagree with it
    // (a row problem names the entry that last recorded the row, not where the tampering happened).
    const rank = (p: AuditProblem) => (p.kind.startsWith('row_') ? 1 : 0);
    problems.sort((a, b) => rank(a) - rank(b) || (a.entryId ?? Infinity) - (b.entryId ?? Infinity));
    return {
      ok: problems.length === 0,
      entries: pieces.reduce((n, p) => n + p.done, 0),
      head,
      firstProblem: problems[0] ?? null,
      problems: problems.length,
      witnessed: this.witness.witnessed,
      ...(integrity !== undefined ? { integrity } : {}),
    };
  }
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function checkAnchors(db: Database.Database, problems: AuditProblem[]): void {
  const byId = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  for (const a of AUDIT_ANCHORS) {
    if (!tableExists(db, a.table)) continue; // an older backup, from before that feature
    const rows = db
      .prepare(
        `SELECT ${a.pk} AS pk, ${a.idColumn} AS id, ${a.hashColumn} AS hash FROM ${a.table} WHERE ${a.idColumn} IS NOT NULL`,
      )
      .iterate() as Iterable<{ pk: unknown; id: number; hash: string }>;
    for (const r of rows) {
      if (byId.get(r.id) !== r.hash)
        problems.push({ kind: 'anchor_mismatch', entryId: r.id, table: a.table, rowId: String(r.pk) });
    }
  }
}
