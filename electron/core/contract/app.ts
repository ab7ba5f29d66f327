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
};
