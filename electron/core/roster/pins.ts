import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../contract/errors';
import type { CoreContext } from '../context';
import { getPerson } from './people-repo';

/** New PINs: at least six digits (a million guesses, with the delays below: years). */
export const MIN_NEW_PIN = 6;
/** Wrong tries allowed without waiting; then each waits twice as long; LOCK_AFTER locks the PIN a while. */
const FREE_TRIES = 3;
const LOCK_AFTER = 10;
const LOCK_MS = 30 * 60_000;

interface Attempts {
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

/**
 * PINs set under the six-digit rule are hashed as `scrypt6$…`; older ones (`scrypt$…`, 4–8 digits) keep
 * working and are flagged until changed — the hash cannot tell their length, the prefix tells the rule.
 */
const RULE_PREFIX = 'scrypt6';

function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${RULE_PREFIX}$${salt.toString('hex')}$${scryptSync(pin, salt, 32).toString('hex')}`;
}

function matches(pinHash: string, pin: string): boolean {
  const [, saltHex, hashHex] = pinHash.split('$') as [string, string, string];
  const expected = Buffer.from(hashHex ?? '', 'hex');
  if (expected.length === 0) return false;
  const actual = scryptSync(pin, Buffer.from(saltHex ?? '', 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** Seconds to wait before the next try after `failures` wrong ones in a row. */
export function pinDelaySeconds(failures: number): number {
  return failures < FREE_TRIES ? 0 : 2 ** (failures - FREE_TRIES + 1);
}

/**
 * True when the person has no PIN, or `pin` matches it. Wrong tries are recorded (audited, in their own
 * transaction — call this outside any other) and make the next try wait, then lock the PIN for a while.
 * A PIN row missing although the chain last recorded one means it was deleted behind the app: refused.
 */
export async function checkPin(ctx: CoreContext, personId: number, pin: string | undefined): Promise<boolean> {
  const row = (await ctx.sql.get('SELECT pin_hash FROM person_pins WHERE person_id = ?', [personId])) as
    { pin_hash: string } | undefined;
  if (!row) {
    const last = (await ctx.sql.value(
      `SELECT ${ctx.sql.dialect.jsonType('payload', '$.row')} FROM audit_log
         WHERE ref_table = 'person_pins' AND ref_id = ? AND ${ctx.sql.dialect.jsonType('payload', '$.row')} IS NOT NULL
         ORDER BY id DESC LIMIT 1`,
      [String(personId)],
    )) as string | undefined;
    if (last === 'object') throw new AppError('operator.pin_tampered', { name: (await getPerson(ctx, personId)).name });
    return false;
  }
  if (!pin) throw new AppError('operator.pin_required', undefined, [{ path: 'pin', code: 'pin_required' }]);
  const now = ctx.clock.now();
  const a = (await ctx.sql.get('SELECT * FROM pin_attempts WHERE person_id = ?', [personId])) as Attempts | undefined;
  if (a) {
    const until = a.locked_until
      ? Date.parse(a.locked_until)
      : Date.parse(a.last_failed_at) + pinDelaySeconds(a.failures) * 1000;
    if (now.getTime() < until) {
      const seconds = Math.ceil((until - now.getTime()) / 1000);
      throw new AppError('operator.pin_locked', { seconds }, [
        { path: 'pin', code: 'pin_locked', params: { seconds } },
      ]);
    }
  }
  if (!matches(row.pin_hash, pin)) {
    const failures = (a?.failures ?? 0) + 1;
    const lockedUntil = failures % LOCK_AFTER === 0 ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
    await ctx.tx(async (ctx) => {
      await ctx.sql.run(
        `INSERT INTO pin_attempts (person_id, failures, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
           ON CONFLICT(person_id) DO UPDATE SET failures = excluded.failures,
             last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
        [personId, failures, now.toISOString(), lockedUntil],
      );
      await ctx.audit.appendRow(await ctx.actor(), 'people.pin_failed', 'pin_attempts', personId);
    });
    const wait = lockedUntil ? LOCK_MS / 1000 : pinDelaySeconds(failures);
    throw new AppError('operator.bad_pin', { seconds: wait }, [{ path: 'pin', code: 'bad_pin' }]);
  }
  if (!row.pin_hash.startsWith(RULE_PREFIX + '$') && pin.length >= MIN_NEW_PIN) {
    // An old-rule PIN that turns out long enough: re-hashed under the rule, no longer flagged.
    await ctx.tx(async (ctx) => {
      await ctx.sql.run('UPDATE person_pins SET pin_hash = ? WHERE person_id = ?', [hashPin(pin), personId]);
      await ctx.audit.appendRow(await ctx.actor(), 'people.pin_long_enough', 'person_pins', personId);
    });
  }
  if (a && a.failures > 0) {
    await ctx.tx(async (ctx) => {
      await ctx.sql.run('DELETE FROM pin_attempts WHERE person_id = ?', [personId]);
      await ctx.audit.append({
        actor: await ctx.actor(),
        kind: 'people.pin_ok',
        refTable: 'pin_attempts',
        refId: personId,
        payload: { row: null, failuresBefore: a.failures },
      });
    });
  }
  return true;
}

