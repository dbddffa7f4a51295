import { connect, type Socket } from 'node:net';
import { startLedgerServer, type LedgerServer } from './ledger-server';

const MiB = 1024 * 1024;
const CLIENTS = 100;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Finding 11: 40 live-feed clients that never read held +256 MB. The server runs in a child
// process so that its resident memory is its own; 100 clients connect and never read a byte
// while the ledger grows by 200 events of 16 KiB (3 MiB per client, 300 MiB unthrottled).
describe('finding 11: live-feed clients that never read', () => {
  let server: LedgerServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startLedgerServer();
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await server?.stop();
  });

  it(`keep the server's RSS growth under 64 MiB with ${CLIENTS} of them`, async () => {
    const { port } = new URL(server.url);
    await server.pad(50, 16 * 1024); // warm the paths the load takes
    await sleep(500);
    const baseline = (await server.rss()).now;

    for (let i = 0; i < CLIENTS; i++) {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `GET /v1/events/stream HTTP/1.1\r\nHost: x\r\n` +
          `Authorization: Bearer ${server.tokens.admin}\r\n\r\n`,
      );
      socket.pause(); // never reads
      sockets.push(socket);
    }
    await sleep(1_500);
    await server.pad(200, 16 * 1024);
    await sleep(3_000); // let the server push what it would
    const { peak } = await server.rss();
    const growth = peak - baseline;
    process.stderr.write(
      `live-feed memory: baseline ${(baseline / MiB).toFixed(1)} MiB, peak +${(growth / MiB).toFixed(1)} MiB\n`,
    );
    expect(growth).toBeLessThan(64 * MiB);
    // The feeds are still open (waited on, not dropped): one more reader is refused only past the cap.
    expect(sockets.every((s) => !s.destroyed)).toBe(true);
  }, 180_000);
});
