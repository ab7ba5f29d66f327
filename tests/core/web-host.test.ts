import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startWebHost, type RunningHost } from './built';
import { tempDir } from './helpers';

let host: RunningHost;
beforeAll(async () => {
  host = await startWebHost(tempDir());
});
afterAll(() => host?.stop());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(host.origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('web host', () => {
  it('answers 401 to a request without the token, for the API and the page', async () => {
    expect((await post('/api/app.info', {})).status).toBe(401);
    expect((await post('/api/app.info', {}, { 'X-Duty-Room-Token': 'wrong' })).status).toBe(401);
    expect((await fetch(host.origin + '/')).status).toBe(401);
  });

  it('serves the app and the API with the token', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    // The cookie unlocks the page shell only: another local page that holds it still cannot write.
    expect((await fetch(host.origin + '/', { headers: { Cookie: cookie.split(';')[0]! } })).status).toBe(200);
    const viaCookie = await post(
      '/api/settings.update',
      { dutyRoomName: 'x' },
      { Cookie: cookie.split(';')[0]!, Origin: 'http://127.0.0.1:9999' },
    );
    expect(viaCookie.status).toBe(401);
    const res = await post('/api/settings.get', {}, { 'X-Duty-Room-Token': host.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { language: 'zh-CN', timeZone: 'Asia/Shanghai' } });
  });

  it('answers 404 to unknown methods and 400 with the error code to bad payloads', async () => {
    const auth = { 'X-Duty-Room-Token': host.token };
    const unknown = await post('/api/incidents.burn', {}, auth);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await post('/api/settings.update', { backupKeep: 'many' }, auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'backupKeep' }] },
    });
    const notJson = await post('/api/settings.update', '{oops', auth);
    expect(notJson.status).toBe(400);
    const tooBig = await post('/api/settings.update', 'x'.repeat(17 * 1024 * 1024), auth);
    expect(tooBig.status).toBe(413);
    expect((await post('/api/%E0%A4%A', {}, auth)).status).toBe(404);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const port = new URL(host.origin).port;
    const status = await new Promise<number>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/app.info',
          method: 'POST',
          headers: { Host: `evil.example:${port}`, 'X-Duty-Room-Token': host.token },
        },
        (res) => done(res.statusCode ?? 0),
      );
      req.on('error', fail);
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
