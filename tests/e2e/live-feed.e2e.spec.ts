import { accreditation, enrolment, RVI, SALFORD, thrombectomyCase } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

interface FeedEvent {
  id: number;
  type: string;
  streamId: string;
}

interface FeedFrame extends FeedEvent {
  data: Record<string, unknown>;
  /** The frame's `data:` line as sent. */
  text: string;
}

async function readFeed(...args: Parameters<typeof readFrames>): Promise<FeedEvent[]> {
  return (await readFrames(...args)).map(({ id, type, streamId }) => ({ id, type, streamId }));
}

/**
 * Opens the feed over a real socket and collects `count` events, or those up to position `last`
 * (a feed never ends by itself). The deadline `ms` only turns a hang into a short list.
 */
async function readFrames(
  base: string,
  token: string,
  query = '',
  lastEventId?: string,
  count = 100,
  ms = 30_000,
  last = Infinity,
): Promise<FeedFrame[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: FeedFrame[] = [];
  try {
    const res = await fetch(`${base}/v1/events/stream${query}`, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const id = /^id: (\d+)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (id && data) {
          const parsed = JSON.parse(data) as Omit<FeedFrame, 'id' | 'text'>;
          events.push({
            id: Number(id),
            type: parsed.type,
            streamId: parsed.streamId,
            data: parsed.data,
            text: data,
          });
        }
      }
      if (events.length >= count || (events.at(-1)?.id ?? -1) >= last) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('live feed (server-sent events)', () => {
  let t: TestApp;
  let base = '';

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const admin = await t.token('admin', 'adm-1', RVI);
    const post = async (url: string, body: unknown, token: string): Promise<void> => {
      const res = await call(t.app, 'POST', url, body, { token });
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
    };
    await post('/v1/trainees', enrolment('trn-kim'), admin); // 0
    await post('/v1/trainees', enrolment('trn-lee', { institutionId: SALFORD }), admin); // 1
    await post(
      '/v1/supervisors/sup-ann/accreditations',
      accreditation({ institutionIds: [RVI, SALFORD] }),
      admin,
    ); // 2
    await post('/v1/cases', thrombectomyCase(), await t.token('trainee', 'trn-kim', RVI)); // 3
    await post(
      '/v1/cases',
      thrombectomyCase({ institutionId: SALFORD }),
      await t.token('trainee', 'trn-lee', SALFORD),
    ); // 4
  });
  afterAll(() => t.close());

  it('replays everything in global order for a read-everything role, then resumes after Last-Event-ID', async () => {
    const token = await t.token('regulator', 'reg-1', 'gmc');
    const all = await readFeed(base, token, '?from=0', undefined, 5);
    expect(all.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    const resumed = await readFeed(base, token, '', '2', 2);
    expect(resumed.map((e) => e.id)).toEqual([3, 4]);
  });

  it('delivers events appended while connected, filtered by category', async () => {
    const token = await t.token('regulator', 'reg-1', 'gmc');
    const feed = readFeed(base, token, '?category=case', '4', 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = await call(
      t.app,
      'POST',
      '/v1/cases',
      thrombectomyCase({ localRef: 'MT-LIVE' }),
      { token: await t.token('trainee', 'trn-kim', RVI) },
    );
    expect(logged.status).toBe(201);
    const events = await feed;
    expect(events).toEqual([
      { id: 5, type: 'CaseLogged', streamId: String(logged.body['streamId']) },
    ]);
  });

  it('keeps each caller to their read scope', async () => {
    const own = await readFeed(
      base,
      await t.token('trainee', 'trn-kim', RVI),
      '?category=case,trainee&from=0',
      undefined,
      3,
    );
    expect(own.map((e) => e.id)).toEqual([0, 3, 5]);
    const auditor = await readFeed(
      base,
      await t.token('trust-auditor', 'aud-9', SALFORD),
      '?from=0',
      undefined,
      3,
    );
    expect(auditor.map((e) => e.id)).toEqual([1, 2, 4]);
  });

  it('refuses a malformed Last-Event-ID', async () => {
    const res = await call(t.app, 'GET', '/v1/events/stream', undefined, {
      token: await t.token('admin', 'adm-1'),
      headers: { 'last-event-id': 'abc' },
    });
    expect(res.status).toBe(400);
  });

  it("opens personal fields only for the record's readers, redacts them for others, never sends ciphertext", async () => {
    const admin = await t.token('admin', 'adm-1', RVI);
    const pat = await t.token('trainee', 'trn-pat', RVI);
    const from = await t.store.count();
    const post = async (url: string, body: unknown, token: string): Promise<void> => {
      const res = await call(t.app, 'POST', url, body, { token });
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
    };
    await post('/v1/trainees', enrolment('trn-pat'), admin);
    await post('/v1/cases', thrombectomyCase({ notes: 'FEED-CASE-MARKER' }), pat);
    await post(
      '/v1/trainees/trn-pat/assessment-requests',
      { assessorId: 'sup-ann', assessmentType: 'Rad-DOPS', note: 'FEED-NOTE-MARKER' },
      pat,
    );
    const seen = async (token: string, at = from): Promise<Map<string, FeedFrame>> => {
      // Up to the newest event: every reader here sees it (the request, or the erasure).
      const last = (await t.store.count()) - 1;
      const frames = await readFrames(base, token, `?from=${at}`, undefined, 100, 30_000, last);
      for (const f of frames) expect(f.text).not.toContain('enc:pd1:');
      return new Map(frames.map((f) => [f.type, f]));
    };
    const field = (frames: Map<string, FeedFrame>, type: string, name: string): unknown =>
      frames.get(type)?.data[name];

    // The trainee and the supervisor asked read both; a director of the trust reads the case
    // (as on the trainee's record) but not a note addressed to someone else.
    for (const token of [pat, await t.token('supervisor', 'sup-ann', RVI)]) {
      const frames = await seen(token);
      expect(field(frames, 'CaseLogged', 'notes')).toBe('FEED-CASE-MARKER');
      expect(field(frames, 'AssessmentRequested', 'note')).toBe('FEED-NOTE-MARKER');
    }
    const director = await seen(await t.token('medical-director', 'md-1', RVI));
    expect(field(director, 'CaseLogged', 'notes')).toBe('FEED-CASE-MARKER');
    expect(field(director, 'AssessmentRequested', 'note')).toBe('[redacted]');
    // The trainee's record applies the same rule to the note.
    const noteOnRecord = async (token: string): Promise<unknown> => {
      const record = await call(t.app, 'GET', '/v1/trainees/trn-pat', undefined, { token });
      const history = record.body['history'] as { type: string; data: Record<string, unknown> }[];
      return history.find((e) => e.type === 'AssessmentRequested')?.data['note'];
    };
    expect(await noteOnRecord(await t.token('medical-director', 'md-1', RVI))).toBe('[redacted]');
    expect(await noteOnRecord(await t.token('supervisor', 'sup-ann', RVI))).toBe(
      'FEED-NOTE-MARKER',
    );
    // No view shows a supervisor's GMC number: the feed redacts it for every reader.
    const regulator = await t.token('regulator', 'reg-1', 'gmc');
    const whole = await seen(regulator, 0);
    expect(field(whole, 'SupervisorAccredited', 'gmcNumber')).toBe('[redacted]');
    expect(field(whole, 'SupervisorAccredited', 'supervisorId')).toBe('sup-ann');

    const erased = await call(
      t.app,
      'POST',
      '/v1/subjects/trn-pat/erasures',
      { reason: 'Subject request under Art. 17' },
      { token: await t.token('data-protection', 'dpo-1') },
    );
    expect(erased.status).toBe(201);
    const after = await seen(regulator);
    expect(field(after, 'CaseLogged', 'notes')).toBe('[erased]');
    expect(JSON.stringify([...after.values()].map((f) => f.data))).not.toContain('MARKER');
  });
});
