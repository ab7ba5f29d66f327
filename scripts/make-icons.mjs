/* global process, Buffer, console, document -- a Node script; document is read inside the page it drives */
// Renders resources/icon.svg into every icon file the app ships, with nothing but what is installed:
// Debian's Chromium (through playwright-core) rasterises the SVG at each size, and the .ico and .icns
// containers are written here (both simply wrap PNGs). Run after editing the SVG: npm run icons.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const res = join(root, 'resources');
const svg = readFileSync(join(res, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const png = {};
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    png[size] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
} finally {
  await browser.close();
}

// Linux: one PNG per size in resources/icons (electron-builder's linux.icon folder layout).
mkdirSync(join(res, 'icons'), { recursive: true });
for (const size of SIZES.filter((s) => s <= 512)) writeFileSync(join(res, 'icons', `${size}x${size}.png`), png[size]);
writeFileSync(join(res, 'icon.png'), png[512]);

// Windows .ico: ICONDIR + one 16-byte entry per image, PNG-compressed images (Vista and later).
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, i) => {
  const e = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, e);
  header.writeUInt8(size >= 256 ? 0 : size, e + 1);
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(png[size].length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += png[size].length;
});
writeFileSync(join(res, 'icon.ico'), Buffer.concat([header, ...icoSizes.map((s) => png[s])]));

// macOS .icns: 'icns' + length, then typed PNG chunks (icp4 16 … ic10 1024, ic11–ic14 the @2x sizes).
const ICNS = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
const chunks = ICNS.map(([type, size]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(8 + png[size].length, 4);
  return Buffer.concat([head, png[size]]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
writeFileSync(join(res, 'icon.icns'), Buffer.concat([icnsHead, ...chunks]));

// The renderer's favicon (vite copies renderer/public into the build the web host serves).
mkdirSync(join(root, 'renderer', 'public'), { recursive: true });
copyFileSync(join(res, 'icon.svg'), join(root, 'renderer', 'public', 'favicon.svg'));
copyFileSync(join(res, 'icon.ico'), join(root, 'renderer', 'public', 'favicon.ico'));
console.log(`icons written: ${SIZES.join(', ')} px, icon.ico, icon.icns, favicon`);
