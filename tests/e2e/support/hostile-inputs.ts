import fc from 'fast-check';
import { OBFUSCATED_IDENTIFIERS, obfuscatedNhsNumber } from '@inr/domain/testing';

/** A command route as the hostile-input test sees it: a valid body and what its fields mean. */
export interface RouteSpec {
  url: string;
  token: string;
  valid: Record<string, unknown>;
  /** Free text (notes, reasons): anything goes there except patient identifiers. */
  freeText: string[];
  /** Dates that may not be in the future. */
  pastDates: string[];
  /** Required top-level fields. */
  required: string[];
  /** The path with its id replaced, for path-id attacks (undefined: no id in the path). */
  withPathId?: (id: string) => string;
}

export interface HostileRequest {
  url: string;
  token: string;
  payload: string | Buffer;
  contentType: string;
  label: string;
}

const SQL_AND_SCRIPT = [
  "'; DROP TABLE events; --",
  "1' OR '1'='1",
  '" UNION SELECT * FROM idempotency --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://x/a}',
  '../../etc/passwd',
  '{{7*7}}',
];

/** Valid NHS numbers (mod-11 check digit), formatted as people write them. */
export const nhsNumber = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    fc.constantFrom(' ', '-', ''),
  )
  .map(([digits, sep]) => {
    const sum = digits.reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    const last = check === 11 ? 0 : check;
    const all = [...digits, last === 10 ? 0 : last];
    if (check === 10) all[8] = (all[8]! + 1) % 10; // re-roll the invalid case cheaply
    const s = all.join('');
    return `${s.slice(0, 3)}${sep}${s.slice(3, 6)}${sep}${s.slice(6)}`;
  })
  .filter((n) => {
    const d = n.replace(/\D/g, '').split('').map(Number);
    const sum = d.slice(0, 9).reduce((acc, x, i) => acc + x * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    return check !== 10 && check === d[9];
  });

const nonString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
const wrongFor = (value: unknown): fc.Arbitrary<unknown> => {
  if (typeof value === 'string') return nonString;
  if (typeof value === 'number')
    return fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.constant({}),
    );
  if (typeof value === 'boolean') return fc.oneof(fc.integer(), fc.string(), fc.constant([]));
  if (Array.isArray(value)) return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  return fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
};

