import { expect } from 'vitest';
import type { SqlParams } from '../../electron/core/db/sql-port';
import { engine, type TestCore } from './helpers';

/**
 * Expects the database itself to refuse a write behind the app (a guard trigger), on either engine:
 * SQLite raises the trigger's message, PostgreSQL `db.append_only` with that message as its cause.
 */
export async function expectRefused(core: TestCore, sql: string, params: SqlParams, message: RegExp): Promise<void> {
  const attempt = core.sql.run(sql, params);
  if (engine === 'postgres')
    await expect(attempt).rejects.toMatchObject({
      code: 'db.append_only',
      cause: expect.objectContaining({ message: expect.stringMatching(message) }) as unknown,
    });
  else await expect(attempt).rejects.toThrow(message);
}
