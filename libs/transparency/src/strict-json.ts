// RFC 8259 JSON, parsed strictly for verifiers: duplicate member names are an error (JSON.parse
// keeps the last silently, so two readers could see two documents), nesting is bounded, and
// the lexical form of every number is kept, so `19.0` can be refused where an integer is meant.

export class StrictJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'StrictJsonError';
  }
}

export interface StrictJson {
  value: unknown;
  /** JSON Pointers (RFC 6901) of numbers written with a fraction or an exponent. */
  nonIntegerLexemes: ReadonlySet<string>;
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// A string token: no raw control characters, only the escapes RFC 8259 allows.
// eslint-disable-next-line no-control-regex -- matching the controls RFC 8259 forbids is the point
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const WS = /[ \t\n\r]*/y;

const pointer = (path: string, key: string | number): string =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

export function parseStrictJson(text: string): StrictJson {
  const nonInteger = new Set<string>();
  let at = 0;

  const skip = (): void => {
    WS.lastIndex = at;
    WS.exec(text);
    at = WS.lastIndex;
  };
  const token = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) return undefined;
    at = re.lastIndex;
    return m[0];
  };
  const expect = (ch: string): void => {
    if (text[at] !== ch) throw new StrictJsonError(`expected '${ch}'`, at);
    at++;
  };
  const string = (): string => {
    const raw = token(STRING);
    if (raw === undefined) throw new StrictJsonError('invalid string', at);
    return JSON.parse(raw) as string;
  };

  const value = (path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new StrictJsonError('nesting too deep', at);
    skip();
    const c = text[at];
    if (c === '{') {
      at++;
      const out: Record<string, unknown> = {};
      skip();
      if (text[at] === '}') {
        at++;
        return out;
      }
      for (;;) {
        skip();
        const start = at;
        const key = string();
        if (Object.prototype.hasOwnProperty.call(out, key))
          throw new StrictJsonError(`duplicate member '${key}'`, start);
        skip();
        expect(':');
        Object.defineProperty(out, key, {
          value: value(pointer(path, key), depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        expect('}');
        return out;
      }
    }
    if (c === '[') {
      at++;
      const out: unknown[] = [];
      skip();
      if (text[at] === ']') {
        at++;
        return out;
      }
      for (;;) {
        out.push(value(pointer(path, out.length), depth + 1));
        skip();
        if (text[at] === ',') {
          at++;
          continue;
        }
        expect(']');
        return out;
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return v;
      }
    }
    const start = at;
    const n = token(NUMBER);
    if (n === undefined) throw new StrictJsonError('unexpected character', at);
    if (/[.eE]/.test(n)) nonInteger.add(path);
    const parsed = Number(n);
    if (!Number.isFinite(parsed)) throw new StrictJsonError('number out of range', start);
    return parsed;
  };

  const result = value('', 0);
  skip();
  if (at !== text.length) throw new StrictJsonError('trailing characters', at);
  return { value: result, nonIntegerLexemes: nonInteger };
}
