/**
 * FTS5's trigram tokenizer cannot match queries shorter than three characters, and most Chinese words
 * are two (火灾, 化工, 伤亡). So CJK runs are indexed as overlapping bigrams separated by spaces and
 * queried as a phrase of consecutive bigrams (one bigram for a two-character word); a single character
 * becomes a prefix query.
 * Latin words and digits pass through to unicode61 as they are.
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]+/gu;

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const isCjk = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x20000 && c <= 0x2fa1f);

/** What `\s` matches in a JavaScript regular expression (and `trim` removes). */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Text as stored in the index: each CJK run as its bigrams then its last character (` 化工 工厂 厂 `; a
 * lone character once), so that every character starts some token and a one-character query matches by
 * prefix; other text as it is, with whitespace runs made one space and none at either end.
 * One pass over the code points (a regex replace with a callback per run cost three times as much, and
 * an import indexes a year of incidents); tests/core/search-text.test.ts holds it to the regex form.
 */
export function indexText(text: string): string {
  let out = '';
  let gap = false; // a space is owed before the next token (never at the start)
  let prev = ''; // the CJK character waiting for its successor
  for (let i = 0; i < text.length;) {
    const c = text.codePointAt(i)!;
    const ch = c > 0xffff ? text.slice(i, i + 2) : text[i]!;
    i += ch.length;
    if (isCjk(c)) {
      if (prev === '') gap ||= out !== '';
      else {
        if (gap && out) out += ' ';
        out += prev + ch;
        gap = true;
      }
      prev = ch;
      continue;
    }
    if (prev !== '') {
      if (gap && out) out += ' ';
      out += prev;
      gap = true;
      prev = '';
    }
    if (isSpace(c)) {
      gap ||= out !== '';
      continue;
    }
    if (gap && out) out += ' ';
    gap = false;
    out += ch;
  }
  if (prev !== '') out += (gap && out ? ' ' : '') + prev;
  return out;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * One term of a query, every one of which a record must contain: a CJK run as its consecutive
 * bigrams (one bigram for a two-character word), or a prefix (a lone CJK character, or a word).
 */
export type Term = { phrase: string[] } | { prefix: string; cjk: boolean };

/** A parsed query: its terms, and the FTS5 MATCH expression SQLite runs them as. */
export interface TextQuery {
  terms: Term[];
  fts: string;
}

function queryTerms(query: string): Term[] {
  const terms: Term[] = [];
  for (const part of query.split(/\s+/).filter(Boolean)) {
    const rest = part.replace(CJK, (run) => {
      terms.push(Array.from(run).length === 1 ? { prefix: run, cjk: true } : { phrase: bigrams(run) });
      return ' ';
    });
    for (const word of rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) terms.push({ prefix: word, cjk: false });
  }
  return terms;
}

/**
 * An FTS5 MATCH expression: every term must be present (AND). CJK runs become bigram phrases,
 * other words prefix matches; FTS syntax in user input is neutralised by quoting.
 * Only a lone character needs a prefix query: a longer run's bigrams are whole tokens in the index
 * (runs are space-separated there). A prefix query merges every matching term's doclist before it
 * can skip a row: 火灾 as "火灾"* took 50 ms at 100,000 incidents, as "火灾" 1 ms.
 */
export function matchExpression(query: string): string | null {
  return textQuery(query)?.fts ?? null;
}

/** The query's terms and MATCH expression, or null when it has none. */
export function textQuery(query: string): TextQuery | null {
  const terms = queryTerms(query);
  if (!terms.length) return null;
  const fts = terms.map((t) => ('phrase' in t ? quote(t.phrase.join(' ')) : `${quote(t.prefix)}*`)).join(' AND ');
  return { terms, fts };
}
