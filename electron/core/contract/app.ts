import type { AuditHead } from './audit';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataFile: string;
  auditHead: AuditHead | null;
  auditEntries: number;
}
