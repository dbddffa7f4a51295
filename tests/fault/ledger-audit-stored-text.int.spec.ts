import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult } from '@inr/ledger';
import { canonicalJson } from '@inr/transparency';
import { auditBothWays } from './audit-both-ways';
import { signedDataDir, type SignedDataDir } from './ledger-fixtures';

/**
 * The audit's workers build leaves from the stored JSON text without parsing it where they can
 * (re-ordering members as text) and parse it where they cannot. Whatever form the text of an
 * untampered event is in, the answer must be the intact ledger's; a tampered one must fail
 * exactly as the single-threaded audit (which always parses) fails.
 */
describe('audit in worker threads over stored text in any form', () => {
  let dir: SignedDataDir;
  let intact: AuditResult;
  beforeAll(async () => {
    dir = await signedDataDir({ cases: 8 });
    intact = (await both()).single;
    expect(intact).toMatchObject({ ok: true, checkpoints: 2 });
  });
  afterAll(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  const both = () => auditBothWays(dir);

  /** Rewrites each event's data text with `rewrite`, runs both audits, then restores it. */
  async function rewritten(rewrite: (data: string, position: number) => string) {
    const db = new Database(join(dir.dataDir, 'events.sqlite'));
    const saved = db.prepare('SELECT position, data FROM events').all() as {
      position: number;
      data: string;
    }[];
    const update = db.prepare('UPDATE events SET data = ? WHERE position = ?');
    try {
      db.transaction(() => {
        for (const row of saved) update.run(rewrite(row.data, row.position), row.position);
      })();
      return await both();
    } finally {
      db.transaction(() => {
        for (const row of saved) update.run(row.data, row.position);
      })();
      db.close();
    }
  }

  const reversed = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reversed)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .reverse()
              .map((k) => [k, reversed((v as Record<string, unknown>)[k])]),
          )
        : v;

  // The forms the text of an untampered event might be found in, each parse-equal to it.
  const forms: ((t: string) => string)[] = [
    (t) => canonicalJson(JSON.parse(t)), // already RFC 8785
    (t) => JSON.stringify(reversed(JSON.parse(t))), // members in reverse key order
    (t) => JSON.stringify(JSON.parse(t), null, 2), // indented, with spaces
    (t) => t.replace(/"([^"\\]*)"/g, (_, body: string) => `"${escapeLetters(body)}"`), // \u0061
    (t) => t, // as the store wrote it
  ];

  it('untampered events stored in any of these forms audit as the intact ledger', async () => {
    const { threaded, single } = await rewritten((t, position) =>
      forms[position % forms.length]!(t),
    );
    expect(threaded).toEqual(intact);
    expect(single).toEqual(intact);
  });

  it.each([
    [
      're-ordered and changed', // built from the text unparsed
      (t: string) => JSON.stringify(reversed(JSON.parse(t))).replace(/"c3"/, '"c4"'),
    ],
    [
      'indented and changed',
      (t: string) => JSON.stringify(JSON.parse(t), null, 2).replace(/"c3"/, '"c4"'),
    ],
  ])('a tampered event stored %s: the same failure at the same leaf', async (_name, change) => {
    const { threaded, single } = await rewritten((t, position) =>
      position === 13 && t.includes('"c3"') ? change(t) : t,
    );
    expect(threaded).toEqual(single);
    expect(threaded).toMatchObject({ ok: false, reason: 'leaf-changed', leafIndex: 13 });
  });
});

/** Letters as \u00xx escapes: the same string, spelt as no canonical writer would. */
function escapeLetters(body: string): string {
  return body.replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
