import { useState } from 'react';
import { ProblemMessage } from '../ui/ProblemMessage';
import { FileDrop } from './FileDrop';
import type { BrowserVerification } from './verify-in-browser';

interface Chosen {
  name: string;
  text: string;
}

/**
 * Anyone can check a provenance bundle here: every signature, proof and commitment is verified
 * in this browser with Web Crypto (Ed25519, SHA-256) by the ledger's own verification code;
 * the files are read locally and nothing is sent to any server.
 */
export default function VerifierPage() {
  const [bundle, setBundle] = useState<Chosen>();
  const [policy, setPolicy] = useState<Chosen>();
  const [result, setResult] = useState<BrowserVerification>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState<typeof import('./verify-in-browser').CHECKS>([]);

  const run = async (): Promise<void> => {
    if (!bundle || !policy) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      // The verifier (and the ledger code it bundles) loads only when someone verifies.
      const verifier = await import('./verify-in-browser');
      setChecks(verifier.CHECKS);
      setResult(await verifier.verifyInBrowser(bundle.text, policy.text));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const failedAt = result && !result.ok ? checks.findIndex((c) => c.check === result.check) : -1;
  return (
    <>
      <h1>Verify a provenance bundle</h1>
      <p className="lede">
        Checked in your browser with Web Crypto: the files stay on this computer and nothing is sent
        to any server. The checks are those of <code>inr-ledger verify</code>, run by the same code.
      </p>
      <div className="split">
        <FileDrop
          label="Provenance bundle"
          hint="bundle-<decision>.json, from the accreditation page or inr-ledger export"
          accept=".json,application/json"
          chosen={bundle?.name}
          onText={(name, text) => {
            setBundle({ name, text });
            setResult(undefined);
          }}
        />
        <FileDrop
          label="Trust policy"
          hint="The log's key and the witnesses you trust (C2SP tlog-policy), e.g. trust-policy.txt"
          accept=".txt,text/plain"
          chosen={policy?.name}
          onText={(name, text) => {
            setPolicy({ name, text });
            setResult(undefined);
          }}
        />
      </div>
      <p>
        <button type="button" onClick={() => void run()} disabled={!bundle || !policy || busy}>
          {busy ? 'Verifying…' : 'Verify'}
        </button>
      </p>
      <ProblemMessage error={error} />
      {result && (
        <section aria-labelledby="verdict" className="card" aria-live="polite">
          {result.ok ? (
            <h2 id="verdict">
              Verified <span className="badge ok">every check passed</span>
            </h2>
          ) : (
            <h2 id="verdict">
              Not verified <span className="badge bad">check {result.check} failed</span>
            </h2>
          )}
          {!result.ok && (
            <p role="alert" className="problem">
              <strong>{result.check}</strong>
              {result.event && (
                <>
                  {' '}
                  at leaf {result.event.leafIndex}
                  {result.event.type
                    ? ` (${result.event.type}${result.event.eventId ? ` ${result.event.eventId}` : ''})`
                    : ''}
                </>
              )}
              : {result.reason}
            </p>
          )}
          <ol className="checks">
            {checks.map((c, i) => {
              const state =
                result.ok || i < failedAt ? 'passed' : i === failedAt ? 'failed' : 'not reached';
              return (
                <li key={c.check}>
                  <span
                    className={
                      state === 'passed' ? 'badge ok' : state === 'failed' ? 'badge bad' : 'badge'
                    }
                  >
                    {state}
                  </span>{' '}
                  {c.label}
                </li>
              );
            })}
          </ol>
          {result.ok && (
            <p>
              {result.report.origin} at size {result.report.size.toLocaleString('en-GB')}, root{' '}
              <code>{result.report.root}</code>; cosigned by{' '}
              {result.report.cosigners.join(', ') || 'no witness'}; {result.report.events} events
              proven. The pathway re-evaluation is the command line&apos;s (
              <code>inr-ledger verify</code>); here the decision is tied to exactly its committed
              evidence.
            </p>
          )}
          {result.stats && (
            <p className="hint">
              Web Crypto: {result.stats.digests} SHA-256 digests, {result.stats.signatures} Ed25519
              signature checks.
            </p>
          )}
        </section>
      )}
    </>
  );
}
