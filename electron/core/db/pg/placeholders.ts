/**
 * Repositories write `?` placeholders (SQLite's); PostgreSQL numbers them (`$1 … $n`). A `?` inside a
 * string literal, a quoted identifier, a comment or a dollar-quoted body is text, not a parameter, so this
 * walks the SQL once rather than replacing blindly. Results are cached per SQL text: repositories reuse a
 * handful of fixed statements.
 */
const cache = new Map<string, { text: string; names: string[] }>();
const CACHE_LIMIT = 2000;

const isIdentChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_$]/u.test(c);

/** The index just past the end of the quoted run that starts at `i` (quote `q`, doubled to escape). */
function skipQuoted(sql: string, i: number, q: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') j += 2;
    else if (c === q) {
      if (sql[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

function skipBlockComment(sql: string, i: number): number {
  // PostgreSQL's block comments nest.
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return j;
}

export function toNumberedParams(sql: string): string {
  return numbered(sql).text;
}

/**
 * `@name` placeholders (statements that list a row's columns) as `$1 … $n` in order of first use, and the
 * values in that order: a name used twice is one parameter.
 */
export function toNumberedNamed(sql: string, values: Readonly<Record<string, unknown>>): [string, unknown[]] {
  const { text, names } = numbered(sql);
  return [text, names.map((n) => values[n])];
}

function numbered(sql: string): { text: string; names: string[] } {
  const hit = cache.get(sql);
  if (hit !== undefined) return hit;
  let out = '';
  let last = 0;
  let n = 0;
  let i = 0;
  const names: string[] = [];
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'") {
      const escaped = (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isIdentChar(sql[i - 2]);
      i = skipQuoted(sql, i, "'", escaped);
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      i = skipBlockComment(sql, i);
    } else if (c === '$' && !isIdentChar(sql[i - 1])) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? sql.length : end + tag[0].length;
      } else i++;
    } else if (c === '?') {
      out += sql.slice(last, i) + '$' + ++n;
      last = ++i;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '') && !isIdentChar(sql[i - 1])) {
      const name = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i, i + 64))![1]!;
      let k = names.indexOf(name);
      if (k < 0) k = names.push(name) - 1;
      out += sql.slice(last, i) + '$' + (k + 1);
      i += name.length + 1;
      last = i;
    } else i++;
  }
  out += sql.slice(last);
  const result = { text: out, names };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sql, result);
  return result;
}
