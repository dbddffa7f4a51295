import { randomUUID } from 'node:crypto';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  IdempotencyConflict,
  InvalidAppend,
  InvalidRead,
  WrongExpectedVersion,
  type EventData,
  type EventStore,
  type JsonObject,
} from '@inr/event-store';
import { encodeLeaf } from '@inr/transparency';

const ISO_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const stream = (category = 'case'): string => `${category}-${randomUUID()}`;
const event = (
  data: JsonObject = { n: 1 },
  type = 'CaseLogged',
  metadata?: JsonObject,
): EventData => ({
  id: randomUUID(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

/**
 * The behaviour every EventStore adapter owes its callers. Tests tolerate a store that already
 * holds events (a shared EventStoreDB): they use fresh stream ids and positions relative to count().
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('reads back what was appended, with revisions, positions and a store-set recordedAt', async () => {
      const id = stream();
      const first = event(
        { caseNo: 7, tags: ['a', 'b'], nested: { ok: true, none: null } },
        'CaseLogged',
        {
          actor: 'u-1',
        },
      );
      const second = event({ caseNo: 8 }, 'CaseSignedOff');
      const before = Date.now();
      const result = await store.append(id, [first, second], { expectedRevision: 'no_stream' });
      const read = await store.readStream(id);

      expect(result).toEqual({
        streamId: id,
        nextExpectedRevision: 1,
        firstPosition: result.firstPosition,
        lastPosition: result.firstPosition + 1,
      });
      expect(
        read.map((e) => [e.streamId, e.revision, e.position, e.id, e.type, e.data, e.metadata]),
      ).toEqual([
        [id, 0, result.firstPosition, first.id, 'CaseLogged', first.data, { actor: 'u-1' }],
        [id, 1, result.lastPosition, second.id, 'CaseSignedOff', second.data, {}],
      ]);
      for (const e of read) {
        expect(e.recordedAt).toMatch(ISO_MS_UTC);
        expect(Date.parse(e.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      }
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('enforces any, no_stream, stream_exists and exact revisions, reporting the actual revision', async () => {
      const id = stream();
      await expect(
        store.append(id, [event()], { expectedRevision: 'stream_exists' }),
      ).rejects.toMatchObject({
        constructor: WrongExpectedVersion,
        streamId: id,
        actual: -1,
      });
      await expect(store.append(id, [event()], { expectedRevision: 3 })).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      await store.append(id, [event()], { expectedRevision: 'no_stream' });
      await store.append(id, [event()], { expectedRevision: 0 });
      await store.append(id, [event()], { expectedRevision: 'stream_exists' });
      await store.append(id, [event()], { expectedRevision: 'any' });
      await store.append(id, [event()]);
      const error: unknown = await store
        .append(id, [event()], { expectedRevision: 'no_stream' })
        .catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 4 });
      await expect(store.append(id, [event()], { expectedRevision: 2 })).rejects.toMatchObject({
        expected: 2,
        actual: 4,
      });
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('lets exactly one of 20 concurrent appends at the same expected revision win', async () => {
      const id = stream('trainee');
      await store.append(id, [event()], { expectedRevision: 'no_stream' });
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.append(id, [event({ attempt: i })], { expectedRevision: 0 }),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const reason of lost)
        expect(reason).toMatchObject({ constructor: WrongExpectedVersion, actual: 1 });
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('treats re-appending the same ids as a no-op returning the original result', async () => {
      const id = stream();
      const events = [event({ n: 1 }), event({ n: 2 })];
      await store.append(id, [event({ n: 0 })]);
      const original = await store.append(id, events, { expectedRevision: 0 });
      const countAfter = await store.count();

      expect(await store.append(id, events, { expectedRevision: 0 })).toEqual(original);
      expect(await store.append(id, events, { expectedRevision: 'no_stream' })).toEqual(original);
      expect(await store.append(id, events)).toEqual(original);
      expect(await store.count()).toBe(countAfter);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([
        expect.any(String),
        ...events.map((e) => e.id),
      ]);
    });

    it('rejects an append that overlaps earlier ones only partly, writing nothing', async () => {
      const id = stream();
      const [a, b] = [event(), event()];
      await store.append(id, [a, b]);
      const countAfter = await store.count();
      const fresh = event();
      await expect(store.append(id, [b, fresh])).rejects.toMatchObject({
        constructor: IdempotencyConflict,
        eventId: b.id,
      });
      await expect(store.append(id, [b, a])).rejects.toBeInstanceOf(IdempotencyConflict);
      await expect(store.append(stream(), [a, b])).rejects.toBeInstanceOf(IdempotencyConflict);
      expect(await store.count()).toBe(countAfter);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([a.id, b.id]);
    });

    it('keeps one gap-free global order across streams, recordedAt never going back', async () => {
      const base = await store.count();
      const streams = [stream('case'), stream('trainee'), stream('supervisor')];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          store.append(streams[i % 3]!, [event({ i }), event({ i, second: true })]),
        ),
      );
      const all = await store.readAll({ fromPosition: base });

      expect(await store.count()).toBe(base + 60);
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: 60 }, (_, i) => base + i));
      for (const result of results) expect(result.lastPosition).toBe(result.firstPosition + 1);
      const times = all.map((e) => Date.parse(e.recordedAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      for (const id of streams) {
        expect((await store.readStream(id)).map((e) => e.revision)).toEqual(
          Array.from({ length: 20 }, (_, i) => i),
        );
      }
    });

    it('reads $all from the middle, forwards and backwards, and streams backwards', async () => {
      const id = stream();
      const { firstPosition: p } = await store.append(
        id,
        Array.from({ length: 10 }, (_, n) => event({ n })),
      );

      const forwards = await store.readAll({ fromPosition: p + 3, maxCount: 4 });
      expect(forwards.map((e) => e.position)).toEqual([p + 3, p + 4, p + 5, p + 6]);
      const backwards = await store.readAll({
        direction: 'backwards',
        fromPosition: p + 5,
        maxCount: 3,
      });
      expect(backwards.map((e) => e.position)).toEqual([p + 5, p + 4, p + 3]);
      const head = await store.readAll({ direction: 'backwards', maxCount: 1 });
      expect(head.map((e) => e.position)).toEqual([(await store.count()) - 1]);

      const streamBack = await store.readStream(id, {
        direction: 'backwards',
        fromRevision: 6,
        maxCount: 2,
      });
      expect(streamBack.map((e) => e.data)).toEqual([{ n: 6 }, { n: 5 }]);
      const streamTail = await store.readStream(id, { direction: 'backwards', maxCount: 2 });
      expect(streamTail.map((e) => e.revision)).toEqual([9, 8]);
      const streamFrom = await store.readStream(id, { fromRevision: 8 });
      expect(streamFrom.map((e) => e.revision)).toEqual([8, 9]);
      await expect(store.readStream(id, { fromRevision: -1 })).rejects.toBeInstanceOf(InvalidRead);
      await expect(store.readAll({ maxCount: 1.5 })).rejects.toBeInstanceOf(InvalidRead);
    });

    it('reads events at given positions: ascending, each once, unknown ones left out', async () => {
      // Interleaved streams, so an adapter that reads by stream must merge back into global order.
      const streams = [stream('case'), stream('trainee')];
      const { firstPosition: p } = await store.append(streams[0]!, [event({ n: 0 })]);
      for (let n = 1; n < 12; n++) await store.append(streams[n % 2]!, [event({ n })]);
      const all = await store.readAll({ fromPosition: p, maxCount: 12 });
      const at = (...offsets: number[]) => offsets.map((o) => all[o]!);

      expect(await store.readPositions([p + 3, p + 4, p + 8])).toEqual(at(3, 4, 8));
      expect(await store.readPositions([p + 9, p + 1, p + 6, p + 2])).toEqual(at(1, 2, 6, 9));
      expect(await store.readPositions([p + 5, p + 5, p + 2, p + 5])).toEqual(at(2, 5));
      const head = await store.count();
      expect(await store.readPositions([head + 5, p + 7, head, 2 ** 40])).toEqual(at(7));
      expect(await store.readPositions([])).toEqual([]);
      for (const bad of [-1, 1.5, NaN, '3'])
        await expect(store.readPositions([p, bad as number])).rejects.toBeInstanceOf(InvalidRead);
    });

    it('reads more positions than one internal chunk', async () => {
      const id = stream();
      const { firstPosition: p } = await store.append(
        id,
        Array.from({ length: 1201 }, (_, n) => event({ n })),
      );
      const wanted = Array.from({ length: 1201 }, (_, n) => p + 1200 - n);
      const read = await store.readPositions(wanted);
      expect(read.map((e) => e.position)).toEqual([...wanted].reverse());
      expect(read.map((e) => e.data['n'])).toEqual(Array.from({ length: 1201 }, (_, n) => n));
    });

    it('delivers every event exactly once, in order, across catch-up and live under concurrent writes', async () => {
      const base = await store.count();
      const streams = [stream(), stream('trainee')];
      for (let i = 0; i < 10; i++)
        await store.append(streams[i % 2]!, [event({ phase: 'before', i })]);
      const received = firstValueFrom(
        store.subscribeToAll({ fromPosition: base }).pipe(take(70), toArray()),
      );
      const writers = Array.from({ length: 30 }, (_, i) =>
        store.append(streams[i % 2]!, [
          event({ phase: 'during', i }),
          event({ phase: 'during', i, b: 1 }),
        ]),
      );
      await Promise.all(writers);
      const events = await received;

      expect(events.map((e) => e.position)).toEqual(Array.from({ length: 70 }, (_, i) => base + i));
      const written = await store.readAll({ fromPosition: base, maxCount: 70 });
      expect(events.map((e) => e.id)).toEqual(written.map((e) => e.id));
    });

    it('stops delivering after unsubscribe', async () => {
      const base = await store.count();
      const seen: number[] = [];
      const subscription = store
        .subscribeToAll({ fromPosition: base })
        .subscribe((e) => seen.push(e.position));
      await store.append(stream(), [event()]);
      await waitFor(() => seen.length === 1);
      subscription.unsubscribe();
      await store.append(stream(), [event()]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(seen).toEqual([base]);
    });

    it('stores a 1 MiB event and non-ASCII text unchanged', async () => {
      const id = stream();
      const big = { blob: 'x'.repeat(1024 * 1024) };
      const text = {
        emoji: '🧠🩺👩🏽‍⚕️',
        combining: 'Cafe\u0301 n\u0303',
        rtl: 'مرحبا بالعالم שלום',
        mixed: '\u202Eabc\u202C \u0000 nul',
      };
      await store.append(id, [event(big, 'BigThing'), event(text, 'Über✓', { note: 'ñ€' })]);
      const [readBig, readText] = await store.readStream(id);
      expect(readBig?.data).toEqual(big);
      expect(readText?.data).toEqual(text);
      expect(readText?.type).toBe('Über✓');
      expect(readText?.metadata).toEqual({ note: 'ñ€' });
    });

    describe('refuses input that can never be stored, writing nothing', () => {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic['self'] = cyclic;
      const id = randomUUID();
      const bad: [string, () => [string, unknown[], unknown?]][] = [
        ['empty stream id', () => ['', [event()]]],
        ['whitespace stream id', () => ['   ', [event()]]],
        ['stream id without category', () => [randomUUID().replace(/-/g, ''), [event()]]],
        ['stream id with a space', () => ['case-a b', [event()]]],
        ['system stream id', () => ['$case-1', [event()]]],
        ['non-UUID event id', () => [stream(), [{ ...event(), id: 'not-a-uuid' }]]],
        [
          'duplicate ids in one append',
          () => [
            stream(),
            [
              { ...event(), id },
              { ...event(), id },
            ],
          ],
        ],
        ['empty type', () => [stream(), [{ ...event(), type: '' }]]],
        ['whitespace type', () => [stream(), [{ ...event(), type: ' \t' }]]],
        ['function in data', () => [stream(), [{ ...event(), data: { f: () => 1 } }]]],
        ['undefined in data', () => [stream(), [{ ...event(), data: { u: undefined } }]]],
        ['NaN in data', () => [stream(), [{ ...event(), data: { n: NaN } }]]],
        ['Infinity in metadata', () => [stream(), [{ ...event(), metadata: { n: Infinity } }]]],
        ['cycle in data', () => [stream(), [{ ...event(), data: cyclic }]]],
        ['BigInt in data', () => [stream(), [{ ...event(), data: { b: BigInt(1) } }]]],
        ['Date in data', () => [stream(), [{ ...event(), data: { d: new Date() } }]]],
        ['array as data', () => [stream(), [{ ...event(), data: [1, 2] }]]],
        ['no events', () => [stream(), []]],
        ['negative expected revision', () => [stream(), [event()], -1]],
        ['non-integer expected revision', () => [stream(), [event()], 1.5]],
        ['unknown expected state', () => [stream(), [event()], 'sometimes']],
        // Finding 1: what the Merkle log cannot hash (RFC 8785 has no form for it) never enters.
        ['lone high surrogate in data', () => [stream(), [event({ notes: 'a\ud800b' })]]],
        ['lone low surrogate in data', () => [stream(), [event({ notes: ['\udc00'] })]]],
        ['reversed surrogate pair in data', () => [stream(), [event({ n: '\udc00\ud800' })]]],
        ['lone surrogate in a data key', () => [stream(), [event({ ['k\ud83d']: 1 })]]],
        ['lone surrogate in metadata', () => [stream(), [event({}, 'T', { by: '\ud800' })]]],
        ['lone surrogate in the type', () => [stream(), [event({}, 'Case\udfffLogged')]]],
        ['lone surrogate in the stream id', () => [`case-x\ud800`, [event()]]],
        ['-Infinity deep in data', () => [stream(), [event({ a: [{ b: -Infinity }] })]]],
        [
          'class instance in metadata',
          () => [stream(), [{ ...event(), metadata: { u: new URL('http://x') } }]],
        ],
      ];
      it.each(bad)('%s', async (_label, make) => {
        const [streamId, events, expectedRevision] = make();
        const before = await store.count();
        const attempt = store.append(
          streamId,
          events as EventData[],
          { expectedRevision } as never,
        );
        await expect(attempt).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.count()).toBe(before);
      });

      it('accepts only what the log can hash: every stored event has a leaf', async () => {
        const id = stream();
        await store.append(id, [event({ pair: '\ud83d\ude00', tiny: 5e-324, big: 1.7e308 })]);
        const [stored] = await store.readStream(id);
        expect(stored?.data).toEqual({ pair: '\ud83d\ude00', tiny: 5e-324, big: 1.7e308 });
        expect(() => encodeLeaf(stored!)).not.toThrow();
      });

      it('writes no part of an append whose later event is bad', async () => {
        const id = stream();
        const good = event();
        await expect(
          store.append(id, [good, { ...event(), data: { n: NaN } }]),
        ).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(id)).toEqual([]);
        await store.append(id, [good], { expectedRevision: 'no_stream' });
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
