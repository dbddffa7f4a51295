/**
 * The RFC 8785 form of a JSON text, worked out on the text itself: exactly
 * `canonicalJson(JSON.parse(text))`, without building the value. Members out of order (as
 * JSON.stringify writes them, in insertion order) are re-ordered as text; everything else must
 * already be in its canonical spelling. This is the audit's fast path over stored events.
 *
 * Undefined when that cannot be told cheaply (whitespace, an escape JSON.stringify would not
 * write, a key with an escape, a number in another spelling, a duplicate key, a nesting too
 * deep for the stack): the caller then parses and canonicalises, which is slower, never
 * different. A text is never given a form other than its parse's canonical one.
 */
export function canonicalJsonText(text: string): string | undefined {
  try {
    rebuilt = undefined;
    if (value(text, 0) !== text.length) return undefined;
    return rebuilt ?? text;
  } catch {
    return undefined;
  }
}

/**
 * True when JSON.stringify(s) is `"${s}"` (nothing to escape, no surrogate at all), i.e. when
 * the canonical form of the string is the string in quotes.
 */
export function needsNoEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

// Each reader takes the index where its token starts and returns the index just past it, or
// -1 when the text there is not canonical JSON as far as it can tell. A reader whose value's
// canonical text differs from its slice of the text leaves that text in `rebuilt` (undefined
// otherwise), for the reader of the enclosing value to use.
let rebuilt: string | undefined;

function value(s: string, i: number): number {
  rebuilt = undefined;
  switch (s.charCodeAt(i)) {
    case 0x7b: // {
      return object(s, i + 1);
    case 0x5b: // [
      return array(s, i + 1);
    case 0x22: // "
      return string(s, i + 1);
    case 0x74: // t
      return s.startsWith('true', i) ? i + 4 : -1;
    case 0x66: // f
      return s.startsWith('false', i) ? i + 5 : -1;
    case 0x6e: // n
      return s.startsWith('null', i) ? i + 4 : -1;
    default:
      return number(s, i);
  }
}

/**
 * Members with no whitespace; sorted by key (UTF-16 code units) as text when they are not
 * already. A duplicate key (JSON.parse keeps the last) is left to the parser.
 */
function object(s: string, i: number): number {
  if (s.charCodeAt(i) === 0x7d) return i + 1;
  // Per member: key start, key end (its closing quote), value start, value end.
  const spans: number[] = [];
  let texts: (string | undefined)[] | undefined; // members whose value was rebuilt
  let sorted = true;
  for (let m = 0; ; m++) {
    if (s.charCodeAt(i) !== 0x22) return -1;
    const start = i + 1;
    const end = plainKey(s, start);
    if (end < 0) return -1;
    if (m > 0 && !keyBefore(s, spans[4 * m - 4]!, spans[4 * m - 3]!, start, end)) sorted = false;
    if (s.charCodeAt(end + 1) !== 0x3a) return -1; // :
    i = value(s, end + 2);
    if (i < 0) return -1;
    spans.push(start, end, end + 2, i);
    if (rebuilt !== undefined) (texts ??= [])[m] = rebuilt;
    const c = s.charCodeAt(i);
    if (c === 0x7d) break;
    if (c !== 0x2c) return -1; // ,
    i++;
  }
  rebuilt = sorted && texts === undefined ? undefined : members(s, spans, texts, sorted);
  return rebuilt === '' ? -1 : i + 1;
}

/** The object's canonical text from its members ('' for a duplicate key). */
function members(
  s: string,
  spans: readonly number[],
  texts: readonly (string | undefined)[] | undefined,
  sorted: boolean,
): string {
  const order = sorted ? undefined : sortedMembers(s, spans);
  if (order === null) return '';
  let out = '{';
  for (let k = 0; k < spans.length / 4; k++) {
    const m = order === undefined ? k : order[k]!;
    const text = texts?.[m];
    // `"key":value` in one slice, or the key and the value's rebuilt text
    const member =
      text === undefined
        ? s.slice(spans[4 * m]! - 1, spans[4 * m + 3])
        : `${s.slice(spans[4 * m]! - 1, spans[4 * m + 1]! + 2)}${text}`;
    out += k === 0 ? member : `,${member}`;
  }
  return `${out}}`;
}

