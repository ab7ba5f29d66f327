import type { FtsEngine } from './search-fts';
import type { Term, TextQuery } from './search-text';

const SNIPPET_TOKENS = 16;
const ELLIPSIS = ' … ';

const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const isPhrase = (t: Term): t is { phrase: string[] } => 'phrase' in t;

/**
 * The same matches as FTS5's, on the stored tokens: every bigram of every CJK run at once through the
 * GIN index (`tokens @> …`), then the checks the array cannot make: a run's bigrams consecutive (as a
 * phrase), a lone character anywhere (every character starts some token, see indexText), a word as the
 * start of a token (FTS5's prefix query; unicode61 splits words at anything not a letter or digit).
 */
function matches(query: TextQuery, t = ''): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  const bigrams = query.terms.filter(isPhrase).flatMap((p) => p.phrase);
  if (bigrams.length) {
    where.push(`${t}tokens @> CAST(? AS text[])`);
    params.push(bigrams);
  }
  for (const term of query.terms) {
    if (isPhrase(term)) {
      if (term.phrase.length < 2) continue;
      where.push(`strpos(' ' || ${t}text || ' ', ?) > 0`);
      params.push(` ${term.phrase.join(' ')} `);
    } else if (term.cjk) {
      where.push(`strpos(${t}text, ?) > 0`);
      params.push(term.prefix);
    } else {
      where.push(`${t}text ~* ?`);
      params.push(`(^|[^[:alnum:]])${escapeRegex(term.prefix)}`);
    }
  }
  return [where.join(' AND '), params];
}

/** The index text's tokens as unicode61 sees them: runs of letters and digits, with their offsets. */
function tokenize(text: string): { token: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    token: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * FTS5's snippet, cut in JS: the window of SNIPPET_TOKENS tokens with the most distinct terms in it
 * (a repeat counts little), centred on its hits, with an ellipsis where the text goes on.
 */
function snippet(text: string, query: TextQuery): string {
  const tokens = tokenize(text);
  if (tokens.length <= SNIPPET_TOKENS) return text.slice(tokens[0]?.start ?? 0, tokens.at(-1)?.end ?? 0);
  const hits: { at: number; last: number; term: number }[] = [];
  query.terms.forEach((term, i) => {
    tokens.forEach((_, at) => {
      if (isPhrase(term)) {
        if (term.phrase.every((b, k) => tokens[at + k]?.token === b))
          hits.push({ at, last: at + term.phrase.length - 1, term: i });
      } else if (tokens[at]!.token.startsWith(term.prefix.toLowerCase())) hits.push({ at, last: at, term: i });
    });
  });
  hits.sort((a, b) => a.at - b.at);
  let best = { score: -1, start: 0 };
  for (const first of hits) {
    const inside = hits.filter((h) => h.at >= first.at && h.last < first.at + SNIPPET_TOKENS);
    const seen = new Set<number>();
    let score = 0;
    for (const h of inside) score += seen.has(h.term) ? 1 : (seen.add(h.term), 1000);
    const last = Math.max(...inside.map((h) => h.last));
    const start = first.at - Math.floor((SNIPPET_TOKENS - (last - first.at + 1)) / 2);
    const clamped = Math.max(0, Math.min(start, tokens.length - SNIPPET_TOKENS));
    if (score > best.score) best = { score, start: clamped };
  }
  const end = best.start + SNIPPET_TOKENS;
  return (
    (best.start > 0 ? ELLIPSIS : '') +
    text.slice(tokens[best.start]!.start, tokens[end - 1]!.end) +
    (end < tokens.length ? ELLIPSIS : '')
  );
}

export const postgresFts: FtsEngine = {
  key: 'id',
  matches,
  snippetSource: 'text',
  snippet,
};
