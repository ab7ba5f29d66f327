import { describe, expect, it } from 'vitest';
import { indexText, matchExpression } from '../../electron/core/incidents/search-text';
import { readable } from '../../electron/core/incidents/search';
import { openTestCore } from './helpers';
import { chemicalFire } from './fixtures';

describe('CJK search text', () => {
  it('indexes CJK runs as bigrams plus the run end, and folds them back', () => {
    expect(indexText('化工厂火灾 Fire-2')).toBe('化工 工厂 厂火 火灾 灾 Fire-2');
    expect(readable(indexText('化工厂火灾，伤亡 3 人'))).toBe('化工厂火灾 ， 伤亡 3 人');
  });

  it('quotes user input so FTS syntax cannot break the query', () => {
    expect(matchExpression('化工厂 "OR NEAR(')).toBe('"化工 工厂" AND "OR"* AND "NEAR"*');
    expect(matchExpression('火灾')).toBe('"火灾"*');
    expect(matchExpression('  ')).toBeNull();
  });
});

describe('search', () => {
  async function seeded() {
    const core = openTestCore({ start: '2026-11-23T02:00:00Z' });
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
    const core = openTestCore({ start: '2026-11-23T02:00:00Z' });
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
    for (const q of ['起火', '储罐泄漏', '内涝', '人民', 'depot', '江北大桥']) {
      const like = core.db
        .prepare(
          `SELECT id FROM incidents WHERE title LIKE @q OR json_extract(facts, '$.summary') LIKE @q
             OR json_extract(facts, '$.place') LIKE @q ORDER BY id`,
        )
        .pluck()
        .all({ q: `%${q}%` });
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
