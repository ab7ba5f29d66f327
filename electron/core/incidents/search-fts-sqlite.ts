import type { FtsEngine } from './search-fts';

/** FTS5: the MATCH expression does it all, and FTS5 cuts the snippet (16 tokens around the best hits). */
export const sqliteFts: FtsEngine = {
  key: 'rowid',
  matches: (query, t = '') => [`${t}search_fts MATCH ?`, [query.fts]],
  snippetSource: "snippet(search_fts, 0, '', '', ' … ', 16)",
  snippet: (source) => source,
};
