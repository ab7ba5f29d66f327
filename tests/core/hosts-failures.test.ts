import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli, startWebHost } from './built';
import { tempDir } from './helpers';

const env = { ...process.env, DUTY_ROOM_LANG: 'en' };
function web(args: string[]) {
  requireBuild();
  return spawnSync(process.execPath, [join(ROOT, 'out/main/web.js'), ...args], {
    encoding: 'utf8',
    env,
    timeout: 20_000,
  });
}

describe('clean failures', () => {
  it('a 0-byte database: the CLI and the web host refuse with one translated line and the ways out', () => {
    const data = tempDir();
    writeFileSync(join(data, 'duty-room.sqlite'), '');
    const info = runCli(['info', '--data', data]);
    expect(info.code).toBe(4);
    expect(info.stderr.split('\n')[0]).toBe(
      'error: The database file is empty (0 bytes or no tables). It will not be opened as a new database: restore a backup. [db.empty]',
    );
    expect(info.stderr).toContain('duty-room restore');
    expect(info.stderr).toContain('--read-only');
    expect(info.stderr).toContain('duty-room salvage');
    expect(info.stderr).not.toMatch(/\n\s+at /); // no stack…
    expect(runCli(['info', '--data', data, '--debug']).stderr).toMatch(/\n\s+at /); // …unless asked for

    const zh = spawnSync(process.execPath, [join(ROOT, 'bin/duty-room.js'), 'info', '--data', data], {
      encoding: 'utf8',
      env: { ...process.env, DUTY_ROOM_LANG: 'zh-CN' },
    });
    expect(zh.stderr.split('\n')[0]).toMatch(/^错误：数据库文件是空的.*\[db\.empty\]$/);

    const host = web(['--data', data, '--port', '0']);
    expect(host.status).toBe(4);
    expect(host.stderr).toContain('[db.empty]');
    expect(host.stderr).not.toMatch(/\n\s+at /);
  });

  it('a taken port: a clear message with a free port to use instead', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = web(['--data', tempDir(), '--port', String(port)]);
      expect(r.status).toBe(3);
      const m = /^error: port (\d+) is taken or not allowed\. Try a free one: --port (\d+)/.exec(r.stderr);
      expect(m?.[1]).toBe(String(port));
      expect(Number(m?.[2])).not.toBe(port);
      expect(r.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('caps the request bodies read at once across connections', async () => {
    const host = await startWebHost(tempDir());
    const port = Number(new URL(host.origin).port);
    const open: ReturnType<typeof request>[] = [];
    try {
      // Five uploads of 15 MB each, held open one byte short of complete: together over the 64 MB cap,
      // so the host turns one away with 503 host.busy instead of buffering it, and stays up.
      const chunk = Buffer.alloc(15 * 1024 * 1024 - 1, 0x20);
      const statuses = await new Promise<{ status: number; body: string }[]>((resolve) => {
        const got: { status: number; body: string }[] = [];
        for (let i = 0; i < 5; i++) {
          const req = request({
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/settings.update',
            headers: { 'X-Duty-Room-Token': host.token, 'Content-Length': chunk.length + 1 },
          });
          req.on('response', (res) => {
            let body = '';
            res.on('data', (d) => (body += String(d)));
            res.on('end', () => {
              got.push({ status: res.statusCode!, body });
              resolve(got);
            });
          });
          req.on('error', () => {});
          req.write(chunk);
          open.push(req);
        }
      });
      expect(statuses[0]).toMatchObject({ status: 503 });
      expect(statuses[0]!.body).toContain('host.busy');
      for (const r of open) r.destroy();
      const ok = await fetch(`${host.origin}/api/app.info`, {
        method: 'POST',
        headers: { 'X-Duty-Room-Token': host.token },
        body: '{}',
      });
      expect(ok.status).toBe(200);
    } finally {
      for (const r of open) r.destroy();
      await host.stop();
    }
  });

  it('impossible or far dates (2024-02-31, 9999-12) get a typed answer over HTTP, never 500', async () => {
    const host = await startWebHost(tempDir());
    try {
      const calls: [string, unknown][] = [
        ['roster.month', { month: '9999-12' }],
        ['roster.month', { month: '2024-02-31' }],
        ['handover.draft', { date: '9999-12-31' }],
        ['handover.draft', { date: '2024-02-31' }],
        ['incidents.list', { from: '2024-02-31T00:00:00Z' }],
        ['exports.dailyReport', { date: '2024-02-31', format: 'docx' }],
        ['exports.dailyReport', { date: '9999-12-31', format: 'docx' }],
        ['exports.roster', { month: '9999-12', format: 'xlsx' }],
      ];
      for (const [method, body] of calls) {
        const r = await fetch(`${host.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'X-Duty-Room-Token': host.token },
          body: JSON.stringify(body),
        });
        const json = (await r.json()) as { ok: boolean; error?: { code: string } };
        expect(r.status, `${method} ${JSON.stringify(body)}`).not.toBe(500);
        if (!json.ok) expect(json.error!.code, method).not.toBe('internal');
      }
    } finally {
      await host.stop();
    }
  });
});