export interface PinChange {
  pin: string | null;
  /** The person's own current PIN. */
  currentPin?: string;
  /** Or a leader's reset: the leader's id and their own PIN. */
  resetBy?: { personId: number; pin: string };
}

/**
 * Sets or clears a PIN. Changing an existing one needs it — or a leader (not the person), proving
 * themselves with their own PIN; the reset is recorded with the leader's name.
 */
export async function setPin(ctx: CoreContext, id: number, change: PinChange): Promise<void> {
  const person = await getPerson(ctx, id);
  const has = (await ctx.sql.get('SELECT 1 FROM person_pins WHERE person_id = ?', [id])) !== undefined;
  let by: string | null = null;
  if (has && change.resetBy) {
    const leader = await getPerson(ctx, change.resetBy.personId);
    if (leader.id === id || !leader.roles.includes('leader'))
      throw new AppError('operator.pin_reset_denied', { name: leader.name });
    // The leader's own PIN is the proof: a leader without one cannot reset anyone's.
    if (!(await checkPin(ctx, leader.id, change.resetBy.pin)))
      throw new AppError('operator.pin_reset_denied', { name: leader.name });
    by = leader.name;
  } else if (has) {
    await checkPin(ctx, id, change.currentPin);
  }
  if (change.pin !== null && change.pin.length < MIN_NEW_PIN)
    throw new AppError('operator.pin_too_short', { min: MIN_NEW_PIN }, [
      { path: 'pin', code: 'pin_too_short', params: { min: MIN_NEW_PIN } },
    ]);
  await ctx.tx(async (ctx) => {
    await ctx.sql.run('DELETE FROM person_pins WHERE person_id = ?', [id]);
    const kind = by ? 'people.pin_reset' : change.pin ? 'people.pin_set' : 'people.pin_cleared';
    const extra = { personId: id, name: person.name, ...(by ? { by } : {}) };
    if (change.pin) {
      await ctx.sql.run('INSERT INTO person_pins (person_id, pin_hash) VALUES (?, ?)', [id, hashPin(change.pin)]);
      await ctx.audit.appendRow(by ?? (await ctx.actor()), kind, 'person_pins', id, extra);
    } else {
      await ctx.audit.append({
        actor: by ?? (await ctx.actor()),
        kind,
        refTable: 'person_pins',
        refId: id,
        payload: { ...extra, row: null },
      });
    }
    // A new PIN starts with a clean slate of tries.
    if ((await ctx.sql.run('DELETE FROM pin_attempts WHERE person_id = ?', [id])).changes > 0) {
      await ctx.audit.append({
        actor: by ?? (await ctx.actor()),
        kind: 'people.pin_attempts_cleared',
        refTable: 'pin_attempts',
        refId: id,
        payload: { row: null },
      });
    }
  });
}
