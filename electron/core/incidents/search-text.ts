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

/**
 * Text as stored in the index. The last character of a run is added on its own so that every
 * character starts some token, which lets a one-character query match by prefix.
 */
export function indexText(text: string): string {
  return text.replace(CJK, runTokens).replace(/\s+/g, ' ').trim();
}

/**
 * A CJK run's tokens, ` 化工 工厂 厂 `: its bigrams then its last character (a lone character once),
 * built in one pass over its code points (every incident, report and call is indexed; an import
 * indexes a year of them).
 */
function runTokens(run: string): string {
  let out = ' ';
  let prev: string | null = null;
  for (const ch of run) {
    if (prev !== null) out += prev + ch + ' ';
    prev = ch;
  }
  return out + prev + ' ';
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * An FTS5 MATCH expression: every term must be present (AND). CJK runs become bigram phrases,
 * other words prefix matches; FTS syntax in user input is neutralised by quoting.
 */
export function matchExpression(query: string): string | null {
  const terms: string[] = [];
  for (const part of query.split(/\s+/).filter(Boolean)) {
    let rest = part;
    rest = rest.replace(CJK, (run) => {
      // Only a lone character needs a prefix query: a longer run's bigrams are whole tokens in the
      // index (runs are space-separated there). A prefix query merges every matching term's doclist
      // before it can skip a row: 火灾 as "火灾"* took 50 ms at 100,000 incidents, as "火灾" 1 ms.
      terms.push(Array.from(run).length === 1 ? `${quote(run)}*` : quote(bigrams(run).join(' ')));
      return ' ';
    });
    for (const word of rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) terms.push(`${quote(word)}*`);
  }
  return terms.length ? terms.join(' AND ') : null;
}
