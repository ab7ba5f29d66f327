// npm start: the Electron app when its binary is present, otherwise the web host (same core, same UI).
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function electronBinary() {
  try {
    const bin = require('electron'); // on plain Node this is the path to the binary
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const bin = electronBinary();
let child;
if (bin) {
  child = spawn(bin, [root, ...args], { stdio: 'inherit' });
} else {
  console.log('Electron binary not installed here; starting the web host instead (open the URL below).');
  child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...args], { stdio: 'inherit' });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
