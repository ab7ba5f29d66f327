/**
 * The web host's push stream: authorised like the API (token header only), it opens with the seat's
 * link state and carries each committed change; closing the host ends open streams.
 */
import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createWebHost } from '../../electron/web/server';
import { chemicalFire } from './fixtures';
import { openTestCore, tempDir } from './helpers';

/** Reads `data:` lines of an SSE response until `count` events have arrived. */
async function readEvents(res: Response, count: number): Promise<unknown[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: unknown[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
    }
  }
  await reader.cancel();
  return events;
}

describe('the web host event stream', () => {
  it('needs the token header, then streams the link state and each change', async () => {
    const core = await openTestCore({ start: '2026-11-23T12:00:00Z' });
    const token = 'secret-token-for-the-test';
    const server = createWebHost({ service: core.service, rendererDir: tempDir(), token, events: core.service });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The cookie or the URL's token (which unlock the page shell) do not open the stream.
      expect((await fetch(`${origin}/events`)).status).toBe(401);
      expect((await fetch(`${origin}/events?token=${token}`)).status).toBe(401);
      const res = await fetch(`${origin}/events`, { headers: { 'X-Duty-Room-Token': token } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const events = readEvents(res, 2);
      await expect.poll(() => core.service.ctx.changes['listeners'].size).toBe(1);
      await core.service.ctx.changes.whenListening();
      await core.call('incidents.create', chemicalFire());
      expect(await events).toEqual([
        {
          type: 'connection',
          shared: core.service.ctx.sql.engine === 'postgres',
          state: 'ok',
          since: expect.any(String),
        },
        { type: 'change', topics: ['incidents'] },
      ]);
      // The stream's subscription ends with the stream.
      await expect.poll(() => core.service.ctx.changes['listeners'].size).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('ends open streams when the host closes', async () => {
    const core = await openTestCore();
    const token = 'another-secret-token';
    const server = createWebHost({ service: core.service, rendererDir: tempDir(), token, events: core.service });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(`${origin}/events`, { headers: { 'X-Duty-Room-Token': token } });
    const all = readEvents(res, 99);
    const closed = new Promise((r) => server.close(r));
    expect(await all).toHaveLength(1); // the state, then the end of the stream
    await closed;
  });
});
