import { describe, expect, it } from 'vitest';
import { postgresFts } from '../../electron/core/incidents/search-fts-postgres';
import { textQuery } from '../../electron/core/incidents/search-text';
import { engine, openTestCore } from './helpers';
import { chemicalFire } from './fixtures';

/**
 * PostgreSQL has no FTS5: its snippets are cut in JS (search-fts-postgres.ts). On SQLite both run on the
 * same index text, so FTS5's own snippet is the reference the JS one must equal.
 */
describe.skipIf(engine === 'postgres')('search snippets on PostgreSQL [compared with FTS5, on SQLite]', () => {
  it('cuts the same snippet as FTS5 for short and long texts, CJK and Latin queries', async () => {
    const core = await openTestCore({ start: '2026-11-23T02:00:00Z' });
    const long =
      '今天上午化工园区储罐区发生火灾，消防救援支队到场处置，现场疏散群众一百二十人，' +
      '无人员伤亡。下午江北大桥附近发生多车追尾，交警到场。Fire at the depot was put out at noon. Note: ' +
      '晚间暴雨导致内涝，地下通道积水，已封闭交通。次生灾害风险较高，需持续关注化工园区。';
    await core.call('incidents.create', chemicalFire({ summary: long, measures: '已疏散群众，封控道路。' }));
    await core.call('incidents.create', chemicalFire({ title: '短', summary: '内涝', measures: '' }));
    const queries = ['火灾', '内涝', '化工', '涝', 'depot', 'fire', '次生灾害', '化工 内涝', '暴雨 追尾', 'noon 火灾'];
    let compared = 0;
    for (const q of queries) {
      const query = textQuery(q)!;
      const rows = await core.sql.all<{ text: string; snippet: string }>(
        `SELECT text, snippet(search_fts, 0, '', '', ' … ', 16) AS snippet FROM search_fts WHERE search_fts MATCH ?`,
        [query.fts],
      );
      for (const r of rows) {
        expect(postgresFts.snippet(r.text, query), q).toBe(r.snippet);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
