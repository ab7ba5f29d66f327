import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startWebHost, type RunningHost } from './built';

let host: RunningHost;
// Kept for the whole file (tempDir() is removed after each test): an export reads through a second
// connection that opens the file by its path.
const dataDir = mkdtempSync(join(tmpdir(), 'duty-room-web-'));
beforeAll(async () => {
  host = await startWebHost(dataDir);
});
afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

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

  it('hands a big export over as a download streamed from disk, to the token holder only', async () => {
    const auth = { 'X-Duty-Room-Token': host.token };
    const res = await post('/api/exports.log', { from: '2026-11-01', to: '2026-11-23', format: 'csv' }, auth);
    const body = (await res.json()) as { value: { download: string; fileName: string; sha256: string } };
    expect(body).toMatchObject({ ok: true });
    const file = body.value;
    expect(file).not.toHaveProperty('base64');
    const path = `/download/${file.download}?name=${encodeURIComponent(file.fileName)}`;
    expect((await fetch(host.origin + path)).status).toBe(401);
    const got = await fetch(host.origin + path, { headers: auth });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^编号,接报时间/);
    // Only files the core prepared: no other path under or outside the folder.
    expect((await fetch(`${host.origin}/download/..%2Fduty-room.sqlite`, { headers: auth })).status).toBe(404);
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
