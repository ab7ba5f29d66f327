import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from './built';

const built = new Map<string, Promise<string>>();

/**
 * Bundles a TypeScript child-process script (and the core it imports) into one CommonJS file with
 * rolldown (vite's bundler, already installed), inside node_modules so better-sqlite3 resolves.
 */
export function bundleChild(entry: string): Promise<string> {
  let p = built.get(entry);
  if (!p) {
    p = (async () => {
      const { build } = await import('rolldown');
      const dir = join(ROOT, 'node_modules/.cache/duty-room-test-children');
      mkdirSync(dir, { recursive: true });
      // Bundles left by runs that were killed (their exit hook never ran): removed once their process is gone.
      for (const name of readdirSync(dir)) {
        const pid = Number(/-(\d+)\.cjs$/.exec(name)?.[1]);
        if (pid && pid !== process.pid && !alive(pid)) rmSync(join(dir, name), { force: true });
      }
      const file = join(dir, `${basename(entry, '.ts')}-${process.pid}.cjs`);
      await build({
        input: entry,
        platform: 'node',
        external: ['better-sqlite3'],
        // One file: the core's lazily loaded modules (ExcelJS for the roster XLSX) inlined, not split out.
        output: { file, format: 'cjs', inlineDynamicImports: true },
        logLevel: 'silent',
      });
      process.once('exit', () => rmSync(file, { force: true }));
      return file;
    })();
    built.set(entry, p);
  }
  return p;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
