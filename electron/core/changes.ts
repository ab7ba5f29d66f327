import { AuditLog, type PreparedEntry } from './audit/chain';
import type { AuditHead } from './contract/audit';
import type { ChangeEvent, ChangeTopic, ConnectionStatus, SeatEvent, SeatEvents } from './contract/changes';
import type { Sql } from './db/sql-port';
import { postgresListener } from './changes-postgres';
import { postgresClientConfig } from './db/sql-postgres';

/**
 * The change feed: what a committed transaction touched, told to every seat on the record. Every write
 * appends audit entries naming the table it recorded (see audit/chain), so the transaction's entries ARE
 * its change set — nothing per handler to keep in step. SQLite (one seat): the local commit feeds the
 * listeners. PostgreSQL: the transaction NOTIFYs (delivered on commit, to every seat, this one included)
 * and each seat's LISTEN connection feeds its listeners (changes-postgres.ts).
 */
const TOPIC_OF_TABLE: Readonly<Record<string, ChangeTopic>> = {
  incidents: 'incidents',
  incident_versions: 'incidents',
  calls: 'incidents',
  instructions: 'incidents',
  instruction_actions: 'incidents',
  reports: 'reports',
  daily_issues: 'reports',
  handovers: 'handovers',
  checklist_items: 'handovers',
  checklist_marks: 'handovers',
  roster_assignments: 'roster',
  roster_changes: 'roster',
  people: 'roster',
  person_pins: 'roster',
  pin_attempts: 'roster',
  operator_sessions: 'roster',
  plans: 'plans',
  plan_versions: 'plans',
  activations: 'plans',
  activation_events: 'plans',
  settings: 'settings',
  deadline_rule_sets: 'settings',
  issued_documents: 'documents',
  issued_files: 'documents',
  export_log: 'documents',
};
/** Entries without a row (an import, a backup): by the kind's first word. */
const TOPIC_OF_KIND: Readonly<Record<string, ChangeTopic>> = { incidents: 'incidents', people: 'roster' };

/** The areas a transaction's entries (their tables, or kinds) touched; `all` for anything unknown. */
export function topicsOf(touched: Iterable<string>): ChangeTopic[] {
  const topics = new Set<ChangeTopic>();
  for (const t of touched) topics.add(TOPIC_OF_TABLE[t] ?? TOPIC_OF_KIND[t.split('.')[0] ?? ''] ?? 'all');
  return topics.has('all') ? ['all'] : [...topics].sort();
}

/** The chain as a transaction appends to it, noting what each entry records. */
export class TouchingAuditLog extends AuditLog {
  readonly touched = new Set<string>();
  override appendPrepared(e: PreparedEntry): Promise<AuditHead> {
    this.touched.add(e.refTable ?? e.kind);
    return super.appendPrepared(e);
  }
}

/** Where a shared database's notifications come from: started with the first listener, stopped after the last. */
export interface FeedSource {
  start(feed: ChangeFeed): void;
  stop(): Promise<void>;
}

type Listener = (e: SeatEvent) => void;

/** One per record (per SQLite handle or PostgreSQL pool): every service over it shares the listeners. */
export class ChangeFeed implements SeatEvents {
  private readonly listeners = new Set<Listener>();
  private status: ConnectionStatus = { state: 'ok', since: new Date().toISOString() };
  private heard = false;
  private waiting: (() => void)[] = [];

  constructor(
    /** True on PostgreSQL: the header shows the link to the server. */
    readonly shared: boolean,
    private readonly source: FeedSource | null,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.source?.start(this);
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) {
        this.heard = false;
        void this.source?.stop();
      }
    };
  }

  /** Resolves once other seats' changes are heard: at once on SQLite, on PostgreSQL when the LISTEN is in place. */
  whenListening(): Promise<void> {
    if (!this.source || this.heard) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The source's LISTEN is in place (true) or gone (false). */
  listening(on: boolean): void {
    this.heard = on;
    if (on) for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Changes only (a core test, a host that needs no status). */
  onChange(listener: (c: ChangeEvent) => void): () => void {
    return this.subscribe((e) => e.type === 'change' && listener({ topics: e.topics }));
  }

  connection(): ConnectionStatus {
    return { ...this.status };
  }

  current(): SeatEvent {
    return { type: 'connection', shared: this.shared, ...this.status };
  }

  /** True when writes must be refused: the shared database was lost and not yet found again. */
  get lost(): boolean {
    return this.status.state === 'lost';
  }

  emit(topics: ChangeTopic[]): void {
    if (topics.length) this.send({ type: 'change', topics });
  }

  setConnection(state: ConnectionStatus['state']): void {
    if (state === this.status.state) return;
    this.status = { state, since: new Date().toISOString() };
    this.send(this.current());
  }

  private send(e: SeatEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // One failing subscriber (a closed stream) must not keep the others from hearing.
        console.error('change listener failed', err);
      }
    }
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

/** The feed of the record `sql` reaches (the same for a transaction's port and its pool's). */
export function changeFeedOf(sql: Sql): ChangeFeed {
  let feed = feeds.get(sql.origin);
  if (!feed) {
    const pg = postgresClientConfig(sql);
    feed = new ChangeFeed(sql.engine === 'postgres', pg ? postgresListener(pg) : null);
    feeds.set(sql.origin, feed);
  }
  return feed;
}
