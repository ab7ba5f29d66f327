import { parseArgs } from 'node:util';

/** The options shared by the web host and the CLI. */
export function parseCommonArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      // A shared PostgreSQL database instead of the folder's SQLite file (postgres://user@host/db).
      url: { type: 'string' },
      port: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      day: { type: 'string' },
      preview: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      month: { type: 'string' },
      incident: { type: 'string' },
      report: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
      witness: { type: 'string', multiple: true },
      full: { type: 'boolean' },
      debug: { type: 'boolean' },
      'read-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
