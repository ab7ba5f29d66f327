import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, startWebHost } from './built';
import { chemicalFire } from './fixtures';
import { tempDir } from './helpers';

/** 6 s in CI; CONCURRENCY_SECONDS=60 for the full run the issue asks for. */
const SECONDS = Number(process.env.CONCURRENCY_SECONDS ?? 6);
const CLIENTS = 20;

function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/duty-room.js'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DUTY_ROOM_LANG: 'en' },
    });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += String(d)));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('writers that cooperate', () => {
  it(
    `${CLIENTS} web clients and the CLI writing at once for ${SECONDS} s: no errors, no lock failures`,
    async () => {
      const data = tempDir();
      const host = await startWebHost(data);
      const errors: string[] = [];
      let writes = 0;
      let cliRuns = 0;
      let slowest = 0; // reported on failure: a writer waiting its turn, never an error
      // The host is serving before the clock starts (its first daily backup comes 10 s after start, in the
      // background: writers keep going through it).
      await fetch(`${host.origin}/api/backup.list`, { method: 'POST', headers: { 'X-Duty-Room-Token': host.token } });
      const until = Date.now() + SECONDS * 1000;
      const plan = join(
        ROOT,
        'resources/plans',
        readdirSync(join(ROOT, 'resources/plans')).find((f) => f.endsWith('.json'))!,
      );
      try {
        const client = async (n: number) => {
          for (let i = 0; Date.now() < until; i++) {
            const [method, body] =
              i % 3 === 2
                ? ['settings.update', { dutyRoomName: `值班室${n}-${i}` }]
                : ['incidents.create', chemicalFire({ title: `并发${n}-${i}` })];
            const t0 = Date.now();
            const r = await fetch(`${host.origin}/api/${method}`, {
              method: 'POST',
              headers: { 'X-Duty-Room-Token': host.token, 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            });
            if (r.status !== 200) errors.push(`${method} ${r.status} ${await r.text()}`);
            else writes++;
            slowest = Math.max(slowest, Date.now() - t0);
          }
        };
        const cliLoop = async () => {
          while (Date.now() < until) {
            const r = await cli(['import-plans', plan, '--data', data]);
            cliRuns++;
            if (r.code !== 0) errors.push(`cli ${r.code} ${r.stderr}`);
          }
        };
        await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), cliLoop()]);
      } finally {
        await host.stop();
      }
      expect(errors, `slowest write ${slowest} ms`).toEqual([]);
      expect(writes).toBeGreaterThanOrEqual(CLIENTS);
      expect(cliRuns).toBeGreaterThan(0);
      const verify = await cli(['verify', '--data', data]);
      expect(verify).toMatchObject({ code: 0, stderr: '' });
    },
    120_000 + SECONDS * 1000,
  );
});