const json = (route: RouteSpec, body: unknown, label: string, url = route.url): HostileRequest => ({
  url,
  token: route.token,
  payload: JSON.stringify(body),
  contentType: 'application/json',
  label,
});

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Requests that must all be refused with a 4xx: each breaks at least one rule for sure. */
export function hostileRequest(route: RouteSpec): fc.Arbitrary<HostileRequest> {
  const keys = Object.keys(route.valid);
  const strictStrings = keys.filter(
    (k) => typeof route.valid[k] === 'string' && !route.freeText.includes(k),
  );
  const set = (key: string, value: unknown): Record<string, unknown> => ({
    ...route.valid,
    [key]: value,
  });
  const stringKeys = keys.filter((k) => typeof route.valid[k] === 'string');
  const textTargets = route.freeText.length > 0 ? route.freeText : strictStrings;
  const options: Array<fc.Arbitrary<HostileRequest>> = [
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((k) => !keys.includes(k))
      .map((k) => json(route, set(k, 'extra'), 'extra field')),
    fc
      .constantFrom<unknown>(null, [], 'string', 42, true)
      .map((b) => json(route, b, 'not an object')),
    fc
      .constantFrom('{"a":', '{]', 'null x', '{"a":1}}')
      .map((p) => ({ ...json(route, {}, 'malformed'), payload: p })),
    fc
      .tuple(
        fc.constantFrom(...(keys.length > 0 ? keys : ['x'])),
        fc.integer({ min: 17, max: 3_000 }),
      )
      .map(([k, d]) => json(route, set(k, nested(d)), `deep ${k}`)),
  ];
  if (route.required.length > 0) {
    options.push(
      fc.constantFrom(...route.required).map((k) => {
        const { [k]: _gone, ...rest } = route.valid;
        return json(route, rest, `missing ${k}`);
      }),
    );
  }
  if (keys.length > 0) {
    options.push(
      fc
        .constantFrom(...keys)
        .chain((k) =>
          wrongFor(route.valid[k]).map((v) => json(route, set(k, v), `wrong type ${k}`)),
        ),
    );
  }
  if (stringKeys.length > 0) {
    options.push(
      // Finding 1: a lone surrogate, escaped in the JSON text, has no RFC 8785 leaf encoding.
      fc
        .tuple(
          fc.constantFrom(...stringKeys),
          fc.constantFrom('\\ud800', '\\udfff', '\\udc00\\ud800', 'x\\uDBFFy'),
        )
        .map(([k, escape]) => {
          const marker = 'XXLONESURROGATEXX';
          const payload = JSON.stringify(set(k, `a${marker}`)).replace(marker, escape);
          return { ...json(route, {}, `lone surrogate in ${k}`), payload };
        }),
      fc
        .tuple(fc.constantFrom(...stringKeys), fc.integer({ min: 2_001, max: 300_000 }))
        .map(([k, n]) => json(route, set(k, 'A'.repeat(n)), `huge ${k}`)),
    );
  }
  if (textTargets.length > 0) {
    options.push(
      fc
        .constantFrom(...textTargets)
        .chain((k) =>
          fc
            .tuple(nhsNumber, fc.string({ maxLength: 20 }))
            .map(([n, pad]) => json(route, set(k, `Pt ${n} ${pad}`), `NHS number in ${k}`)),
        ),
      // Finding 6: NHS numbers in any digit system, with any separators or invisible characters,
      // glued to letters; dates of birth, hospital numbers and names behind looser labels.
      fc
        .tuple(fc.constantFrom(...textTargets), obfuscatedNhsNumber)
        .map(([k, n]) => json(route, set(k, n), `obfuscated NHS number in ${k}`)),
      fc
        .tuple(fc.constantFrom(...textTargets), fc.constantFrom(...OBFUSCATED_IDENTIFIERS))
        .map(([k, [label, text]]) => json(route, set(k, `Seen. ${text}`), `${label} in ${k}`)),
    );
  }
  if (strictStrings.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...strictStrings), fc.constantFrom(...SQL_AND_SCRIPT))
        .map(([k, s]) => json(route, set(k, s), `injection in ${k}`)),
      fc.constantFrom(...strictStrings).map((k) => {
        const marker = 'XXINVALIDUTF8XX';
        const [before, after] = JSON.stringify(set(k, marker)).split(marker) as [string, string];
        const payload = Buffer.concat([
          Buffer.from(before),
          Buffer.from([0x41, 0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from(after),
        ]);
        return {
          url: route.url,
          token: route.token,
          payload,
          contentType: 'application/json',
          label: `invalid UTF-8 in ${k}`,
        };
      }),
    );
  }
  if (route.pastDates.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...route.pastDates), fc.integer({ min: 1, max: 4_000 }))
        .map(([k, days]) =>
          json(
            route,
            set(k, new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)),
            `future ${k}`,
          ),
        ),
      fc
        .tuple(
          fc.constantFrom(...route.pastDates),
          fc.constantFrom('2026-02-30', '2025-13-01', '01/02/2025', '2025-1-1', ''),
        )
        .map(([k, d]) => json(route, set(k, d), `bad date ${k}`)),
    );
  }
  if (route.withPathId) {
    const withPathId = route.withPathId;
    options.push(
      fc
        .constantFrom(...SQL_AND_SCRIPT, 'a'.repeat(129), '..', 'x y')
        .map((id) => json(route, route.valid, 'bad path id', withPathId(encodeURIComponent(id)))),
    );
  }
  return fc.oneof(...options);
}
