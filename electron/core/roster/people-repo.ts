import { AppError } from '../contract/errors';
import type { Person, PersonBrief, Role } from '../contract/roster';
import type { personSaveSchema } from '../contract/roster';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { checkPin, setPin, type PinChange } from './pins';

interface PersonRow {
  id: number;
  name: string;
  unit: string;
  title: string;
  phones: string;
  roles: string;
  active: number;
  has_pin: number;
  pin_weak: number;
}

// pin_weak: a PIN hashed under the old 4-digit rule ('scrypt$', see pins.ts), flagged until changed.
const SELECT = `SELECT p.*, (SELECT count(*) FROM person_pins WHERE person_id = p.id) AS has_pin,
  (SELECT count(*) FROM person_pins WHERE person_id = p.id AND pin_hash LIKE 'scrypt$%') AS pin_weak FROM people p`;

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
    pinWeak: r.pin_weak > 0,
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

/** Sets or clears a PIN (see pins.ts for who may), and returns the person as now listed. */
export function setPersonPin(ctx: CoreContext, id: number, change: PinChange): Person {
  setPin(ctx, id, change);
  return getPerson(ctx, id);
}

export { checkPin };
