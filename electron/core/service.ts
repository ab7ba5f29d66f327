import type Database from 'better-sqlite3';
import { ZodError } from 'zod';
import { AppError, contract, isMethodName, type ApiResult, type MethodName } from './contract';
import { toFieldIssues } from './contract/zod-issues';
import { createContext, type CoreContext } from './context';
import type { Clock } from './db/clock';
import type { HandlerMap } from './handlers';
import { appHandlers } from './app/handlers';
import { incidentHandlers } from './incidents/handlers';
import { rosterHandlers } from './roster/handlers';
import { handoverHandlers } from './handover/handlers';
import { planHandlers } from './plans/handlers';
import { documentHandlers } from './documents/handlers';
import { ensureOpenDeadlines } from './incidents/open-deadlines';

/** Every method of the contract, from the features' handler maps. */
const handlers: HandlerMap<MethodName> = {
  ...appHandlers,
  ...incidentHandlers,
  ...rosterHandlers,
  ...handoverHandlers,
  ...planHandlers,
  ...documentHandlers,
};

export interface Service {
  /** Parses `rawInput` with the method's schema, runs it, and never throws: errors come back as codes. */
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  ctx: CoreContext;
}

export function createService(opts: {
  db: Database.Database;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  log?: (msg: string, err: unknown) => void;
}): Service {
  const ctx = createContext(opts);
  if (!opts.db.readonly) ensureOpenDeadlines(ctx);
  return {
    ctx,
    async invoke(method, rawInput) {
      if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', params: { method } } };
      try {
        const input = contract[method].input.parse(rawInput ?? {});
        const handler = handlers[method] as (i: unknown, c: CoreContext) => unknown;
        return { ok: true, value: await handler(input, ctx) };
      } catch (e) {
        return { ok: false, error: toApiError(e, opts.log) };
      }
    },
  };
}

export function toApiError(e: unknown, log?: (msg: string, err: unknown) => void) {
  if (e instanceof AppError) return e.toJSON();
  if (e instanceof ZodError) return { code: 'validation' as const, issues: toFieldIssues(e) };
  (log ?? console.error)('internal error', e);
  return { code: 'internal' as const };
}
