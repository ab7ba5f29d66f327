// Child of crash.test.ts: writes in a loop until killed, acknowledging each committed write on fd 1
// synchronously (an async pipe write could be lost with the process, and the test would never know).
// It uses the write path below the service (same transaction, audit entry and witness) and skips the
// service's document modules, so that 50 restarts stay quick.
import { writeSync } from 'node:fs';
import { sqliteSql } from '../../../electron/core/db/sql-sqlite';
import { join } from 'node:path';
import { createContext } from '../../../electron/core/context';
import { systemClock } from '../../../electron/core/db/clock';
import { openDatabase } from '../../../electron/core/db/open';
import { createIncident } from '../../../electron/core/incidents/incident-repo';
import { backupNow } from '../../../electron/core/backup/auto-backup';
import { chemicalFire } from '../fixtures';
import { CORE_FEATURES } from '../../../electron/core/features';

async function main(): Promise<void> {
  const dataFile = join(process.argv[2]!, 'duty-room.sqlite');
  const db = openDatabase(dataFile, { clock: systemClock, appVersion: 'crash' });
  const ctx = createContext({
    sql: sqliteSql(db),
    clock: systemClock,
    appVersion: 'crash',
    dataFile,
    actor: async () => 'crash',
    wiring: { ...CORE_FEATURES, pdfPrinter: null },
  });
  writeSync(1, 'ready\n');
  for (let i = 0; ; i++) {
    const inc = await createIncident(ctx, chemicalFire({ title: `写入${process.pid}-${i}` }));
    writeSync(1, `ack ${inc.id}\n`);
    // Now and then a backup, so some kills land in the middle of one.
    if (i % 25 === 7) await backupNow(ctx);
  }
}
void main();
