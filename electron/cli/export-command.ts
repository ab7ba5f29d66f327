import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { parseCommonArgs } from '../core/args';
import { AppError, type ApiResult, type ExportedFile, type PreparedFile } from '../core/contract';
import { downloadPath } from '../core/data-dir';
import type { ApiService } from '../core/contract/service';
import { fromLocalDateTime } from '../core/domain';
import { progressLine } from './progress';

type Values = ReturnType<typeof parseCommonArgs>['values'];

export const EXPORT_USAGE = `  export daily   --date YYYY-MM-DD (the duty shift starting that day) | --day YYYY-MM-DD (calendar day)
                 | --from "YYYY-MM-DD HH:mm" --to "…"  --out FILE.docx|.pdf  [--preview]
  export special --report ID  --out FILE.docx|.pdf  [--preview]
                 (daily and special issue the document, or write the stored file of an issued one;
                  --preview writes a draft marked 样稿 and never issues)
  export log     --from YYYY-MM-DD --to YYYY-MM-DD  --out FILE.xlsx|.csv
  export roster  --month YYYY-MM  --out FILE.xlsx|.docx`;

import { UsageError } from './failure';
export { UsageError };

/** The format is --format, or the --out file's extension. */
function formatOf<F extends string>(values: Values, allowed: readonly F[]): F {
  const f = (values.format ?? extname(values.out ?? '').slice(1)).toLowerCase();
  const known = allowed.find((a) => a === f);
  if (!known) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return known;
}

/** A shift boundary on the command line: local wall-clock time in the duty room's zone, or ISO-8601. */
function instant(text: string, tz: string): string {
  const local = fromLocalDateTime(text, tz);
  if (local) return local;
  if (!Number.isNaN(Date.parse(text)) && /T.*(Z|[+-]\d\d:?\d\d)$/.test(text)) return new Date(text).toISOString();
  throw new UsageError(`not a time: ${text}`);
}

/** Parses the command line into one typed export call (format checked by the contract's schema too). */
function request(
  service: ApiService,
  kind: string,
  values: Values,
  tz: string,
): Promise<ApiResult<ExportedFile | PreparedFile>> {
  switch (kind) {
    case 'daily': {
      const format = formatOf(values, ['docx', 'pdf']);
      const preview = values.preview === true;
      const given = [values.date, values.day, values.from ?? values.to].filter((v) => v !== undefined).length;
      if (given !== 1) throw new UsageError('export daily needs one of --date, --day, or --from and --to');
      if (values.date) return service.invoke('exports.dailyReport', { period: { date: values.date }, format, preview });
      if (values.day) return service.invoke('exports.dailyReport', { period: { day: values.day }, format, preview });
      if (!values.from || !values.to) throw new UsageError('export daily needs --from and --to together');
      const period = { from: instant(values.from, tz), to: instant(values.to, tz) };
      return service.invoke('exports.dailyReport', { period, format, preview });
    }
    case 'special': {
      if (!values.report || !/^\d+$/.test(values.report)) throw new UsageError('export special needs --report ID');
      const format = formatOf(values, ['docx', 'pdf']);
      const preview = values.preview === true;
      return service.invoke('exports.specialReport', { reportId: Number(values.report), format, preview });
    }
    case 'log': {
      if (!values.from || !values.to) throw new UsageError('export log needs --from and --to (YYYY-MM-DD)');
      const format = formatOf(values, ['xlsx', 'csv']);
      return service.invoke('exports.log', { from: values.from, to: values.to, format });
    }
    case 'roster': {
      if (!values.month) throw new UsageError('export roster needs --month YYYY-MM');
      const format = formatOf(values, ['xlsx', 'docx']);
      return service.invoke('exports.roster', { month: values.month, format });
    }
    default:
      throw new UsageError(`unknown export "${kind}"\n${EXPORT_USAGE}`);
  }
}

/** `duty-room export <kind> … --out FILE`: the same service method the UI calls, written to a file. */
export async function runExport(
  service: ApiService,
  kind: string | undefined,
  values: Values,
  downloadsDir: string,
): Promise<void> {
  if (!values.out) throw new UsageError(`export needs --out FILE\n${EXPORT_USAGE}`);
  const settings = await service.invoke('settings.get', {});
  if (!settings.ok) throw new AppError(settings.error.code, settings.error.params);
  // The export yields between pages, so app.progress is answered meanwhile: a progress line from it.
  const progress = progressLine('exporting');
  const timer = setInterval(() => {
    void service.invoke('app.progress', {}).then((p) => {
      const op = p.ok ? p.value[0] : undefined;
      if (op) progress.update(op.done, op.total);
    });
  }, 500);
  let r;
  try {
    r = await request(service, kind ?? '', values, settings.value.timeZone);
  } finally {
    clearInterval(timer);
    progress.done();
  }
  if (!r.ok)
    throw new AppError(
      r.error.code,
      r.error.params ?? (r.error.issues ? { issues: JSON.stringify(r.error.issues) } : undefined),
    );
  const out = resolve(values.out);
  const file = r.value;
  if ('download' in file) {
    // Written beside the database as it was produced: copied to --out, not read into memory.
    const prepared = downloadPath(downloadsDir, file.download)!;
    copyFileSync(prepared, out);
    rmSync(prepared, { force: true });
  } else writeFileSync(out, Buffer.from(file.base64, 'base64'));
  // Say whether this is an issued record (its register id) or a draft, so nobody sends a 样稿 by mistake.
  const issueId = 'issueId' in file ? file.issueId : null;
  const what = issueId ? `issued #${issueId}\n` : values.preview ? 'preview (not issued)\n' : '';
  console.log(`${out}\n${what}sha256 ${r.value.sha256}`);
}
