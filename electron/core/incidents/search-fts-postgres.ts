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

/** The index text's tokens as unicode61 sees them: runs of letters, digits and private-use characters. */
function tokenize(text: string): { token: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{Co}]+/gu)].map((m) => ({
    token: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Where FTS5 sees a sentence begin: the first token, and one after whitespace after a '.' or ':'. */
function sentenceStarts(text: string, tokens: { start: number }[]): number[] {
  const out = [0];
  tokens.forEach((t, k) => {
    if (k > 0 && /[.:][ \t\n\r]+$/.test(text.slice(Math.max(0, tokens[k - 1]!.start), t.start))) out.push(k);
  });
  return out;
}

/**
 * FTS5's snippet (fts5_aux.c, 16 tokens, no highlight, ' … ' ellipses) cut in JS from the same index
 * text, so a hit reads the same on both engines: each match is scored with the window starting there
 * (1000 per distinct term in it, 1 per repeat) and centred on its matches, or starting at the sentence
 * before it (+100, +120 at the very start); the best window wins, the first on a tie.
 */
function snippet(text: string, query: TextQuery): string {
  const tokens = tokenize(text);
  if (tokens.length <= SNIPPET_TOKENS) return text;
  const hits: { at: number; size: number; term: number }[] = [];
  query.terms.forEach((term, i) => {
    tokens.forEach((t, at) => {
      if (
        isPhrase(term)
          ? term.phrase.every((b, k) => tokens[at + k]?.token === b)
          : t.token.startsWith(term.prefix.toLowerCase())
      )
        hits.push({ at, size: isPhrase(term) ? term.phrase.length : 1, term: i });
    });
  });
  hits.sort((a, b) => a.at - b.at || a.term - b.term);
  const score = (from: number) => {
    const seen = new Set<number>();
    let total = 0;
    let first = -1;
    let last = 0;
    for (const h of hits)
      if (h.at >= from && h.at < from + SNIPPET_TOKENS) {
        total += seen.has(h.term) ? 1 : 1000;
        seen.add(h.term);
        if (first < 0) first = h.at;
        last = h.at + h.size;
      }
    const centred = first - Math.trunc((SNIPPET_TOKENS - (last - first)) / 2);
    return { total, centred: Math.max(0, Math.min(centred, tokens.length - SNIPPET_TOKENS)) };
  };
  const sentences = sentenceStarts(text, tokens);
  let best = { total: 0, start: 0 };
  for (const h of hits) {
    const own = score(h.at);
    if (own.total > best.total) best = { total: own.total, start: own.centred };
    const sentence = sentences.filter((s) => s <= h.at).pop()!;
    if (sentence < h.at) {
      const total = score(sentence).total + (sentence === 0 ? 120 : 100);
      if (total > best.total) best = { total, start: sentence };
    }
  }
  const last = best.start + SNIPPET_TOKENS - 1;
  const whole = last >= tokens.length - 1;
  const from = best.start > 0 ? tokens[best.start]!.start : 0;
  return (
    (best.start > 0 ? ELLIPSIS : '') +
    text.slice(from, whole ? text.length : tokens[last]!.end) +
    (whole ? '' : ELLIPSIS)
  );
}

export const postgresFts: FtsEngine = {
  key: 'id',
  matches,
  snippetSource: 'text',
  snippet,
};
