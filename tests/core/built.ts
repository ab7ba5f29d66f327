import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'out/main');

/** These tests drive the built hosts, exactly as a user runs them (npm test builds first). */
export function requireBuild(): void {
  if (!existsSync(join(OUT, 'web.js')) || !existsSync(join(OUT, 'cli.js'))) {
    throw new Error('out/main is missing: run `npm run build` (npm test does it first)');
  }
}

export function runCli(args: string[]) {
  requireBuild();
  // Messages in English whatever the machine's locale, so tests can read them.
  const env = { ...process.env, DUTY_ROOM_LANG: process.env.DUTY_ROOM_LANG ?? 'en' };
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/duty-room.js'), ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node out/main/web.js --data DIR --port 0` and reads the URL it prints. */
export function startWebHost(dataDir: string): Promise<RunningHost> {
  requireBuild();
  const child = spawn(process.execPath, [join(OUT, 'web.js'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DUTY_ROOM_LANG: process.env.DUTY_ROOM_LANG ?? 'en' },
  });
  return new Promise((resolveHost, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 15_000);
    child.stderr!.on('data', (d) => (out += String(d)));
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveHost({
          url: m[0],
          origin: m[1]!,
          token: m[2]!,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
}
