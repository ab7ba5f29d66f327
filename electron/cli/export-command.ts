import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { parseCommonArgs } from '../core/args';
import { AppError, type ExportedFile, type MethodName } from '../core/contract';
import { fromLocalDateTime } from '../core/domain';
import { setPdfPrinter } from '../core/documents/pdf-printer';
import type { Core } from '../core/open-core';
import { getSettings } from '../core/settings/settings-repo';
import { chromiumPdfPrinter } from '../web/chromium-pdf';
import { longOperations } from '../core/app/progress';
import { progressLine } from './progress';

type Values = ReturnType<typeof parseCommonArgs>['values'];

export const EXPORT_USAGE = `  export daily   --date YYYY-MM-DD | --from "YYYY-MM-DD HH:mm" --to "…"  --out FILE.docx|.pdf
  export special --report ID  --out FILE.docx|.pdf
  export log     --from YYYY-MM-DD --to YYYY-MM-DD  --out FILE.xlsx|.csv
  export roster  --month YYYY-MM  --out FILE.xlsx|.docx`;

export class UsageError extends Error {}

/** The format is --format, or the --out file's extension. */
function formatOf(values: Values, allowed: readonly string[]): string {
  const f = (values.format ?? extname(values.out ?? '').slice(1)).toLowerCase();
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

/** A shift boundary on the command line: local wall-clock time in the duty room's zone, or ISO-8601. */
function instant(text: string, tz: string): string {
  const local = fromLocalDateTime(text, tz);
  if (local) return local;
  if (!Number.isNaN(Date.parse(text)) && /T.*(Z|[+-]\d\d:?\d\d)$/.test(text)) return new Date(text).toISOString();
  throw new UsageError(`not a time: ${text}`);
}

function request(kind: string, values: Values, tz: string): [MethodName, unknown] {
  switch (kind) {
    case 'daily': {
      const format = formatOf(values, ['docx', 'pdf']);
      if (values.date) return ['exports.dailyReport', { period: { date: values.date }, format }];
      if (!values.from || !values.to) throw new UsageError('export daily needs --date, or --from and --to');
      return [
        'exports.dailyReport',
        { period: { from: instant(values.from, tz), to: instant(values.to, tz) }, format },
      ];
    }
    case 'special':
      if (!values.report || !/^\d+$/.test(values.report)) throw new UsageError('export special needs --report ID');
      return ['exports.specialReport', { reportId: Number(values.report), format: formatOf(values, ['docx', 'pdf']) }];
    case 'log':
      if (!values.from || !values.to) throw new UsageError('export log needs --from and --to (YYYY-MM-DD)');
      return ['exports.log', { from: values.from, to: values.to, format: formatOf(values, ['xlsx', 'csv']) }];
    case 'roster':
      if (!values.month) throw new UsageError('export roster needs --month YYYY-MM');
      return ['exports.roster', { month: values.month, format: formatOf(values, ['xlsx', 'docx']) }];
    default:
      throw new UsageError(`unknown export "${kind}"\n${EXPORT_USAGE}`);
  }
}

/** `duty-room export <kind> … --out FILE`: the same service method the UI calls, written to a file. */
export async function runExport(core: Core, kind: string | undefined, values: Values): Promise<void> {
  if (!values.out) throw new UsageError(`export needs --out FILE\n${EXPORT_USAGE}`);
  const [method, input] = request(kind ?? '', values, getSettings(core.service.ctx).timeZone);
  const printer = (input as { format?: string }).format === 'pdf' ? await chromiumPdfPrinter() : null;
  if (printer) setPdfPrinter(printer.print);
  // The export yields between pages, so a timer can report how far it has got.
  const progress = progressLine('exporting');
  const timer = setInterval(() => {
    const op = longOperations(core.service.ctx)[0];
    if (op) progress.update(op.done, op.total);
  }, 500);
  try {
    const r = await core.service.invoke(method, input);
    clearInterval(timer);
    progress.done();
    if (!r.ok)
      throw new AppError(
        r.error.code,
        r.error.params ?? (r.error.issues ? { issues: JSON.stringify(r.error.issues) } : undefined),
      );
    const file = r.value as ExportedFile;
    const out = resolve(values.out);
    writeFileSync(out, Buffer.from(file.base64, 'base64'));
    console.log(`${out}\nsha256 ${file.sha256}`);
  } finally {
    clearInterval(timer);
    await printer?.close();
  }
}
