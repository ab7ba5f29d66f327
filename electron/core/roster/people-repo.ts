import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../contract/errors';
import type { Person, PersonBrief, Role } from '../contract/roster';
import type { personSaveSchema } from '../contract/roster';
import type { z } from 'zod';
import type { CoreContext } from '../context';

interface PersonRow {
  id: number;
  name: string;
  unit: string;
  title: string;
  phones: string;
  roles: string;
  active: number;
  has_pin: number;
}

const SELECT = `SELECT p.*, (SELECT count(*) FROM person_pins WHERE person_id = p.id) AS has_pin FROM people p`;

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    unit: r.unit,
    title: r.title,
    phones: JSON.parse(r.phones) as string[],
    roles: JSON.parse(r.roles) as Role[],
    active: r.active === 1,
    hasPin: r.has_pin > 0,
  };
}

export function brief(p: Person): PersonBrief {
  return { id: p.id, name: p.name, title: p.title, phones: p.phones };
}

export function listPeople(ctx: CoreContext, includeInactive: boolean): Person[] {
  const where = includeInactive ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NULL AND active = 1';
  const rows = ctx.db.prepare(`${SELECT} ${where} ORDER BY active DESC, id`).all() as PersonRow[];
  return rows.map(toPerson);
}

export function findPerson(ctx: CoreContext, id: number): Person | null {
  const r = ctx.db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as PersonRow | undefined;
  return r ? toPerson(r) : null;
}

export function getPerson(ctx: CoreContext, id: number): Person {
  const p = findPerson(ctx, id);
  if (!p) throw new AppError('roster.person_not_found', { id });
  return p;
}

export function savePerson(ctx: CoreContext, input: z.output<typeof personSaveSchema>): Person {
  const now = ctx.clock.now().toISOString();
  const values = {
    name: input.name,
    unit: input.unit,
    title: input.title,
    phones: JSON.stringify(input.phones),
    roles: JSON.stringify([...new Set(input.roles)]),
    active: input.active ? 1 : 0,
    updated_at: now,
  };
  const id = ctx.tx(() => {
    let id = input.id;
    if (id) {
      getPerson(ctx, id);
      ctx.db
        .prepare(
          `UPDATE people SET name=@name, unit=@unit, title=@title, phones=@phones, roles=@roles,
             active=@active, updated_at=@updated_at WHERE id=@id`,
        )
        .run({ ...values, id });
    } else {
      id = Number(
        ctx.db
          .prepare(
            `INSERT INTO people (name, unit, title, phones, roles, active, updated_at)
             VALUES (@name, @unit, @title, @phones, @roles, @active, @updated_at)`,
          )
          .run(values).lastInsertRowid,
      );
    }
    ctx.audit.appendRow(ctx.actor(), input.id ? 'people.update' : 'people.create', 'people', id);
    return id;
  });
  return getPerson(ctx, id);
}

export function deactivatePerson(ctx: CoreContext, id: number): Person {
  getPerson(ctx, id);
  ctx.tx(() => {
    ctx.db.prepare('UPDATE people SET active = 0, updated_at = ? WHERE id = ?').run(ctx.clock.now().toISOString(), id);
    ctx.audit.appendRow(ctx.actor(), 'people.deactivate', 'people', id);
  });
  return getPerson(ctx, id);
}

/**
 * Removes a person from the lists. Refused while anything refers to them (a roster slot, a change, an
 * operator session): those records must keep their name, so the person is deactivated instead. The row
 * stays (marked deleted) so the audit chain still matches it.
 */
export function deletePerson(ctx: CoreContext, id: number): { deleted: true } {
  getPerson(ctx, id);
  const used = ctx.db
    .prepare(
      `SELECT (SELECT count(*) FROM roster_assignments WHERE person_id = @id)
            + (SELECT count(*) FROM roster_changes WHERE from_person_id = @id OR to_person_id = @id)
            + (SELECT count(*) FROM operator_sessions WHERE person_id = @id) AS n`,
    )
    .get({ id }) as { n: number };
  if (used.n > 0) throw new AppError('roster.person_rostered', { name: getPerson(ctx, id).name });
  ctx.tx(() => {
    const now = ctx.clock.now().toISOString();
    ctx.db.prepare('UPDATE people SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ?').run(now, now, id);
    ctx.audit.appendRow(ctx.actor(), 'people.delete', 'people', id);
  });
  return { deleted: true };
}

function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(pin, salt, 32).toString('hex')}`;
}

export function setPin(ctx: CoreContext, id: number, pin: string | null, currentPin?: string): Person {
  getPerson(ctx, id);
  ctx.tx(() => {
    checkPin(ctx, id, currentPin);
    ctx.db.prepare('DELETE FROM person_pins WHERE person_id = ?').run(id);
    if (pin) ctx.db.prepare('INSERT INTO person_pins (person_id, pin_hash) VALUES (?, ?)').run(id, hashPin(pin));
    ctx.audit.append({
      actor: ctx.actor(),
      kind: pin ? 'people.pin_set' : 'people.pin_cleared',
      refTable: 'people',
      refId: id,
      payload: { personId: id },
    });
  });
  return getPerson(ctx, id);
}

/** True when the person has no PIN, or `pin` matches it; absent PIN for a protected person throws. */
export function checkPin(ctx: CoreContext, personId: number, pin: string | undefined): boolean {
  const row = ctx.db.prepare('SELECT pin_hash FROM person_pins WHERE person_id = ?').get(personId) as
    { pin_hash: string } | undefined;
  if (!row) return false;
  if (!pin) throw new AppError('operator.pin_required', undefined, [{ path: 'pin', code: 'pin_required' }]);
  const [, saltHex, hashHex] = row.pin_hash.split('$') as [string, string, string];
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length);
  if (!timingSafeEqual(expected, actual))
    throw new AppError('operator.bad_pin', undefined, [{ path: 'pin', code: 'bad_pin' }]);
  return true;
}
