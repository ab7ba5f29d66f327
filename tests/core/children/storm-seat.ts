// Child of write-storm.test.ts: one seat of a shared duty room. Opens the shared database through the
// composition root as any seat does (openCore with --url), says "ready", waits for "go" on stdin so
// all seats start together, writes its incidents with a few requests in flight (as a web host serving
// several browsers would), and prints one JSON line: how many were acknowledged, and any errors.
import { createInterface } from 'node:readline';
import { openCore } from '../../../electron/core/open-core';
import { chemicalFire } from '../fixtures';

async function main(): Promise<void> {
  const [dataDir, url, countText, seat] = process.argv.slice(2);
  const count = Number(countText);
  const core = await openCore(dataDir!, { url, seatRole: `storm-${seat}` });
  console.log('ready');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  const ids: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const i = next++;
      const r = await core.service.invoke('incidents.create', chemicalFire({ title: `席位${seat}-${i}` }));
      if (r.ok) ids.push(r.value.id);
      else errors.push(r.error.code);
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  await core.close();
  console.log(JSON.stringify({ seat, ids, errors }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
