import { AppError } from '../core/contract/errors';
import { describeFailure, hostLanguage, isBusy } from '../core/open-core';

/** The CLI's exit codes (README "CLI exit codes"): scripts can tell a refusal from a damaged database. */
export const EXIT = {
  ok: 0,
  /** The operation was refused (invalid input, a rule, a bad backup): nothing changed. */
  failed: 1,
  /** Wrong command line. */
  usage: 2,
  /** verify found the record altered or damaged. */
  verifyFailed: 3,
  /** The database cannot be opened as it is (empty, foreign, damaged, chain broken): recovery needed. */
  cannotOpen: 4,
  /** The database stayed locked by another writer through every retry. */
  busy: 5,
  /** A bug: run again with --debug for the stack. */
  internal: 70,
} as const;

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

/** A check of something other than the live database failed (a backup to restore): refused, exit 1. */
export class Refused extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export class UsageError extends CliFailure {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** One translated line (plus the ways out, for a database that cannot be opened); the stack only with --debug. */
export function report(e: unknown, opts: { debug: boolean; dataDir: string }): number {
  let code: number;
  if (e instanceof CliFailure) {
    console.error(`${hostLanguage() === 'zh-CN' ? '错误：' : 'error: '}${e.message}`);
    code = e.exitCode;
  } else {
    const refused = e instanceof Refused;
    const f = describeFailure(refused ? e.error : e, opts.dataDir);
    console.error(f.line);
    const issues = (refused ? e.error : e instanceof AppError ? e : null)?.issues ?? [];
    for (const i of issues) console.error(`  ${i.path}: ${i.code}`);
    if (f.recovery && !refused) console.error(f.recovery);
    code =
      f.code === null
        ? EXIT.internal
        : f.code === 'db.busy'
          ? EXIT.busy
          : f.recovery && !refused
            ? EXIT.cannotOpen
            : EXIT.failed;
  }
  if (opts.debug && e instanceof Error) console.error(e.stack);
  return code;
}

/** Retries a command the database is too busy for, politely: a few times, waiting longer each time. */
export async function withRetry<T>(fn: () => Promise<T>, tries = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const busy = isBusy(e) || (e instanceof AppError && e.code === 'db.busy');
      if (!busy || attempt >= tries) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}
