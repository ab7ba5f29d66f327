import { describe, expect, it } from 'vitest';
import { indexText, matchExpression } from '../../electron/core/incidents/search-text';
import { readable } from '../../electron/core/incidents/search';
import { openTestCore } from './helpers';
import { chemicalFire } from './fixtures';
import { importIncidents } from '../../electron/core/incidents/import-file';

describe('CJK search text', () => {
  it('indexes CJK runs as bigrams plus the run end, and folds them back', () => {
    expect(indexText('化工厂火灾 Fire-2')).toBe('化工 工厂 厂火 火灾 灾 Fire-2');
    expect(readable(indexText('化工厂火灾，伤亡 3 人'))).toBe('化工厂火灾 ， 伤亡 3 人');
  });

  it('quotes user input so FTS syntax cannot break the query', () => {
    expect(matchExpression('化工厂 "OR NEAR(')).toBe('"化工 工厂" AND "OR"* AND "NEAR"*');
    // A two-character word is one whole bigram token; only a lone character needs a prefix.
    expect(matchExpression('火灾')).toBe('"火灾"');
    expect(matchExpression('涝')).toBe('"涝"*');
    expect(matchExpression('  ')).toBeNull();
  });
});

describe('search', () => {
  async function seeded() {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const fire = await core.call('incidents.create', chemicalFire());
    const flood = await core.call(
      'incidents.create',
      chemicalFire({
        title: '江南区内涝',
        category: 'natural',
        subtype: '洪涝',
        summary: 'Heavy rain flooded the underpass; 无人员伤亡。',
        measures: '',
      }),
    );
    await core.call('calls.create', {
      incidentId: null,
      at: '2026-11-23T01:30:00Z',
      direction: 'in',
      party: '市气象局',
      number: '12121',
      gist: '发布暴雨橙色预警',
    });
    await core.call('instructions.create', {
      incidentId: fire.id,
      leader: '李市长',
      givenAt: '2026-11-23T01:40:00Z',
      text: '全力搜救被困人员，防止次生灾害',
    });
    return { core, fire, flood };
  }

  it('finds two-character Chinese words, single characters and English words', async () => {
    const { core, fire, flood } = await seeded();
    const ids = async (q: string) => (await core.call('search.query', { q })).map((h) => `${h.kind}:${h.refId}`).sort();
    expect(await ids('火灾')).toEqual([`incident:${fire.id}`]);
    expect(await ids('化工')).toEqual([`incident:${fire.id}`, `incident:${flood.id}`]);
    expect(await ids('伤亡')).toEqual([`incident:${flood.id}`]);
    expect(await ids('暴雨')).toEqual(['call:1']);
    expect(await ids('次生灾害')).toEqual(['instruction:1']);
    expect(await ids('涝')).toEqual([`incident:${flood.id}`]);
    expect(await ids('underpass')).toEqual([`incident:${flood.id}`]);
    expect(await ids('flood')).toEqual([`incident:${flood.id}`]);
    expect(await ids('地震')).toEqual([]);
  });

  it('filters the incident list by text, including what its calls and instructions say', async () => {
    const { core, fire } = await seeded();
    expect((await core.call('incidents.list', { q: '搜救' })).items.map((i) => i.id)).toEqual([fire.id]);
    expect((await core.call('incidents.list', { q: '储罐 纬三路' })).items.map((i) => i.id)).toEqual([fire.id]);
    const hit = (await core.call('search.query', { q: '次生' }))[0]!;
    expect(hit.snippet).toContain('次生灾害');
  });
});

