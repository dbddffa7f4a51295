// The kill test's child with HTTP workers: this process is the writer, with two HTTP workers in
// front of it, and appends through them (enrolments over HTTP, 8 clients), printing each event id
// only once its 201 came back. Once per round it also SIGKILLs one of its own workers mid-burst:
// the requests that worker held are retried with the same Idempotency-Key, as a client would.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { issueDevelopmentToken, loadConfig } from '@inr/ledger-api/config';
import { serveHttpWorkers } from '@inr/ledger-api';
import { NO_RATE_LIMITS } from '../e2e/support/no-rate-limits';

const CLIENTS = 8;

interface Answer {
  status: number;
  body: string;
}

function post(url: URL, agent: Agent, token: string, key: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/v1/trainees',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts until answered: a cut connection (its worker killed) or a 503 is retried, same key. */
async function logged(url: URL, agent: Agent, token: string, key: string, body: string) {
  for (;;) {
    const answer = await post(url, agent, token, key, body).catch(() => undefined);
    if (answer?.status === 201) return JSON.parse(answer.body) as { eventIds: string[] };
    if (answer !== undefined && answer.status !== 503)
      throw new Error(`unexpected ${answer.status}: ${answer.body}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function appendOverHttp(dataDir: string): Promise<void> {
  const config = loadConfig({
    ...NO_RATE_LIMITS,
    LEDGER_DATA_DIR: dataDir,
    LEDGER_HTTP_WORKERS: '2',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const server = await serveHttpWorkers(config, { shutdownHooks: false });
  const token = await issueDevelopmentToken(
    { role: 'admin', sub: 'adm-kill', institution: 'trust-k', expiresIn: '1h' },
    dataDir,
  );
  const url = new URL(server.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  process.stdout.write('ready\n');
  let first = true;
  // Short, letter-separated ids: a long run of digits would read as an NHS number (422).
  const round = randomUUID().slice(0, 8);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; ; i++) {
        const traineeId = `trn-${round}-c${client}-n${i}`;
        const body = JSON.stringify({
          traineeId,
          institutionId: 'trust-k',
          specialty: 'neurology',
          stage: 'ST5',
          enrolledOn: '2025-01-06',
          pathwayIds: ['rcr-gmc-mt-credential'],
        });
        const { eventIds } = await logged(url, agent, token, `k-${traineeId}`, body);
        process.stdout.write(eventIds.map((id) => `ack ${id}\n`).join(''));
        if (first) {
          first = false;
          const victim = server.workerPids()[0];
          setTimeout(() => victim && process.kill(victim, 'SIGKILL'), Math.random() * 150);
        }
      }
    }),
  );
}
