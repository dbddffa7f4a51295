import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { RVI } from './support/fixtures';
import { call, startTestApp, type TestApp } from './support/test-app';

/** Appends `n` events of about `bytes` each straight into the store (the feed's load). */
async function pad(t: TestApp, n: number, bytes: number): Promise<void> {
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => ({
      id: randomUUID(),
      type: 'FeedPadding',
      data: { pad: 'x'.repeat(bytes) },
    }));
    await t.store.append('padding-1', batch);
  }
}

/** A feed over a raw socket that reads only when told to: a client that may never read. */
function rawFeed(port: number, token: string, query: string): Socket {
  const socket = connect(port, '127.0.0.1');
  socket.write(
    `GET /v1/events/stream${query} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`,
  );
  socket.pause();
  return socket;
}

const ids = (text: string): number[] =>
  [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Finding 11 (second half): 40 live-feed clients that never read held +256 MB: no
// backpressure, no connection cap, and a feed without a start position replayed the ledger.
describe('finding 11: live feed limits', () => {
  let t: TestApp;
  let port = 0;
  let token = '';

  beforeAll(async () => {
    t = await startTestApp({
      LEDGER_FEED_MAX_CLIENTS: '3',
      LEDGER_FEED_MAX_BUFFER_BYTES: '262144',
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
    token = await t.token('regulator', 'reg-1', RVI);
    await pad(t, 3, 10);
  });
  afterAll(() => t.close());

  it('is live only without a start position; ?from= and Last-Event-ID replay', async () => {
    const live = rawFeed(port, token, '');
    const replay = rawFeed(port, token, '?from=1');
    await sleep(300);
    const head = await t.store.count();
    await pad(t, 1, 10);
    await sleep(500);
    const texts = ['', ''];
    [live, replay].forEach((s, i) => {
      s.setEncoding('utf8').on('data', (c: string) => (texts[i] += c));
      s.resume();
    });
    await sleep(300);
    live.destroy();
    replay.destroy();
    expect(ids(texts[0]!)).toEqual([head]);
    expect(ids(texts[1]!)).toEqual([1, 2, head]);
  });

  it('refuses a feed past LEDGER_FEED_MAX_CLIENTS with 503 problem+json, and takes one again once a feed ends', async () => {
    const open = [rawFeed(port, token, ''), rawFeed(port, token, ''), rawFeed(port, token, '')];
    await sleep(300);
    const refused = await call(t.app, 'GET', '/v1/events/stream', undefined, { token });
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body['code']).toBe('TOO_MANY_FEEDS');
    open.pop()!.destroy();
    await sleep(300);
    const again = rawFeed(port, token, '');
    let text = '';
    again.setEncoding('utf8').on('data', (c: string) => (text += c));
    again.resume();
    await sleep(300);
    expect(text).toMatch(/^HTTP\/1.1 200/);
    for (const s of [...open, again]) s.destroy();
    await sleep(200);
  });

  it('stops sending to a client that does not read, and resumes with no gap when it does', async () => {
    const from = await t.store.count();
    const slow = rawFeed(port, token, `?from=${from}`);
    await sleep(200);
    await pad(t, 400, 24 * 1024); // ~10 MB: more than the socket buffers hold
    await sleep(1_000);
    expect(slow.destroyed).toBe(false); // waited on, not disconnected
    let text = '';
    slow.setEncoding('utf8').on('data', (c: string) => (text += c));
    slow.resume();
    const last = from + 399;
    for (let i = 0; i < 400 && !text.includes(`id: ${last}\n`); i++) await sleep(50);
    slow.destroy();
    const seen = ids(text);
    expect(seen).toEqual(Array.from({ length: 400 }, (_, i) => from + i));
  }, 90_000);

  it('disconnects a client whose unsent bytes pass LEDGER_FEED_MAX_BUFFER_BYTES', async () => {
    const from = await t.store.count();
    const stuck = rawFeed(port, token, `?from=${from}`);
    await sleep(200);
    await pad(t, 30, 1024 * 1024); // each event alone passes the 256 KiB cap once buffers fill
    await sleep(1_000);
    // Reading now drains what the kernel held, then meets the end: it was cut off.
    let text = '';
    stuck.on('error', () => undefined);
    const closed = new Promise<string>((resolve) => stuck.on('close', () => resolve('closed')));
    stuck.setEncoding('utf8').on('data', (c: string) => (text += c));
    stuck.resume();
    await expect(Promise.race([closed, sleep(20_000)])).resolves.toBe('closed');
    expect(ids(text).length).toBeLessThan(30);
  }, 90_000);
});
