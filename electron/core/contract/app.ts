import { z } from 'zod';
import { method } from './define';
import { settingsUpdateSchema, type Settings } from './settings';
import type { AuditHead, VerifyResult } from './audit';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataFile: string;
  auditHead: AuditHead | null;
  auditEntries: number;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
}

/** A long operation under way (a big export, verify): `done` of `total` units (rows, entries). */
export interface LongOperation {
  id: number;
  /** e.g. export.log, audit.verify */
  kind: string;
  done: number;
  total: number;
  startedAt: string;
}

export const none = z.object({}).strict();

/** What `app.seedDemo` put into an empty duty room. */
export interface DemoSummary {
  people: number;
  incidents: number;
  reports: number;
  handovers: number;
  /** Every demo person's PIN. */
  pin: string;
  /** Yesterday's 值班信息 as issued in the demo (DOCX), when it could be made. */
  dailyReport: { fileName: string; base64: string } | null;
}

/** Where this seat's record is: its own SQLite file, or a shared PostgreSQL database (never the password). */
export interface SeatInfo {
  mode: 'local' | 'shared';
  /** For a shared database: where it is; empty strings for a local seat. */
  host: string;
  port: string;
  database: string;
  user: string;
}

/** A connection test's findings (Settings' 测试连接, `duty-room connect`). */
export interface SeatCheck {
  host: string;
  port: string;
  database: string;
  user: string;
  serverVersion: string;
  /** The schema the database is at (0: empty) and the one this app needs. */
  schemaVersion: number;
  appSchemaVersion: number;
  /** This login may create tables: it would migrate the schema (the owner). */
  mayMigrate: boolean;
}

/** A shared database's address: postgres://user@host:port/database?sslmode=… (the password belongs in ~/.pgpass). */
export const seatUrlSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/),
  })
  .strict();

export const appMethods = {
  'app.info': method<AppInfo>()(none),
  'settings.get': method<Settings>()(none),
  'settings.update': method<Settings>()(settingsUpdateSchema),
  'audit.verify': method<VerifyResult>()(z.object({ full: z.boolean().optional() }).strict()),
  'backup.now': method<BackupInfo>()(none),
  'backup.list': method<BackupInfo[]>()(none),
  /** Fills an empty database with a realistic fortnight (conflict when anything is there). */
  'app.seedDemo': method<DemoSummary>()(none),
  /** Whether the database is still empty: the first screen offers setup or the demo. */
  'app.isEmpty': method<{ empty: boolean }>()(none),
  'app.progress': method<LongOperation[]>()(none),
  'seat.current': method<SeatInfo>()(none),
  /** Tests a shared database without switching to it. */
  'seat.test': method<SeatCheck>()(seatUrlSchema),
  /** Tests, then writes the data folder's seat.json: the app uses the shared database after a restart. */
  'seat.switch': method<SeatCheck>()(seatUrlSchema),
};
