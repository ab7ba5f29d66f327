// The hosts' own one-line messages (CLI, web host console, the app's start-up dialog) use the same words
// the renderer shows: its locale files, bundled statically.
import zhBase from '../../renderer/src/i18n/zh-CN.json';
import enBase from '../../renderer/src/i18n/en.json';
import zhRoster from '../../renderer/src/features/roster/locales/zh-CN.json';
import enRoster from '../../renderer/src/features/roster/locales/en.json';
import zhHandover from '../../renderer/src/features/handover/locales/zh-CN.json';
import enHandover from '../../renderer/src/features/handover/locales/en.json';
import zhPlans from '../../renderer/src/features/plans/locales/zh-CN.json';
import enPlans from '../../renderer/src/features/plans/locales/en.json';
import zhIncidents from '../../renderer/src/features/incidents/locales/zh-CN.json';
import enIncidents from '../../renderer/src/features/incidents/locales/en.json';
import zhDocuments from '../../renderer/src/features/documents/locales/zh-CN.json';
import enDocuments from '../../renderer/src/features/documents/locales/en.json';
import type { Language } from './contract/settings';
import { AppError } from './contract/errors';
import { fromSqliteError } from './db/sqlite-errors';

type Tree = { [k: string]: string | Tree };
const ERRORS: Record<Language, Tree[]> = {
  'zh-CN': [zhBase, zhRoster, zhHandover, zhPlans, zhIncidents, zhDocuments].map(
    (t) => (t as { errors?: Tree }).errors ?? {},
  ),
  en: [enBase, enRoster, enHandover, enPlans, enIncidents, enDocuments].map(
    (t) => (t as { errors?: Tree }).errors ?? {},
  ),
};

/** The language of host messages: DUTY_ROOM_LANG, else the system's LANG; English unless it says Chinese. */
export function hostLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const l = env.DUTY_ROOM_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^zh/i.test(l) ? 'zh-CN' : 'en';
}

function lookup(tree: Tree, path: string[]): string | null {
  let node: string | Tree | undefined = tree;
  for (const k of path) node = typeof node === 'object' ? node[k] : undefined;
  return typeof node === 'string' ? node : null;
}

/** The translated text of an error code, its {{params}} filled in. */
export function errorText(code: string, params: Record<string, unknown> | undefined, lang: Language): string {
  const path = code.split('.');
  const template =
    ERRORS[lang].map((t) => lookup(t, path)).find((s) => s !== null) ?? lookup(ERRORS[lang][0]!, ['internal'])!;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ''));
}

const RECOVERY: Record<Language, (data: string) => string> = {
  'zh-CN': (data) =>
    [
      '可以这样处理：',
      `  从备份恢复：duty-room restore <备份文件> --data "${data}"（duty-room backups --data "${data}" 列出可用的备份）`,
      `  只读打开查看：npm run web -- --data "${data}" --read-only`,
      `  导出仍可读取的内容：duty-room salvage --data "${data}" --out <文件夹>`,
    ].join('\n'),
  en: (data) =>
    [
      'What you can do:',
      `  restore a backup: duty-room restore <backup file> --data "${data}" (duty-room backups --data "${data}" lists them)`,
      `  open it read-only: npm run web -- --data "${data}" --read-only`,
      `  export what is readable: duty-room salvage --data "${data}" --out <folder>`,
    ].join('\n'),
};

/** The ways out when the database cannot be opened, for a console or a dialog. */
export function recoveryText(dataDir: string, lang: Language): string {
  return RECOVERY[lang](dataDir);
}

/** Codes that mean "this database file cannot be used as it is": the recovery screen's cases. */
export const NEEDS_RECOVERY = new Set([
  'db.empty',
  'db.not_sqlite',
  'db.foreign',
  'db.damaged',
  'db.missing',
  'db.integrity',
  'audit.broken',
]);

export interface FailureText {
  /** The error code, or null for an error that is not one of ours. */
  code: string | null;
  /** One translated line, ending with the code in brackets. */
  line: string;
  /** The ways out, when the database cannot be used as it is. */
  recovery: string | null;
}

/** Any failure as one line a person can act on (an AppError or an SQLite error translated; anything else named). */
export function describeFailure(e: unknown, dataDir: string, lang: Language = hostLanguage()): FailureText {
  const app = e instanceof AppError ? e : fromSqliteError(e);
  const prefix = lang === 'zh-CN' ? '错误：' : 'error: ';
  if (!app) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { code: null, line: `${prefix}${errorText('internal', undefined, lang)} (${detail})`, recovery: null };
  }
  return {
    code: app.code,
    line: `${prefix}${errorText(app.code, app.params, lang)} [${app.code}]`,
    recovery: NEEDS_RECOVERY.has(app.code) ? recoveryText(dataDir, lang) : null,
  };
}
