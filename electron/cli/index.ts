import { parseCommonArgs } from '../core/args';
import { AppError, type VerifyResult } from '../core/contract';
import { defaultDataDir, openCore, restoreCore } from '../core/open-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lazyChromiumPdfPrinter } from '../web/chromium-pdf';
import { EXPORT_USAGE, runExport } from './export-command';
import { progressLine } from './progress';

const USAGE = `duty-room <command> [--data DIR]
  info                    schema version, data file, audit head
  verify                  recompute the audit chain and compare every audited row
  backup --out FILE       online backup of the database
  restore FILE            replace the database with FILE after integrity and chain checks
  import-plans FILE       import emergency plans from a JSON export (errors name line and field)
  import-incidents FILE   import incidents, one JSON object per line (incidents.create's fields), in one
                          transaction; a bad line refuses the whole file, naming line and field
${EXPORT_USAGE}`;

class CliFailure extends Error {}

function describeProblem(v: VerifyResult): string {
  const p = v.firstProblem;
  if (!p) return 'ok';
  const where = p.table ? ` (${p.table} row ${p.rowId})` : '';
  return p.entryId != null ? `entry #${p.entryId}: ${p.kind}${where}` : `${p.kind}${where}`;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommonArgs(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const dataDir = resolve(values.data ?? defaultDataDir());

  if (command === 'restore') {
    const file = rest[0];
    if (!file) throw new CliFailure('restore needs a FILE');
    const result = restoreCore(dataDir, resolve(file));
    console.log(`restored ${file} (${result.check.verify.entries} audit entries verified)`);
    if (result.keptPrevious) console.log(`previous database kept as ${result.keptPrevious}`);
    return;
  }

  // Chromium is looked for only if an export asks for a PDF.
  const printer = lazyChromiumPdfPrinter();
  const core = openCore(dataDir, { pdfPrinter: printer.print });
  try {
    switch (command) {
      case 'info': {
        const r = await core.service.invoke('app.info', {});
        if (!r.ok) throw new AppError(r.error.code, r.error.params);
        console.log(JSON.stringify(r.value, null, 2));
        return;
      }
      case 'verify': {
        const r = await core.service.invoke('audit.verify', {});
        if (!r.ok) throw new AppError(r.error.code, r.error.params);
        const v = r.value;
        if (!v.ok) throw new CliFailure(`audit chain broken at ${describeProblem(v)} (${v.problems} problem(s))`);
        console.log(`ok: ${v.entries} entries, head #${v.head?.id} ${v.head?.hash}`);
        return;
      }
      case 'backup': {
        if (!values.out) throw new CliFailure('backup needs --out FILE');
        await core.backupTo(resolve(values.out));
        console.log(`backup written to ${resolve(values.out)}`);
        return;
      }
      case 'export':
        await runExport(core.service, rest[0], values);
        return;
      case 'import-plans': {
        if (!rest[0]) throw new CliFailure('import-plans needs a FILE');
        const r = await core.service.invoke('plans.import', { text: readFileSync(resolve(rest[0]), 'utf8') });
        if (!r.ok) {
          const issues = (r.error.issues ?? []).map((i) => `  ${i.path}: ${i.code}`).join('\n');
          throw new CliFailure(
            `${r.error.code}${r.error.params ? ' ' + JSON.stringify(r.error.params) : ''}${issues ? '\n' + issues : ''}`,
          );
        }
        for (const p of r.value) console.log(`imported ${p.name} (version ${p.version})`);
        return;
      }
      case 'import-incidents': {
        if (!rest[0]) throw new CliFailure('import-incidents needs a FILE');
        const progress = progressLine('imported');
        const r = core.importIncidentsFrom(resolve(rest[0]), progress.update);
        progress.done();
        console.log(`imported ${r.count} incidents (file sha256 ${r.sha256})`);
        return;
      }
      default:
        throw new CliFailure(`unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    core.close();
    await printer.close();
  }
}

run(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(`error: ${e.code}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    for (const i of e.issues ?? []) console.error(`  line ${i.params?.line ?? '?'}: ${i.path || '—'}: ${i.code}`);
  } else if (e instanceof Error) console.error(`error: ${e.message}`);
  else console.error('error:', e);
  process.exit(1);
});
