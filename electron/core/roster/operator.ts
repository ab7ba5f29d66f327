import type { OperatorSession } from '../contract/roster';
import type { CoreContext } from '../context';
import { activePerson } from './roster-repo';
import { checkPin } from './people-repo';

interface SessionRow {
  id: number;
  person_id: number;
  name: string;
  started_at: string;
  pin_verified: number;
}

const LATEST = 'SELECT * FROM operator_sessions ORDER BY id DESC LIMIT 1';

export async function currentOperator(ctx: CoreContext): Promise<OperatorSession | null> {
  const r = (await ctx.sql.get(LATEST)) as SessionRow | undefined;
  return r
    ? { id: r.id, personId: r.person_id, name: r.name, since: r.started_at, pinVerified: r.pin_verified === 1 }
    : null;
}

/** The name every record is attributed to; read per call so a switch takes effect at once. */
export async function operatorName(sql: CoreContext['sql']): Promise<string | null> {
  try {
    return ((await sql.get(LATEST)) as SessionRow | undefined)?.name ?? null;
  } catch {
    // Before migration 40 there is no session table: nobody has identified yet.
    return null;
  }
}

export async function switchOperator(
  ctx: CoreContext,
  personId: number,
  pin: string | undefined,
): Promise<OperatorSession> {
  const person = await activePerson(ctx, personId);
  const verified = await checkPin(ctx, personId, pin);
  await ctx.tx(async (ctx) => {
    const previous = await currentOperator(ctx);
    const id = Number(
      await ctx.sql.insert(
        'INSERT INTO operator_sessions (person_id, name, started_at, pin_verified) VALUES (?, ?, ?, ?)',
        [personId, person.name, ctx.clock.now().toISOString(), verified ? 1 : 0],
      ),
    );
    // Attributed to the operator handing over the keyboard, so the log shows who switched to whom.
    await ctx.audit.appendRow(previous?.name ?? (await ctx.actor()), 'operator.switch', 'operator_sessions', id, {
      previous: previous?.name ?? null,
    });
  });
  return (await currentOperator(ctx))!;
}
