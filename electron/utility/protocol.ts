import type { ApiResult } from '../core/contract';
import type { ApiService } from '../core/contract/service';
import type { SeatEvent, SeatEvents } from '../core/contract/changes';

/**
 * The messages between Electron's main process and the utility process that runs the core. Plain
 * Node (no electron import), so it is unit-tested with a fake port; each side wires it to its port in
 * a few lines (main: `child.postMessage` / `child.on('message')`; utility: `process.parentPort`).
 *
 * Either side may ask the other: a request carries an id, its response carries the same id.
 */
export type Message =
  | { type: 'request'; id: number; op: string; payload: unknown }
  | { type: 'response'; id: number; ok: true; value: unknown }
  | { type: 'response'; id: number; ok: false; error: string };

/** What main asks the core process. */
export interface CoreOps {
  /** Opens the data folder (host lock, daily backups); fails with the reason a person can act on. */
  open(p: { dataDir: string }): { dataFile: string; seat: SeatEvent };
  /** One API call, exactly as it came from the renderer: the core parses it with the contract. */
  invoke(p: { method: string; input: unknown }): ApiResult<unknown>;
  /** Closes the database cleanly; the process exits right after answering. */
  close(p: Record<string, never>): { closed: true };
}

/** What the core process asks (or tells) main: only main has a browser engine to print with, and the windows. */
export interface HostOps {
  print(p: { html: string }): Uint8Array;
  /** A seat event for the windows (what changed, the shared database's link). */
  seatEvent(p: SeatEvent): { heard: true };
}

type Handlers<Ops> = { [K in keyof Ops]: Ops[K] extends (p: infer P) => infer R ? (p: P) => R | Promise<R> : never };
type Param<F> = F extends (p: infer P) => unknown ? P : never;
type Return<F> = F extends (...a: never[]) => infer R ? R : never;

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as Message).id === 'number' && 'type' in m;
}

/** One side of the conversation: answers the other side's requests with `handlers`, sends its own. */
export class Endpoint<Remote, Local> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private closedBecause: string | null = null;

  constructor(
    private readonly send: (m: Message) => void,
    private readonly handlers: Handlers<Local>,
  ) {}

  request<K extends keyof Remote & string>(op: K, payload: Param<Remote[K]>): Promise<Return<Remote[K]>> {
    if (this.closedBecause !== null) return Promise.reject(new Error(this.closedBecause));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ type: 'request', id, op, payload });
    });
  }

  /** Feed every message that arrives on the port here. Anything that is not a message is ignored. */
  receive(m: unknown): void {
    if (!isMessage(m)) return;
    if (m.type === 'response') {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!waiting) return;
      if (m.ok) waiting.resolve(m.value);
      else waiting.reject(new Error(m.error));
      return;
    }
    void this.answer(m.id, m.op, m.payload);
  }

  private async answer(id: number, op: string, payload: unknown): Promise<void> {
    const handler = Object.prototype.hasOwnProperty.call(this.handlers, op)
      ? (this.handlers as Record<string, (p: unknown) => unknown>)[op]
      : undefined;
    try {
      if (!handler) throw new Error(`unknown request "${op}"`);
      this.send({ type: 'response', id, ok: true, value: await handler(payload) });
    } catch (e) {
      this.send({ type: 'response', id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The other side is gone (its process exited): every call waiting on it fails now, and later ones too. */
  close(reason: string): void {
    this.closedBecause = reason;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}

/**
 * The API as main holds it: every call goes to the core process. It never throws, like the in-process
 * service: a core process that is gone answers `internal`.
 */
export function remoteService(core: Endpoint<CoreOps, HostOps>, log: (msg: string, e: unknown) => void): ApiService {
  const invokeRaw = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      return await core.request('invoke', { method, input });
    } catch (e) {
      log('core process did not answer', e);
      return { ok: false, error: { code: 'internal' } };
    }
  };
  return { invokeRaw, invoke: (method, input) => invokeRaw(method, input) as never };
}

/**
 * Main's side of the core's seat events: handed on to whoever listens (the windows), and the last
 * connection state kept for a page that loads later and asks.
 */
export function seatRelay(): { take(e: SeatEvent): void; events: SeatEvents } {
  let state: SeatEvent = { type: 'connection', shared: false, state: 'ok', since: new Date().toISOString() };
  const listeners = new Set<(e: SeatEvent) => void>();
  return {
    take(e) {
      if (e.type === 'connection') state = e;
      for (const l of [...listeners]) l(e);
    },
    events: {
      subscribe(l) {
        listeners.add(l);
        return () => void listeners.delete(l);
      },
      current: () => state,
    },
  };
}
