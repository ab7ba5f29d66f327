import { ZodError } from 'zod';
import { AppError, contract, isMethodName, type ApiResult, type MethodName } from './contract';
import type { ApiService } from './contract/service';
import type { ChangeEvent, ConnectionStatus, SeatEvents } from './contract/changes';
import { toFieldIssues } from './contract/zod-issues';
import { fromSqliteError } from './db/sqlite-errors';
import { createContext, type CoreContext } from './context';
import type { Clock } from './db/clock';
import type { Sql } from './db/sql-port';
import type { HandlerMap } from './handlers';
import type { CoreWiring } from './wiring';
import { appHandlers } from './app/handlers';
import { incidentHandlers } from './incidents/handlers';
import { rosterHandlers } from './roster/handlers';
import { handoverHandlers } from './handover/handlers';
import { planHandlers } from './plans/handlers';
import { documentHandlers } from './documents/handlers';
import { seedDemo } from './demo/seed-demo';
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

/** The service as the composition root (and the core's own tests) hold it: the API plus its context. */
export interface Service extends ApiService, SeatEvents {
  ctx: CoreContext;
  /** Committed changes of the record, this seat's and (on PostgreSQL) other seats'; returns the unsubscribe. */
  onChange(listener: (c: ChangeEvent) => void): () => void;
  /** The link to a shared database (always `ok` on SQLite); followed while anything is subscribed. */
  connection(): ConnectionStatus;
}

export interface ServiceDeps {
  sql: Sql;
  clock: Clock;
  appVersion: string;
  dataFile: string;
  /** Cross-feature adapters and the host's PDF printer: the one place features are wired together. */
  wiring: CoreWiring;
  log?: (msg: string, err: unknown) => void;
}

export async function createService(deps: ServiceDeps): Promise<Service> {
  const ctx = createContext(deps);
  // The demo seeds through a second service over the same database with its own moving clock.
  const local: Partial<HandlerMap<MethodName>> = {
    'app.seedDemo': () => seedDemo((clock) => createService({ ...deps, clock }), ctx.clock.now()),
  };
  // A record upgraded from before the open-deadline table gets it filled before the first answer.
  if (!deps.sql.readonly) await ensureOpenDeadlines(ctx);
  const invokeRaw = async (method: string, rawInput: unknown): Promise<ApiResult<unknown>> => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', params: { method } } };
    try {
      const input = contract[method].input.parse(rawInput ?? {});
      const handler = (local[method] ?? handlers[method]) as (i: unknown, c: CoreContext) => unknown;
      return { ok: true, value: await handler(input, ctx) };
    } catch (e) {
      return { ok: false, error: toApiError(e, deps.log) };
    }
  };
  const feed = ctx.changes;
  return {
    ctx,
    invokeRaw,
    onChange: (listener) => feed.onChange(listener),
    connection: () => feed.connection(),
    subscribe: (listener) => feed.subscribe(listener),
    current: () => feed.current(),
    // The same path as a transport's call: the input is still parsed, so a host's typed call gets the
    // schema's defaults and refinements exactly as the UI's does.
    invoke: (method, input) => invokeRaw(method, input) as never,
  };
}

export function toApiError(e: unknown, log?: (msg: string, err: unknown) => void) {
  if (e instanceof AppError) return e.toJSON();
  if (e instanceof ZodError) return { code: 'validation' as const, issues: toFieldIssues(e) };
  const db = fromSqliteError(e);
  if (db) return db.toJSON();
  // Date and number maths on input at the edge of the representable (year 9999 plus a day, an
  // Invalid Date) throws RangeError: the input is out of range, not the app broken. Logged anyway.
  if (e instanceof RangeError) {
    (log ?? console.error)('input out of range', e);
    return { code: 'validation' as const, params: { reason: 'out_of_range' }, issues: [] };
  }
  (log ?? console.error)('internal error', e);
  return { code: 'internal' as const };
}
