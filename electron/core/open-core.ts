import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ApiService } from './contract/service';
import type { SeatEvents } from './contract/changes';
import { systemClock, type Clock } from './db/clock';
import { openDatabase } from './db/open';
import { sqliteSql } from './db/sql-sqlite';
import { createService } from './service';
import { APP_VERSION } from './version';
import { acquireHostLock } from './db/host-lock';
import { scheduleDailyBackups } from './backup/auto-backup';
import { backupDatabase, restoreDatabase, type CandidateCheck } from './backup/backup';
import { CORE_FEATURES } from './features';
import type { CoreWiring, SeatAdapter } from './wiring';
import type { PdfPrinter } from './documents/pdf-printer';

import { DB_FILE_NAME, downloadsDirOf } from './data-dir';
import { describeUrl, readSeat, sharedPlace } from './db/seat-file';
import { checkSharedDatabase, openSharedSql } from './db/open-shared';
import { connectSeatWith } from './seat-ops';
import { AppError } from './contract/errors';
import { fileLines, importIncidents, type ImportResult } from './incidents/import-file';

export type { PdfPrinter };
export { defaultDataDir, DB_FILE_NAME } from './data-dir';
// The integrity operations and failure wording hosts need (they reach the core only through here).
export { verifyDataFile, checkBackupsIn, salvageDataFile } from './integrity-ops';
export { describeFailure, hostLanguage, type FailureText } from './messages';
export { isBusy } from './db/sqlite-errors';
// A seat on a shared database: switching to one, moving a single-seat record there, printing where it is.
export { migrateToShared, type ConnectionCheck, type MigrateToResult } from './seat-ops';
export { describeUrl, readSeat } from './db/seat-file';

/**
 * What a host gets from the composition root: the typed API and the few whole-file operations a host
 * offers itself (the CLI's `backup --out`). No database handle, no repository.
 */
export interface Core {
  service: ApiService;
  /** What changed in the record and the link to a shared database: the hosts push it to their pages. */
  events: SeatEvents;
  /** The SQLite file; '' on a shared database (there is no file of the record on this machine). */
  dataFile: string;
  /** Where this seat's record is, as it may be printed: the file, or the shared database's URL without its password. */
  location: string;
  /** Where the core writes prepared exports for the host to hand over (beside the file; a temporary folder when shared). */
  downloadsDir: string;
  /** An online backup of the open database to a file of the host's choosing, checked before it takes its name. */
  backupTo(outFile: string): Promise<CandidateCheck>;
  /**
   * `import-incidents FILE`: a JSON-lines file too big to pass as one API input, read in slices and
   * recorded in one transaction (see incidents/import-file.ts).
   */
  importIncidentsFrom(file: string, onProgress?: (recorded: number) => void): Promise<ImportResult>;
  close(): Promise<void>;
}

export interface OpenCoreOptions {
  clock?: Clock;
  /** A long-running host (the app, the web host): takes the host lock and makes the daily backups. */
  host?: boolean;
  /** The host's PDF printer (none: PDF export answers export.pdf_unavailable). */
  pdfPrinter?: PdfPrinter | null;
  /** Cross-feature adapters; a full build passes CORE_FEATURES (the default). */
  features?: Omit<CoreWiring, 'pdfPrinter'>;
  /** Recovery: look at the file without changing anything (writes answer db.read_only). */
  readonly?: boolean;
  /**
   * A shared PostgreSQL database (postgres://…) instead of the folder's SQLite file; without it, the
   * folder's seat.json decides (written by `duty-room connect` or Settings).
   */
  url?: string;
  /** Shown to the server as this seat's kind of host ('app', 'web', 'cli'). */
  seatRole?: string;
}

interface InternalOptions extends OpenCoreOptions {
  seat?: SeatAdapter;
}

/** Settings' shared database section: this folder's seat, tested and switched through seat-ops. */
function seatAdapter(dataDir: string, url: string | null): SeatAdapter {
  return {
    current: () =>
      url ? { mode: 'shared', ...sharedPlace(url) } : { mode: 'local', host: '', port: '', database: '', user: '' },
    test: (u) => checkSharedDatabase(u),
    switch: (u) => connectSeat(dataDir, u),
  };
}

export const lockFileOf = (dataFile: string) => `${dataFile}.lock`;

