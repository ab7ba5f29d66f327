import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/db/clock';
import { openCore } from '../../electron/core/open-core';
import { Endpoint, remoteService, type CoreOps, type HostOps, type Message } from '../../electron/utility/protocol';
import { serveCore } from '../../electron/utility/serve-core';
import { chemicalFire } from './fixtures';
import type { SeatEvent } from '../../electron/core/contract/changes';
import { tempDir } from './helpers';

/** Two ends of a fake port: messages are structured-cloned and delivered later, as a real port does. */
function fakePort() {
  const ends: { receive(m: unknown): void }[] = [];
  const link = (to: number) => (m: Message) => {
    const copy = structuredClone(m);
    setImmediate(() => ends[to]?.receive(copy));
  };
  return {
    toB: link(1),
    toA: link(0),
    attach: (a: { receive(m: unknown): void }, b: { receive(m: unknown): void }) => ends.push(a, b),
  };
}

interface PingOps {
  echo(p: { text: string }): { text: string };
  fail(p: Record<string, never>): never;
}

describe('the main ⇄ core process protocol', () => {
  it('answers each request by id, in any order, and carries errors back as rejections', async () => {
    const port = fakePort();
    const a = new Endpoint<PingOps, Record<string, never>>(port.toB, {});
    const b = new Endpoint<Record<string, never>, PingOps>(port.toA, {
      echo: async ({ text }) => {
        await new Promise((r) => setTimeout(r, text === 'slow' ? 20 : 0));
        return { text: text.toUpperCase() };
      },
      fail: () => {
        throw new Error('disk full');
      },
    });
    port.attach(a, b);
    const slow = await a.request('echo', { text: 'slow' });
    const fast = await a.request('echo', { text: 'fast' });
    expect(fast).toEqual({ text: 'FAST' });
    expect(slow).toEqual({ text: 'SLOW' });
    await expect(a.request('fail', {})).rejects.toThrow('disk full');
    await expect((a as unknown as Endpoint<{ nope(p: object): void }, object>).request('nope', {})).rejects.toThrow(
      'unknown request "nope"',
    );
    a.receive('not a message'); // stray port traffic is ignored
  });

  it('fails every waiting and later call once the other side is gone', async () => {
    const sent: Message[] = [];
    const a = new Endpoint<PingOps, Record<string, never>>((m) => sent.push(m), {});
    const waiting = a.request('echo', { text: 'x' });
    expect(sent).toEqual([{ type: 'request', id: 1, op: 'echo', payload: { text: 'x' } }]);
    a.close('the core process exited (code 1)');
    await expect(waiting).rejects.toThrow('the core process exited (code 1)');
    await expect(a.request('echo', { text: 'y' })).rejects.toThrow('exited');
    // The service main hands to IPC never throws: a dead core answers like any internal error.
    const service = remoteService(a as unknown as Endpoint<CoreOps, HostOps>, () => {});
    expect(await service.invoke('app.info', {})).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('runs the real core behind the port: API calls, PDF printing asked of main, and a clean close', async () => {
    const dataDir = tempDir();
    const port = fakePort();
    const printed: string[] = [];
    const seatEvents: SeatEvent[] = [];
    const main = new Endpoint<CoreOps, HostOps>(port.toB, {
      print: ({ html }) => {
        printed.push(html);
        return new TextEncoder().encode('%PDF-1.7 fake');
      },
      seatEvent: (e) => {
        seatEvents.push(e);
        return { heard: true };
      },
    });
    let exited = false;
    const corePort = serveCore(port.toA, {
      exit: () => (exited = true),
      clock: new ManualClock('2026-11-23T02:00:00Z'),
    });
    port.attach(main, corePort);
    const service = remoteService(main, () => {});

    expect(await service.invoke('app.info', {})).toEqual({ ok: false, error: { code: 'internal' } }); // not open yet
    expect(await main.request('open', { dataDir })).toMatchObject({
      dataFile: `${dataDir}/duty-room.sqlite`,
      seat: { type: 'connection', shared: false, state: 'ok' }, // one seat on SQLite: no link to show
    });
    const created = await service.invoke('incidents.create', chemicalFire({ economicLoss: 800 }));
    expect(created).toMatchObject({ ok: true, value: { number: '2026-0001' } });
    // The write's change is told to main, which hands it to the windows.
    await expect.poll(() => seatEvents).toEqual([{ type: 'change', topics: ['incidents'] }]);
    expect(await service.invokeRaw('incidents.create', { title: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });

    const pdf = await service.invoke('exports.dailyReport', { period: { date: '2026-11-23' }, format: 'pdf' });
    if (!pdf.ok) throw new Error(JSON.stringify(pdf.error));
    expect(Buffer.from(pdf.value.base64, 'base64').toString()).toBe('%PDF-1.7 fake');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('值班信息');

    expect(await main.request('close', {})).toEqual({ closed: true });
    await new Promise((r) => setImmediate(r));
    expect(exited).toBe(true);
    // The database was closed and its host lock released: another host can open it now.
    const again = await openCore(dataDir, { host: true });
    expect(await again.service.invoke('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    await again.close();
  });
});