describe('search at scale', () => {
  const PLACES = ['化工园区', '人民路', '江北大桥', '高新区'];
  const WHAT = ['厂房起火', '储罐泄漏', '多车追尾', '暴雨内涝', '食堂中毒', 'Fire at depot'];

  async function corpus() {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    for (let i = 0; i < 60; i++) {
      await core.call(
        'incidents.create',
        chemicalFire({
          title: `${PLACES[i % 4]}事件${i}`,
          summary: `${WHAT[(i * 5) % 6]}，${WHAT[(i * 7 + 1) % 6]}`,
          place: `${PLACES[(i + 1) % 4]}${i}号`,
          involvedUnit: '',
          measures: '',
        }),
      );
    }
    return core;
  }

  it('finds exactly the records a substring scan finds (bigram matching loses nothing)', async () => {
    const core = await corpus();
    for (const q of ['起火', '储罐泄漏', '内涝', '人民', '涝', 'depot', '江北大桥']) {
      const { jsonText } = core.sql.dialect;
      const like = await core.sql.column<number>(
        `SELECT id FROM incidents WHERE title LIKE @q OR ${jsonText('facts', '$.summary')} LIKE @q
           OR ${jsonText('facts', '$.place')} LIKE @q ORDER BY id`,
        { q: `%${q}%` },
      );
      const hits = (await core.call('search.query', { q, limit: 100 })).map((h) => h.refId).sort((a, b) => a - b);
      expect(hits, q).toEqual(like);
      expect(hits.length, q).toBeGreaterThan(0);
    }
  });

  it('returns the most recent matches, newest first, when there are more than the limit', async () => {
    const core = await corpus();
    const all = (await core.call('search.query', { q: '起火', limit: 100 })).map((h) => h.refId);
    const top = await core.call('search.query', { q: '起火', limit: 5 });
    expect(top.map((h) => h.refId)).toEqual(all.sort((a, b) => b - a).slice(0, 5));
    expect(top.every((h) => h.snippet.includes('起火'))).toBe(true);
  });
});

describe('log filtered by text, many matches', () => {
  it('pages the newest matches by receipt and counts them exactly, whatever order they were recorded in', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    // 2,400 records, received in an order unlike their ids (interleaved halves), two thirds of them
    // about 内涝: more matches than the log sorts one by one, so the page walks the log by receipt.
    const base = Date.parse('2025-01-01T00:00:00Z');
    const lines = Array.from({ length: 2400 }, (_, i) => {
      const at = new Date(base + ((i % 2) * 1200 + Math.floor(i / 2)) * 60_000).toISOString();
      return JSON.stringify(
        chemicalFire({
          title: `事件${i}`,
          occurredAt: at,
          receivedAt: at,
          summary: i % 3 === 0 ? '储罐起火' : '暴雨导致内涝',
          level: i % 2 ? 'I' : 'IV',
        }),
      );
    });
    await importIncidents(core.service.ctx, lines);
    const expected = await core.sql.column<number>(
      `SELECT id FROM incidents WHERE ${core.sql.dialect.jsonText('facts', '$.summary')} LIKE '%内涝%'
         ORDER BY received_at DESC, id DESC`,
    );
    expect(expected.length).toBe(1600);
    const first = await core.call('incidents.list', { q: '内涝', limit: 50 });
    expect(first).toMatchObject({ total: 1600, totalCapped: false });
    const second = await core.call('incidents.list', { q: '内涝', limit: 50, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(expected.slice(0, 100));
    // With a column filter too: the count and the page come from the filter's own index.
    const levelI = await core.call('incidents.list', { q: '内涝', level: 'I', limit: 50 });
    expect(levelI.total).toBe(800);
    expect(levelI.items.every((i) => i.level === 'I')).toBe(true);
  }, 60_000);
});

describe('log filtered by text, more than 10,000 matches', () => {
  it('shows the newest by receipt and "10,000+", also when the newest were recorded first', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const record = (i: number, at: number, about: boolean) =>
      JSON.stringify(
        chemicalFire({
          title: `事件${i}`,
          occurredAt: new Date(at).toISOString(),
          receivedAt: new Date(at).toISOString(),
          summary: about ? '暴雨导致内涝' : '储罐起火',
        }),
      );
    // Sixty of the newest records are recorded first (lowest ids), then three years of older ones (a
    // year brought in from a previous system): reading only the most recently recorded matches would
    // miss the newest received. Every fourth older one is about something else.
    const recent = Date.parse('2026-11-01T00:00:00Z');
    const old = Date.parse('2023-01-01T00:00:00Z');
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 60 }, (_, i) => record(i, recent + i * 3_600_000, true)),
    );
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 13_600 }, (_, i) => record(60 + i, old + i * 3_600_000, i % 4 !== 3)),
    );
    const expected = await core.sql.column<number>(
      `SELECT id FROM incidents WHERE ${core.sql.dialect.jsonText('facts', '$.summary')} LIKE '%内涝%'
         ORDER BY received_at DESC, id DESC LIMIT 200`,
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 4; page++) {
      const r = await core.call('incidents.list', { q: '内涝', limit: 50, ...(cursor ? { cursor } : {}) });
      expect(r).toMatchObject({ total: 10_000, totalCapped: true });
      seen.push(...r.items.map((i) => i.id));
      cursor = r.nextCursor!;
    }
    expect(seen).toEqual(expected);
    // The newest sixty (recorded first) lead the list.
    expect(seen.slice(0, 60).every((id) => id <= 60)).toBe(true);
  }, 180_000);
});
