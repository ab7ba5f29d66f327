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

export async function listPeople(ctx: CoreContext, includeInactive: boolean): Promise<Person[]> {
  const where = includeInactive ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NULL AND active = 1';
  const rows = (await ctx.sql.all(`${SELECT} ${where} ORDER BY active DESC, id`)) as PersonRow[];
  return rows.map(toPerson);
}

export async function findPerson(ctx: CoreContext, id: number): Promise<Person | null> {
  const r = (await ctx.sql.get(`${SELECT} WHERE id = ? AND deleted_at IS NULL`, [id])) as PersonRow | undefined;
  return r ? toPerson(r) : null;
}

export async function getPerson(ctx: CoreContext, id: number): Promise<Person> {
  const p = await findPerson(ctx, id);
  if (!p) throw new AppError('roster.person_not_found', { id });
  return p;
}

export async function savePerson(ctx: CoreContext, input: z.output<typeof personSaveSchema>): Promise<Person> {
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
  const id = await ctx.tx(async (ctx) => {
    let id = input.id;
    if (id) {
      await getPerson(ctx, id);
      await ctx.sql.run(
        `UPDATE people SET name=@name, unit=@unit, title=@title, phones=@phones, roles=@roles,
             active=@active, updated_at=@updated_at WHERE id=@id`,
        { ...values, id },
      );
    } else {
      id = Number(
        await ctx.sql.insert(
          `INSERT INTO people (name, unit, title, phones, roles, active, updated_at)
             VALUES (@name, @unit, @title, @phones, @roles, @active, @updated_at)`,
          values,
        ),
      );
    }
    await ctx.audit.appendRow(await ctx.actor(), input.id ? 'people.update' : 'people.create', 'people', id);
    return id;
  });
  return await getPerson(ctx, id);
}

export async function deactivatePerson(ctx: CoreContext, id: number): Promise<Person> {
  await getPerson(ctx, id);
  await ctx.tx(async (ctx) => {
    await ctx.sql.run('UPDATE people SET active = 0, updated_at = ? WHERE id = ?', [ctx.clock.now().toISOString(), id]);
    await ctx.audit.appendRow(await ctx.actor(), 'people.deactivate', 'people', id);
  });
  return getPerson(ctx, id);
}

/**
 * Removes a person from the lists. Refused while anything refers to them (a roster slot, a change, an
 * operator session): those records must keep their name, so the person is deactivated instead. The row
 * stays (marked deleted) so the audit chain still matches it.
 */
export async function deletePerson(ctx: CoreContext, id: number): Promise<{ deleted: true }> {
  await getPerson(ctx, id);
  const used = (await ctx.sql.get(
    `SELECT (SELECT count(*) FROM roster_assignments WHERE person_id = @id)
            + (SELECT count(*) FROM roster_changes WHERE from_person_id = @id OR to_person_id = @id)
            + (SELECT count(*) FROM operator_sessions WHERE person_id = @id) AS n`,
    { id },
  )) as { n: number };
  if (used.n > 0) throw new AppError('roster.person_rostered', { name: (await getPerson(ctx, id)).name });
  await ctx.tx(async (ctx) => {
    const now = ctx.clock.now().toISOString();
    await ctx.sql.run('UPDATE people SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ?', [now, now, id]);
    await ctx.audit.appendRow(await ctx.actor(), 'people.delete', 'people', id);
  });
  return { deleted: true };
}

/** Sets or clears a PIN (see pins.ts for who may), and returns the person as now listed. */
export async function setPersonPin(ctx: CoreContext, id: number, change: PinChange): Promise<Person> {
  await setPin(ctx, id, change);
  return getPerson(ctx, id);
}

export { checkPin };
