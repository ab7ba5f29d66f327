import { parseCommonArgs } from '../core/args';
import { AppError } from '../core/contract';
import { DB_FILE_NAME, defaultDataDir, openCore, readSeat } from '../core/open-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lazyChromiumPdfPrinter } from '../web/chromium-pdf';
import { EXPORT_USAGE, runExport } from './export-command';
import { CliFailure, UsageError, report, withRetry } from './failure';
import {
  backupCommand,
  backupsCommand,
  restoreCommand,
  salvageCommand,
  verifyCommand,
  verifySharedCommand,
} from './integrity-commands';
import { progressLine } from './progress';
import { connectCommand, migrateToCommand } from './shared-commands';

const USAGE = `duty-room <command> [--data DIR] [--url postgres://…] [--debug]
  connect --url URL       test a shared PostgreSQL database (server, login, schema, write privilege),
                          then make this data folder's seat use it (seat.json; the password belongs in
                          ~/.pgpass or PGPASSWORD, not in the URL)
  migrate-to --url URL    copy this folder's single-seat record into an EMPTY PostgreSQL database and
                          verify the audit chain there
  info                    schema version, data file, audit head
  verify [--full] [--witness FILE]…
                          recompute the audit chain, compare every audited row and the witness
                          (--full adds SQLite's integrity_check; --witness: a backup's or a copied witness)
  backup --out FILE       online backup, checked before it takes its name
  backups [DIR]           list the backups (default: backups/ beside the database), each checked
  restore FILE            replace the database with FILE after integrity and chain checks
  salvage --out DIR       export every still-readable row of a damaged database as JSON lines
  import-plans FILE       import emergency plans from a JSON export (errors name line and field)
  seed-demo               fill an empty duty room with a realistic demo fortnight (PIN of everyone: 123456)
  import-incidents FILE   import incidents, one JSON object per line (incidents.create's fields, and the
                          reports sent and calls logged: \`reports\`, \`calls\`), in one transaction;
                          a bad line refuses the whole file, naming line and field
${EXPORT_USAGE}
Exit codes: 0 ok, 1 refused, 2 usage, 3 verify found problems, 4 database cannot be opened,
5 database busy, 70 internal error (see README).`;

const OPENING = ['info', 'backup', 'export', 'import-plans', 'import-incidents', 'seed-demo'];

async function run(argv: string[], dataDirOut: { dir: string }): Promise<void> {
  let parsed: ReturnType<typeof parseCommonArgs>;
  try {
    parsed = parseCommonArgs(argv);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const dataDir = resolve(values.data ?? defaultDataDir());
  dataDirOut.dir = dataDir;
  const dataFile = join(dataDir, DB_FILE_NAME);

  // A shared database (--url, or the folder's seat.json) has no file here: its server keeps the backups.
  const shared = values.url ?? readSeat(dataDir)?.url;
  if (shared && ['restore', 'backups', 'salvage'].includes(command))
    throw new AppError('db.not_on_server', { operation: command });
  if (shared && command === 'verify') return verifySharedCommand(dataDir, shared);

  // Commands that look at the file without the normal open (it may be the damaged file itself).
  switch (command) {
    case 'connect':
      return connectCommand(dataDir, values.url);
    case 'migrate-to':
      return migrateToCommand(dataDir, values.url);
    case 'restore':
      if (!rest[0]) throw new UsageError('restore needs a FILE');
      return restoreCommand(rest[0], dataDir);
    case 'verify':
      return verifyCommand(dataFile, { full: values.full, witnesses: values.witness });
    case 'backups':
      return backupsCommand(resolve(rest[0] ?? join(dataDir, 'backups')), dataDir);
    case 'salvage':
      if (!values.out) throw new UsageError('salvage needs --out DIR');
      return salvageCommand(dataFile, resolve(values.out));
  }
  if (!OPENING.includes(command)) throw new UsageError(`unknown command "${command}"\n${USAGE}`);

  await withRetry(async () => {
    // Chromium is looked for only if an export asks for a PDF.
    const printer = lazyChromiumPdfPrinter();
    const core = await openCore(dataDir, { pdfPrinter: printer.print, readonly: values['read-only'], url: values.url });
    try {
      switch (command) {
        case 'info': {
          const r = await core.service.invoke('app.info', {});
          if (!r.ok) throw new AppError(r.error.code, r.error.params);
          console.log(JSON.stringify(r.value, null, 2));
          return;
        }
        case 'backup':
          if (!values.out) throw new UsageError('backup needs --out FILE');
          return await backupCommand(core, values.out);
        case 'export':
          return await runExport(core.service, rest[0], values, core.downloadsDir);
        case 'import-plans': {
          if (!rest[0]) throw new UsageError('import-plans needs a FILE');
          const r = await core.service.invoke('plans.import', { text: readFileSync(resolve(rest[0]), 'utf8') });
          if (!r.ok) throw new AppError(r.error.code, r.error.params, r.error.issues);
          for (const p of r.value) console.log(`imported ${p.name} (version ${p.version})`);
          return;
        }
        case 'import-incidents': {
          if (!rest[0]) throw new UsageError('import-incidents needs a FILE');
          const progress = progressLine('imported');
          const r = await core.importIncidentsFrom(resolve(rest[0]), progress.update);
          progress.done();
          console.log(`imported ${r.count} incidents (file sha256 ${r.sha256})`);
          return;
        }
        case 'seed-demo': {
          const r = await core.service.invoke('app.seedDemo', {});
          if (!r.ok) {
            if (r.error.code === 'conflict')
              throw new CliFailure(`the duty room in ${dataDir} is not empty; seed-demo fills only a new one`);
            throw new AppError(r.error.code, r.error.params);
          }
          const v = r.value;
          console.log(
            `demo duty room ready in ${dataDir}: ${v.people} people (PIN ${v.pin}), ${v.incidents} incidents, ${v.reports} reports sent, ${v.handovers} handovers reviewed`,
          );
          if (v.dailyReport) {
            const out = join(dataDir, v.dailyReport.fileName);
            writeFileSync(out, Buffer.from(v.dailyReport.base64, 'base64'));
            console.log(`值班信息 written to ${out}`);
          }
          return;
        }
      }
    } finally {
      await core.close();
      await printer.close();
    }
  });
}

const argv = process.argv.slice(2);
const where = { dir: '' };
run(argv, where).catch((e: unknown) => {
  process.exitCode = report(e, { debug: argv.includes('--debug'), dataDir: where.dir || defaultDataDir() });
});
