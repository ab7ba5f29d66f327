/**
 * A small JSON reader that remembers the line of every value, so an import error can name the line
 * as well as the field ("line 42, plans.0.levels.III.2.limitMinutes"). JSON.parse gives neither.
 */
export interface LocatedJson {
  value: unknown;
  /** Line (1-based) of the value at a dotted path such as `plans.0.name`; '' is the root. */
  lines: Map<string, number>;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(`JSON syntax error at ${line}:${column}`);
  }
}

export function parseJsonWithLines(text: string): LocatedJson {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (): never => {
    throw new JsonSyntaxError(line, pos - lineStart + 1);
  };
  /** Consumes `c` or fails pointing at the unexpected character. */
  const expect = (c: string) => {
    if (text[pos] !== c) fail();
    pos++;
  };
  const skipSpace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\uFEFF') break;
      pos++;
    }
  };
  const readString = (): string => {
    // eslint-disable-next-line no-control-regex -- raw control characters are not allowed in JSON strings
    const m = /^"(?:[^"\\\n\r\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(
      text.slice(pos, pos + 1_000_000),
    );
    if (!m) return fail();
    pos += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (path: string, depth = 0): unknown => {
    skipSpace();
    if (depth > 64) fail();
    lines.set(path, line);
    const c = text[pos];
    const child = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === '}') return (pos++, obj);
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail();
        const key = readString();
        skipSpace();
        expect(':');
        obj[key] = value(child(key), depth + 1);
        skipSpace();
        if (text[pos] === '}') return (pos++, obj);
        expect(',');
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') return (pos++, arr);
      for (;;) {
        arr.push(value(child(arr.length), depth + 1));
        skipSpace();
        if (text[pos] === ']') return (pos++, arr);
        expect(',');
      }
    }
    if (c === '"') return readString();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(pos, pos + 400));
    if (!m) return fail();
    pos += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };

  const result = value('');
  skipSpace();
  if (pos < text.length) fail();
  return { value: result, lines };
}

/** The line of the closest located ancestor of `path` (a missing field is reported at its parent). */
export function lineOf(lines: Map<string, number>, path: string): number {
  let p = path;
  for (;;) {
    const l = lines.get(p);
    if (l !== undefined) return l;
    if (p === '') return 1;
    const cut = p.lastIndexOf('.');
    p = cut < 0 ? '' : p.slice(0, cut);
  }
}
