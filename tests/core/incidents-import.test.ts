import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract';
import { fileLines, importIncidents } from '../../electron/core/incidents/import-file';
import { runCli } from './built';
import { openTestCore, sqliteOnly, tempDir } from './helpers';
import { chemicalFire } from './fixtures';

const line = (i: number, overrides = {}) =>
  JSON.stringify(
    chemicalFire({
      title: `历史事件${i}`,
      level: (['I', 'II', 'III', 'IV'] as const)[i % 4],
      occurredAt: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString(),
      receivedAt: new Date(Date.parse('2025-01-01T00:10:00Z') + i * 60_000).toISOString(),
      ...overrides,
    }),
  );

describe('incident import (JSON lines)', () => {
  it('records every line through the write path in one audited transaction', async () => {
    const core = await openTestCore();
    const r = await importIncidents(core.service.ctx, [line(1), '', line(2), line(3)]);
    expect(r.count).toBe(3);
    const page = await core.call('incidents.list', {});
    expect(page.items.map((i) => i.title)).toEqual(['历史事件3', '历史事件2', '历史事件1']);
    expect((await core.call('search.query', { q: '历史事件' })).map((h) => h.refId).sort()).toEqual(
      page.items.map((i) => i.id).sort(),
    );
    expect((await core.call('deadlines.open', {})).length).toBe(6);
    expect((await core.call('audit.verify', {})).ok).toBe(true);
    const last = (await core.sql.get('SELECT kind, payload FROM audit_log ORDER BY id DESC LIMIT 1')) as {
      kind: string;
      payload: string;
    };
    expect(last.kind).toBe('incidents.import');
    expect(JSON.parse(last.payload)).toEqual({ count: 3, sha256: r.sha256 });
  });

  it('numbers past the numbers already taken, however they were handed out', async () => {
    const core = await openTestCore({ start: '2026-06-01T00:00:00Z' });
    // The newest record holds 2026-0001, an older one 2026-0003 (the clock once went back).
    for (const [id, number] of [
      [1, '2026-0003'],
      [2, '2026-0001'],
    ] as const)
      await core.sql.run(
        `INSERT INTO incidents (id, number, status, version, received_at, category, level, district, title, facts, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, 'closed', 1, '2026-01-01T00:00:00Z', 'accident', 'IV', '', 't', '{}', 'x', 'x', 'x', 'x')`,
        [id, number],
      );
    await importIncidents(core.service.ctx, [line(1), line(2), line(3)]);
    const numbers = (await core.sql.column('SELECT number FROM incidents WHERE id > 2 ORDER BY id')) as string[];
    expect(numbers).toEqual(['2026-0002', '2026-0004', '2026-0005']);
  });

  it('records each row as stored, and refuses rather than record rows missing a column', async () => {
    const core = await openTestCore();
    await importIncidents(core.service.ctx, [line(1)]);
    // The entry's row is the row in the table, column for column (verify compares exactly this).
    const entry = (await core.sql.get(
      "SELECT payload FROM audit_log WHERE kind = 'incident.create' ORDER BY id DESC LIMIT 1",
    )) as { payload: string };
    const stored = await core.sql.get('SELECT * FROM incidents ORDER BY id DESC LIMIT 1');
    expect(JSON.parse(entry.payload)).toEqual({ row: stored });
    // A column the import's insert does not set would be stored with its default and missing from the
    // entries: verify would name every imported row. The import refuses and records nothing.
    const changed = await openTestCore();
    await changed.sql.exec("ALTER TABLE incidents ADD COLUMN remark TEXT DEFAULT ''");
    await expect(importIncidents(changed.service.ctx, [line(2)])).rejects.toThrow(/do not match its columns/);
    expect((await changed.call('incidents.list', {})).total).toBe(0);
  });

  it('refuses the whole file at the first bad line, naming the line and the field', async () => {
    const core = await openTestCore();
    const bad = line(2, {
      casualties: { deaths: -1, missing: 0, seriouslyInjured: 0, injured: 0, trapped: 0, evacuated: 0 },
    });
    const attempt = () => importIncidents(core.service.ctx, [line(1), bad, line(3)]);
    await expect(attempt()).rejects.toThrow(AppError);
    await expect(attempt()).rejects.toMatchObject({
      code: 'incident.import_invalid',
      params: { line: 2, field: 'casualties.deaths' },
    });
    const future = line(1, { receivedAt: '2099-01-01T00:00:00Z' });
    await expect(importIncidents(core.service.ctx, [future])).rejects.toThrow(/"line":1,"field":"receivedAt"/);
    await expect(importIncidents(core.service.ctx, [line(1), '{"title": '])).rejects.toThrow(/"line":2/);
    expect((await core.call('incidents.list', {})).total).toBe(0);
  });

  it('counts totals exactly up to 10,000 and says "more" beyond', async () => {
    const core = await openTestCore();
    const lines = Array.from({ length: 10_001 }, (_, i) => line(i));
    await importIncidents(core.service.ctx, lines);
    expect(await core.call('incidents.list', { limit: 5 })).toMatchObject({ total: 10_000, totalCapped: true });
    const exact = await core.sql.value("SELECT count(*) FROM incidents WHERE level = 'II'");
    expect(await core.call('incidents.list', { level: 'II', limit: 5 })).toMatchObject({
      total: exact,
      totalCapped: false,
    });
    // 10,001 records through the full write path: seconds on a quiet machine, more on a loaded one.
  }, 120_000);

  it('reads a file line by line across slice boundaries', () => {
    const file = join(tempDir(), 'big.jsonl');
    const lines = Array.from({ length: 3000 }, (_, i) => line(i));
    writeFileSync(file, lines.join('\n') + '\n');
    expect([...fileLines(file)].filter(Boolean)).toEqual(lines);
  });
});

describe('duty-room import-incidents', () => {
  sqliteOnly.it('the CLI over a --data directory', 'imports a JSON-lines file and refuses a broken one whole', () => {
    const data = tempDir();
    const dir = tempDir();
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, [line(1), line(2)].join('\n'));
    const ok = runCli(['import-incidents', good, '--data', data]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^imported 2 incidents/);

    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, [line(3), line(4, { level: 'V' })].join('\n'));
    const bad = runCli(['import-incidents', broken, '--data', data]);
    expect(bad.code).toBe(1);
    // One translated line naming the line and the field, with the code (the CLI's clean-failure format).
    expect(bad.stderr).toContain('line 2, field level');
    expect(bad.stderr).toContain('[incident.import_invalid]');
    expect(runCli(['info', '--data', data]).stdout).toContain('"auditEntries"');
  });
});
