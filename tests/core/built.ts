import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'out/main');
/** Every file the build reads from; a change to any of them makes out/ stale. */
const SOURCES = ['electron', 'renderer', 'resources', 'package.json', 'electron.vite.config.ts'];
export const BUILT = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/cli.js',
  'out/main/verify-worker.js',
  'out/main/log-csv-worker.js',
  'out/main/import-worker.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];

function newestFile(path: string): { file: string; mtime: number } {
  const st = statSync(path);
  if (!st.isDirectory()) return { file: path, mtime: st.mtimeMs };
  let newest = { file: path, mtime: 0 };
  for (const name of readdirSync(path)) {
    const n = newestFile(join(path, name));
    if (n.mtime > newest.mtime) newest = n;
  }
  return newest;
}

/**
 * Why out/ cannot be trusted, or null: a built entry is missing, or some source is newer than the
 * oldest built entry. Tests that drive the built hosts call this so they never test yesterday's code.
 */
export function staleBuild(root = ROOT): string | null {
  const missing = BUILT.filter((f) => !existsSync(join(root, f)));
  if (missing.length) return `${missing.join(', ')} missing`;
  const built = Math.min(...BUILT.map((f) => statSync(join(root, f)).mtimeMs));
  for (const src of SOURCES.filter((s) => existsSync(join(root, s)))) {
    const n = newestFile(join(root, src));
    if (n.mtime > built) return `${relative(root, n.file)} is newer than the build in out/`;
  }
  return null;
}

/** These tests drive the built hosts, exactly as a user runs them (npm test builds first). */
export function requireBuild(): void {
  const stale = staleBuild();
  if (stale) throw new Error(`stale build: ${stale}. Run \`npm run build\` (npm test does it first).`);
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

/** Starts `node out/main/web.js --data DIR --port 0 [args…]` and reads the URL it prints. */
export function startWebHost(dataDir: string, args: string[] = []): Promise<RunningHost> {
  requireBuild();
  const child = spawn(process.execPath, [join(OUT, 'web.js'), '--data', dataDir, '--port', '0', ...args], {
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
