// npm start: the Electron app when its binary is present, otherwise the web host (same core, same UI).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/**
 * The Electron binary if it is installed. Electron 45 downloads it on first `require`, which fails
 * noisily offline, so look for it without requiring the package.
 */
function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    if (!existsSync(pathFile)) return null;
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const root = join(__dirname, '..');
const args = process.argv.slice(2);
/** better-sqlite3 stays built for Node (the tests run on Node); Electron can load it only once rebuilt. */
function nativeModuleLoadsIn(bin) {
  const probe = spawnSync(bin, ['-e', "require('better-sqlite3')(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 20_000,
  });
  return probe.status === 0;
}

const bin = electronBinary();
let why = null;
if (!bin) why = 'Electron binary not installed (run `npx install-electron` with internet access)';
else if (!nativeModuleLoadsIn(bin))
  why = 'better-sqlite3 is built for Node, not Electron (run `npm run dev:app` or `npm run dist`)';
let child;
if (!why) {
  child = spawn(bin, [root, ...args], { stdio: 'inherit' });
} else {
  console.log(`${why}; starting the web host instead — open the URL below.`);
  child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...args], { stdio: 'inherit' });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
