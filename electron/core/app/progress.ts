import type { LongOperation } from '../contract/app';
import type { CoreContext } from '../context';

/**
 * Long operations (big exports, verify) in progress, per open database. They run in slices that yield
 * to the event loop, so `app.progress` is answered while they run: the UI shows a bar from it, and the
 * CLI prints a progress line from the same numbers.
 */
const running = new WeakMap<CoreContext['sql'], Map<number, LongOperation>>();
let nextId = 1;

export function startOperation(ctx: CoreContext, kind: string, total: number) {
  const ops = running.get(ctx.sql) ?? new Map<number, LongOperation>();
  running.set(ctx.sql, ops);
  const op: LongOperation = { id: nextId++, kind, done: 0, total, startedAt: ctx.clock.now().toISOString() };
  ops.set(op.id, op);
  return {
    update(done: number) {
      op.done = Math.min(done, op.total);
    },
    /** For work whose total is known only phase by phase (verify: the chain, then each table's rows). */
    progress(done: number, total: number) {
      op.total = total;
      op.done = Math.min(done, total);
    },
    end() {
      ops.delete(op.id);
    },
  };
}

export function longOperations(ctx: CoreContext): LongOperation[] {
  return [...(running.get(ctx.sql)?.values() ?? [])].map((op) => ({ ...op }));
}

/** Lets queued requests run between slices of a long operation. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
