import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openDatabase } from '../../electron/core/db/open';
import { createService, type Service } from '../../electron/core/service';
import { sqliteSql } from '../../electron/core/db/sql-sqlite';
import { downloadPath, downloadsDirOf } from '../../electron/core/data-dir';
import { CORE_FEATURES } from '../../electron/core/features';
import type { CoreWiring } from '../../electron/core/wiring';
import type { MethodName, MethodInput, MethodOutput } from '../../electron/core/contract';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'duty-room-test-'));
  dirs.push(d);
  return d;
}

export interface TestCore {
  dir: string;
  file: string;
  db: Database.Database;
  clock: ManualClock;
  service: Service;
  /** Calls a method and returns its value, failing the test on an error result. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  reopen(): Promise<TestCore>;
}

/** The wiring of a full build, without a PDF printer unless a test lends one. */
export const TEST_WIRING: CoreWiring = { ...CORE_FEATURES, pdfPrinter: null };

export async function openTestCore(
  opts: { start?: string; dir?: string; clock?: ManualClock; wiring?: CoreWiring; targetVersion?: number } = {},
): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const file = join(dir, 'duty-room.sqlite');
  const clock = opts.clock ?? new ManualClock(opts.start ?? '2026-11-23T01:00:00Z');
  const db = openDatabase(file, { clock, appVersion: 'test', targetVersion: opts.targetVersion });
  const service = await createService({
    sql: sqliteSql(db),
    clock,
    appVersion: 'test',
    dataFile: file,
    wiring: opts.wiring ?? TEST_WIRING,
  });
  const core: TestCore = {
    dir,
    file,
    db,
    clock,
    service,
    async call(method, input) {
      const r = await service.invoke(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    reopen() {
      db.close();
      return openTestCore({ dir, clock, wiring: opts.wiring });
    },
  };
  return core;
}

/** The bytes of a big export the core prepared in the downloads folder (what a host hands over). */
export function downloadedBytes(core: Pick<TestCore, 'file'>, file: { download: string; sha256: string }): Buffer {
  const bytes = readFileSync(downloadPath(downloadsDirOf(core.file), file.download)!);
  // The hash the chain recorded is the hash of exactly these bytes.
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new Error('download differs from its hash');
  return bytes;
}
