import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { cosignatureVerifierKey } from '@inr/transparency';
import { openPartnerWitness, PARTNER_WITNESS } from './cosign-by-partner';

export interface PartnerWitnessServer {
  /** LEDGER_WITNESS_CONFIG for the service: submit our checkpoints to the partner. */
  configFile: string;
  url: string;
  close(): Promise<void>;
}

/**
 * While the demo serves, the partner trust keeps witnessing: a C2SP tlog-witness endpoint on
 * 127.0.0.1 (`POST <url>/add-checkpoint`) that the service submits every new checkpoint to, so
 * bundles exported later still meet the demo's trust policy.
 */
export async function startPartnerWitness(
  dataDir: string,
  origin: string,
  logVerifierKey: string,
  port: number,
): Promise<PartnerWitnessServer> {
  const { witness, key, state } = openPartnerWitness(dataDir, origin, logVerifierKey);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/add-checkpoint') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const answer = witness.addCheckpoint(body);
      const type = answer.status === 409 ? answer.contentType : 'text/plain; charset=utf-8';
      res.writeHead(answer.status, { 'content-type': type });
      res.end('body' in answer ? answer.body : `${answer.reason}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${port}`;
  const configFile = join(dataDir, 'witness-config.json');
  const config = {
    logs: [],
    witnesses: [{ name: PARTNER_WITNESS, vkey: cosignatureVerifierKey(key), url }],
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return {
    configFile,
    url,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          state.close();
          resolve();
        }),
      ),
  };
}