/**
 * The composition root every host calls (Electron's utility process, the web host, the CLI): opens the
 * database and builds the one service with everything it needs passed in. The CLI's short commands
 * take no host lock and make no daily backups.
 */
export async function openCore(dataDir: string, opts: InternalOptions = {}): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  mkdirSync(dataDir, { recursive: true });
  const url = opts.url ?? readSeat(dataDir)?.url;
  if (url) return openSharedCore(url, clock, { ...opts, seat: seatAdapter(dataDir, url) });
  const dataFile = join(dataDir, DB_FILE_NAME);
  const release = opts.host ? acquireHostLock(lockFileOf(dataFile)) : () => {};
  let db: Database.Database;
  try {
    db = openDatabase(dataFile, { clock, appVersion: APP_VERSION, readonly: opts.readonly });
  } catch (e) {
    release();
    throw e;
  }
  const wiring: CoreWiring = {
    ...(opts.features ?? CORE_FEATURES),
    pdfPrinter: opts.pdfPrinter ?? null,
    seat: opts.seat ?? seatAdapter(dataDir, null),
    // This bundle's folder: the workers are built beside it (out/main).
    workers: __dirname,
  };
  const service = await createService({ sql: sqliteSql(db), clock, appVersion: APP_VERSION, dataFile, wiring });
  const stopBackups = opts.host && !opts.readonly ? scheduleDailyBackups(service.ctx) : () => {};
  return {
    service: { invoke: service.invoke, invokeRaw: service.invokeRaw },
    events: { subscribe: service.subscribe, current: service.current },
    dataFile,
    location: dataFile,
    downloadsDir: downloadsDirOf(dataFile),
    backupTo: (outFile) => backupDatabase(db, outFile, wiring.workers),
    importIncidentsFrom: (file, onProgress) => importIncidents(service.ctx, fileLines(file), onProgress),
    close: async () => {
      stopBackups();
      // Keeps the query planner's statistics fresh for the filters (SQLite's advice for closing).
      try {
        if (!db.readonly) db.pragma('optimize');
      } catch {
        // Statistics are an optimisation: a busy or damaged file must not turn a clean close into an error.
      }
      db.close();
      release();
    },
  };
}

/**
 * A seat on a shared database: the same service over PostgreSQL. No host lock (many seats is the point;
 * the server serialises writers on the chain lock) and no daily backup files (the server's own backups
 * keep a shared record — docs/postgres.md); the data folder keeps only seat.json.
 */
async function openSharedCore(url: string, clock: Clock, opts: InternalOptions): Promise<Core> {
  const sql = await openSharedSql(url, {
    clock,
    appVersion: APP_VERSION,
    readonly: opts.readonly,
    role: opts.seatRole ?? (opts.host ? 'app' : 'cli'),
  });
  const wiring: CoreWiring = {
    ...(opts.features ?? CORE_FEATURES),
    pdfPrinter: opts.pdfPrinter ?? null,
    seat: opts.seat,
    workers: __dirname,
  };
  let service: Awaited<ReturnType<typeof createService>>;
  try {
    service = await createService({ sql, clock, appVersion: APP_VERSION, dataFile: '', wiring });
  } catch (e) {
    await sql.close();
    throw e;
  }
  return {
    service: { invoke: service.invoke, invokeRaw: service.invokeRaw },
    events: { subscribe: service.subscribe, current: service.current },
    dataFile: '',
    location: describeUrl(url),
    // Where the core writes prepared exports when it has no file to write beside (documents/downloads.ts).
    downloadsDir: downloadsDirOf(''),
    backupTo: () => Promise.reject(new AppError('db.not_on_server', { operation: 'backup' })),
    importIncidentsFrom: (file, onProgress) => importIncidents(service.ctx, fileLines(file), onProgress),
    close: () => sql.close(),
  };
}

/** Tests a shared database and, only if the seat opens on it, writes the folder's seat.json (seat-ops.ts). */
export const connectSeat = (dataDir: string, url: string) =>
  connectSeatWith(dataDir, url, (dir, u) => openCore(dir, { url: u, seatRole: 'connect' }));

/** Replaces the data folder's database with a checked backup (the CLI's `restore`; no host may hold it). */
export function restoreCore(dataDir: string, backupFile: string, clock: Clock = systemClock) {
  return restoreDatabase(backupFile, join(dataDir, DB_FILE_NAME), { clock, appVersion: APP_VERSION });
}
