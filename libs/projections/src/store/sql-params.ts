/**
 * `?` placeholders of SQL written for SQLite, split once so a statement can be sent to
 * PostgreSQL with `$n` parameters, or with its values written in as literals (queued writes
 * go as one multi-statement text: one round trip for a whole batch).
 */
export class SqlTemplate {
  /** The text around each `?`: parts.length - 1 placeholders. */
  private readonly parts: string[];
  readonly numbered: string;

  constructor(readonly sql: string) {
    this.parts = splitOnPlaceholders(sql);
    this.numbered = this.parts.reduce((out, part, i) => (i === 0 ? part : `${out}$${i}${part}`));
  }

  get placeholders(): number {
    return this.parts.length - 1;
  }

  /** The statement with each value written in as a PostgreSQL literal. */
  inline(params: readonly unknown[]): string {
    let out = this.parts[0]!;
    for (let i = 1; i < this.parts.length; i++) out += literal(params[i - 1]) + this.parts[i]!;
    return out;
  }
}

/** better-sqlite3 binds an array argument's elements: `run(row)` equals `run(...row)`. */
export function flattenParams(params: readonly unknown[]): unknown[] {
  return params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : [...params];
}

function splitOnPlaceholders(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '?') {
      parts.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(sql.slice(start));
  return parts;
}

/**
 * A value as a PostgreSQL literal. Strings with a backslash use the E'' form (correct whatever
 * standard_conforming_strings is); bytes are decoded from hex; U+0000 cannot be stored in text.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot store ${value}`);
    return signed(String(value));
  }
  if (typeof value === 'bigint') return signed(String(value));
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new TypeError('PostgreSQL text cannot hold U+0000');
    const quoted = `'${value.replace(/'/g, "''")}'`;
    return value.includes('\\') ? `E${quoted.replace(/\\/g, '\\\\')}` : quoted;
  }
  if (value instanceof Uint8Array)
    return `decode('${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}', 'hex')`;
  throw new TypeError(`cannot bind a ${typeof value}`);
}

/** A negative number in parentheses: `x-?` with -1 written in would start a `--` comment. */
function signed(text: string): string {
  return text.startsWith('-') ? `(${text})` : text;
}
