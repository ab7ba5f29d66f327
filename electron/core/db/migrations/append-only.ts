/**
 * Triggers that make the database itself refuse any UPDATE or DELETE of a table's rows. Released
 * migrations use this text: never change it; write a new helper for a new behaviour.
 */
export const appendOnly = (table: string) => `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