/** Member numbers in key order; null when two keys are equal. */
function sortedMembers(s: string, spans: readonly number[]): number[] | null {
  const n = spans.length / 4;
  const before = (a: number, b: number): boolean =>
    keyBefore(s, spans[4 * a]!, spans[4 * a + 1]!, spans[4 * b]!, spans[4 * b + 1]!);
  const order: number[] = [];
  if (n > 16) {
    for (let m = 0; m < n; m++) order.push(m);
    order.sort((a, b) => (before(a, b) ? -1 : 1));
    for (let k = 1; k < n; k++) if (!before(order[k - 1]!, order[k]!)) return null;
    return order;
  }
  // Insertion sort: objects are small, and this allocates nothing per comparison.
  for (let m = 0; m < n; m++) {
    let k = order.length;
    while (k > 0 && !before(order[k - 1]!, m)) {
      if (!before(m, order[k - 1]!)) return null;
      k--;
    }
    order.splice(k, 0, m);
  }
  return order;
}

function array(s: string, i: number): number {
  if (s.charCodeAt(i) === 0x5d) return i + 1;
  let parts: string[] | undefined; // the items' canonical texts, once one was rebuilt
  const start = i;
  for (let n = 0; ; n++) {
    const from = i;
    i = value(s, i);
    if (i < 0) return -1;
    if (rebuilt !== undefined && parts === undefined) {
      parts = n === 0 ? [] : [s.slice(start, from - 1)]; // the items before, as they were
    }
    parts?.push(rebuilt ?? s.slice(from, i));
    const c = s.charCodeAt(i);
    if (c === 0x5d) break;
    if (c !== 0x2c) return -1;
    i++;
  }
  rebuilt = parts === undefined ? undefined : `[${parts.join(',')}]`;
  return i + 1;
}

/**
 * A key's characters from `i` to its closing quote (returned: the quote's index). Keys with an
 * escape are left to the parser, so the raw characters are the key and compare as such.
 */
function plainKey(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i;
    if (!(c >= 0x20) || c === 0x5c) return -1; // a control, the end of the text, an escape
    if (c >= 0xd800 && c <= 0xdfff) {
      if (!pairAt(s, i, c)) return -1;
      i += 2;
    } else i++;
  }
}

function keyBefore(s: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let k = 0; k < n; k++) {
    const x = s.charCodeAt(a + k);
    const y = s.charCodeAt(b + k);
    if (x !== y) return x < y;
  }
  return aEnd - a < bEnd - b;
}

/** A string's body from `i`; escaped exactly as JSON.stringify escapes, nothing more. */
function string(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      i = escape(s, i + 1);
      if (i < 0) return -1;
    } else if (!(c >= 0x20)) {
      return -1; // an unescaped control, or the end of the text
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (!pairAt(s, i, c)) return -1; // a lone surrogate has no canonical form
      i += 2;
    } else i++;
  }
}

/** A high surrogate at i followed by a low one. */
function pairAt(s: string, i: number, c: number): boolean {
  if (c > 0xdbff) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** After a backslash: \" \\ \b \t \n \f \r, or \u00xx (lowercase) for the other controls. */
function escape(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22 || c === 0x5c || c === 0x62 || c === 0x74 || c === 0x6e || c === 0x66)
    return i + 1;
  if (c === 0x72) return i + 1;
  if (c !== 0x75 || s.charCodeAt(i + 1) !== 0x30 || s.charCodeAt(i + 2) !== 0x30) return -1;
  const high = s.charCodeAt(i + 3) - 0x30;
  const d = s.charCodeAt(i + 4);
  const low = d >= 0x30 && d <= 0x39 ? d - 0x30 : d >= 0x61 && d <= 0x66 ? d - 0x57 : -1;
  if ((high !== 0 && high !== 1) || low < 0) return -1;
  const code = high * 16 + low;
  // These five have short forms, which JSON.stringify uses instead.
  if (code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return -1;
  return i + 5;
}

/**
 * A number is canonical when it is what Number::toString writes for its value, which is also
 * what JSON.parse reads it as. Small integers are recognised without converting.
 */
function number(s: string, i: number): number {
  let end = i;
  let digitsOnly = true;
  for (;;) {
    const c = s.charCodeAt(end);
    if (c >= 0x30 && c <= 0x39) end++;
    else if (c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) {
      digitsOnly = false;
      end++;
    } else break;
  }
  if (end === i) return -1;
  if (digitsOnly && end - i <= 15 && (end - i === 1 || s.charCodeAt(i) !== 0x30)) return end;
  const token = s.slice(i, end);
  return String(Number(token)) === token ? end : -1;
}
