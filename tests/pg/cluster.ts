/**
 * A throw-away PostgreSQL cluster for the core suite (vitest globalSetup): initdb into a temp dir, start
 * on a free local port with its socket in that dir, hand the URL to the tests (`inject('dutyPgUrl')`,
 * also `DUTY_PG_URL`), stop and delete it afterwards. No Docker, no system service.
 * A server given in DUTY_PG_URL is used as it is. Without PostgreSQL the PostgreSQL tests skip — except
 * in CI (CI=true), where a missing server is an error: a green run must have run both engines.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestProject } from 'vitest/node';
// The `dutyPgUrl` this setup provides is declared beside `pgUrl()`, which reads it.
import type {} from './databases';

/** initdb/pg_ctl on PATH, else Debian's versioned directories (newest first). */
export function findPgBin(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * initdb takes seconds; copying its result takes a fraction. One initialised cluster per PostgreSQL
 * build is kept in the temp dir and copied for each run (made under a temporary name and renamed,
 * so a run never copies a half-made one).
 */
function templateCluster(
  initdb: string,
  run: (bin: string, args: string[]) => Buffer,
  ownedDir: (prefix: string) => string,
): string {
  const version = execFileSync(initdb, ['--version'], { encoding: 'utf8' });
  const key = createHash('sha256').update(`${initdb}\n${version}`).digest('hex').slice(0, 12);
  const template = join(tmpdir(), `duty-pg-template-${key}`);
  if (existsSync(join(template, 'data', 'PG_VERSION'))) return join(template, 'data');
  const work = ownedDir(`duty-pg-template-${key}.`);
  run(initdb, ['-D', join(work, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  try {
    renameSync(work, template);
  } catch {
    rmSync(work, { recursive: true, force: true }); // another run made it first
  }
  return join(template, 'data');
}

/** Clusters of runs that were killed before their teardown (runner.pid no longer alive): stopped, deleted. */
function stopAbandoned(pgCtl: string, run: (bin: string, args: string[]) => Buffer): void {
  for (const name of readdirSync(tmpdir())) {
    if (!/^duty-pg-[A-Za-z0-9]{6}$/.test(name)) continue;
    const dir = join(tmpdir(), name);
    let pid: number;
    try {
      pid = Number(readFileSync(join(dir, 'runner.pid'), 'utf8'));
    } catch {
      continue; // being set up right now, or not ours
    }
    if (isAlive(pid)) continue;
    try {
      if (existsSync(join(dir, 'data', 'postmaster.pid')))
        run(pgCtl, ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  const given = process.env.DUTY_PG_URL ?? '';
  if (given) {
    project.provide('dutyPgUrl', given);
    return;
  }
  const initdb = findPgBin('initdb');
  const pgCtl = findPgBin('pg_ctl');
  if (!initdb || !pgCtl) {
    if (process.env.CI === 'true') throw new Error('PostgreSQL (initdb, pg_ctl) not found: CI must test both engines');
    project.provide('dutyPgUrl', '');
    return;
  }
  // initdb refuses to run as root: the cluster belongs to the `postgres` user then.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
      }
    : null;
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' })
      : execFileSync(bin, args, { stdio: 'pipe' });
  const ownedDir = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    if (owner) chownSync(d, owner.uid, owner.gid);
    return d;
  };
  const template = templateCluster(initdb, run, ownedDir);
  stopAbandoned(pgCtl, run);
  const dir = ownedDir('duty-pg-');
  const data = join(dir, 'data');
  writeFileSync(join(dir, 'runner.pid'), String(process.pid));
  run('cp', ['-a', template, data]);
  const port = await freePort();
  // Durability is not under test here: without fsync the cluster starts and migrates in a few seconds.
  // The bench measures a server as a duty room runs it (DUTY_PG_DURABLE=1): fsync on, like SQLite's FULL.
  const durable = process.env.DUTY_PG_DURABLE === '1';
  const serverOpts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200',
  ].join(' ');
  try {
    run(pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', serverOpts, 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env.DUTY_PG_URL = url;
  project.provide('dutyPgUrl', url);
  return () => {
    try {
      run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
