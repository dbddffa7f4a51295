import { randomUUID } from 'node:crypto';
import { connect, type Server, type Socket } from 'node:net';
import { RVI } from './support/fixtures';
import { until } from '../support/until';
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

interface RawFeed {
  socket: Socket;
  /** Everything received so far, the response head included. */
  text: string;
}

/**
 * A feed over a raw socket, returned once the server has answered (its response head arrived:
 * the feed counts as open and its start position is fixed), then paused: a client that may never
 * read. What it is sent while paused waits in the kernel until `resume()`.
 */
async function rawFeed(port: number, token: string, query: string): Promise<RawFeed> {
  const socket = connect(port, '127.0.0.1');
  const feed: RawFeed = { socket, text: '' };
  socket.setEncoding('utf8').on('data', (c: string) => (feed.text += c));
  socket.write(
    `GET /v1/events/stream${query} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`,
  );
  await until(
    () => feed.text,
    (text) => text.includes('\r\n\r\n'),
  );
  socket.pause();
  return feed;
}

const ids = (text: string): number[] =>
  [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** The HTTP status a raw feed was answered with. */
const status = (feed: RawFeed): number => Number(feed.text.slice(9, 12));

// Finding 11 (second half): 40 live-feed clients that never read held +256 MB: no
// backpressure, no connection cap, and a feed without a start position replayed the ledger.
describe('finding 11: live feed limits', () => {
  let t: TestApp;
  let port = 0;
  let token = '';
  /** The server's end of each connection, by the client's port. */
  const serverSockets = new Map<number, Socket>();
  const openSockets = (): Promise<number> =>
    new Promise((resolve, reject) =>
      (t.app.getHttpServer() as Server).getConnections((e, n) => (e ? reject(e) : resolve(n))),
    );

  beforeAll(async () => {
    t = await startTestApp({
      LEDGER_FEED_MAX_CLIENTS: '3',
      LEDGER_FEED_MAX_BUFFER_BYTES: '262144',
    });
    await t.app.listen(0, '127.0.0.1');
    const server = t.app.getHttpServer() as Server;
    server.on('connection', (socket: Socket) => serverSockets.set(socket.remotePort!, socket));
    port = (server.address() as { port: number }).port;
    token = await t.token('regulator', 'reg-1', RVI);
    await pad(t, 3, 10);
  });
  afterAll(() => t.close());

  it('is live only without a start position; ?from= and Last-Event-ID replay', async () => {
    const live = await rawFeed(port, token, '');
    const replay = await rawFeed(port, token, '?from=1');
    const head = await t.store.count();
    await pad(t, 1, 10);
    for (const feed of [live, replay]) feed.socket.resume();
    await until(
      () => [live.text, replay.text],
      (texts) => texts.every((text) => text.includes(`id: ${head}\n`)),
    );
    live.socket.destroy();
    replay.socket.destroy();
    expect(ids(live.text)).toEqual([head]);
    expect(ids(replay.text)).toEqual([1, 2, head]);
    await until(openSockets, (n) => n === 0);
  });

  it('refuses a feed past LEDGER_FEED_MAX_CLIENTS with 503 problem+json, and takes one again once a feed ends', async () => {
    // Four at once: the cap holds however their requests interleave on the server.
    const feeds = await Promise.all([1, 2, 3, 4].map(() => rawFeed(port, token, '')));
    expect(feeds.map(status).sort()).toEqual([200, 200, 200, 503]);
    const refused = await call(t.app, 'GET', '/v1/events/stream', undefined, { token });
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body['code']).toBe('TOO_MANY_FEEDS');
    const open = feeds.filter((feed) => status(feed) === 200);
    for (const feed of feeds) if (status(feed) === 503) feed.socket.destroy();
    open.pop()!.socket.destroy();
    // Once the server has seen that feed close, a new one is taken.
    await until(openSockets, (n) => n === open.length);
    const again = await rawFeed(port, token, '');
    expect(status(again)).toBe(200);
    for (const feed of [...open, again]) feed.socket.destroy();
    await until(openSockets, (n) => n === 0);
  });

  it('stops sending to a client that does not read, and resumes with no gap when it does', async () => {
    const from = await t.store.count();
    const slow = await rawFeed(port, token, `?from=${from}`);
    await pad(t, 400, 24 * 1024); // ~10 MB: more than the socket buffers hold
    await sleep(1_000);
    expect(slow.socket.destroyed).toBe(false); // waited on, not disconnected
    slow.socket.resume();
    const last = from + 399;
    await until(
      () => slow.text,
      (text) => text.includes(`id: ${last}\n`),
    );
    slow.socket.destroy();
    const seen = ids(slow.text);
    expect(seen).toEqual(Array.from({ length: 400 }, (_, i) => from + i));
  }, 90_000);

  it('disconnects a client whose unsent bytes pass LEDGER_FEED_MAX_BUFFER_BYTES', async () => {
    const from = await t.store.count();
    const stuck = await rawFeed(port, token, `?from=${from}`);
    const serverSide = serverSockets.get(stuck.socket.localPort!)!;
    // Listened for from the start: a reset can close the client's socket before it reads.
    stuck.socket.on('error', () => undefined);
    const closed = new Promise<string>((resolve) =>
      stuck.socket.on('close', () => resolve('closed')),
    );
    await pad(t, 30, 1024 * 1024); // each event alone passes the 256 KiB cap once buffers fill
    // The client has not read a byte: the server cuts it off once the kernel's buffers are full.
    await until(() => serverSide.destroyed, Boolean);
    // Reading now drains what the kernel held, then meets the end: it was cut off.
    stuck.socket.resume();
    await expect(Promise.race([closed, sleep(30_000)])).resolves.toBe('closed');
    expect(ids(stuck.text).length).toBeLessThan(30);
  }, 90_000);
});
