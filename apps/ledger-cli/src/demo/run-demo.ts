import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openEventStore, type EventStore } from '@inr/event-store';
import { PersonalData, PersonalDataKeys, SqliteHashStore } from '@inr/ledger';
import { ReadModels, rebuild, type AuditReport } from '@inr/projections';
import type { LedgerConfig } from '@inr/ledger-api/config';
import { exportLocalAuditBundle, exportLocalBundle } from '../ledger/export-bundle';
import { verifyBundleText } from '../ledger/verify-bundle-file';
import { ProgressBar } from '../ui/progress-bar';
import { cosignByPartner, type Cosigned } from './cosign-by-partner';
import { decisionFacts } from './decision-facts';
import {
  exportDemoCredentials,
  suspendDemoCredential,
  type CredentialStory,
} from './demo-credentials';
import { writeDemoTrustPolicy } from './demo-trust-policy';
import type { AuditStory } from './format-audit-story';
import type { DemoStory } from './format-demo-story';
import { prepareDemoDir } from './prepare-demo-dir';
import { seedDemoLedger } from './seed-demo-ledger';
import { signDemoCheckpoint } from './sign-demo-checkpoint';

export interface DemoOptions {
  /** Absolute path; the same as config.dataDir. */
  dataDir: string;
  /** The demo's configuration: the embedded store in dataDir, never a configured cluster. */
  config: LedgerConfig;
  seed: string | number;
  force: boolean;
  baseUrl: string;
  serving: boolean;
}

/** The bundle failed offline verification: the demo must exit non-zero. */
export class DemoVerificationError extends Error {}

/**
 * Builds the demo data directory end to end and returns what the story needs. Every step is
 * the production code path (store port, log, checkpointer, witness protocol, rebuild, export,
 * verify); only the data is synthetic.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoStory> {
  const timings: [string, number][] = [];
  const timed: Timed = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push([label, (performance.now() - started) / 1000]);
    return result;
  };
  prepareDemoDir(opts.dataDir, opts.force);
  const { config } = opts;
  const origin = config.origin;
  const shown = (file: string): string => {
    const rel = relative(process.cwd(), file);
    return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
  };

  const { story, policyFile } = await buildLedger(opts, origin, timed);
  const withPaths = { ...story, dataDir: shown(opts.dataDir) };

  const decision = withPaths.decisions.find((d) => d.outcome === 'granted');
  if (decision === undefined) throw new Error('the demo ledger has no granted decision to export');
  const file = join(opts.dataDir, `bundle-${decision.decisionId}.json`);
  const verified = await timed('export and verify', async () => {
    const bundle = await exportLocalBundle(config, decision.decisionId);
    writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
    // Read back from disk: exactly what `inr-ledger verify <file> --policy <file>` checks.
    return verifyBundleText(readFileSync(file, 'utf8'), readFileSync(policyFile, 'utf8'));
  });
  if (!verified.ok) {
    throw new DemoVerificationError(
      `the exported bundle ${file} failed check ${verified.check}: ${verified.reason}`,
    );
  }
  const audit = await timed('audit export and verify', () =>
    exportAndVerifyAudit(config, decision.institutionId, policyFile),
  );
  return {
    ...withPaths,
    credentials: shownCredentials(withPaths.credentials, shown),
    audit: { ...audit, file: shown(audit.file) },
    checkpoint: { ...withPaths.checkpoint, root: verified.report.root },
    bundle: {
      decision,
      file: shown(file),
      events: verified.report.events,
      policyFile: shown(policyFile),
    },
    timings,
  };
}

/** A trust's audit bundle, written and verified offline like the decision's. */
async function exportAndVerifyAudit(
  config: LedgerConfig,
  institutionId: string,
  policyFile: string,
): Promise<AuditStory> {
  const file = join(config.dataDir, `audit-${institutionId}.json`);
  const scope = { institutionId, from: '0000-01-01', to: '9999-12-31' };
  const bundle = await exportLocalAuditBundle(config, scope);
  writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
  const verified = await verifyBundleText(
    readFileSync(file, 'utf8'),
    readFileSync(policyFile, 'utf8'),
  );
  if (!verified.ok)
    throw new DemoVerificationError(
      `the exported audit bundle ${file} failed check ${verified.check}: ${verified.reason}`,
    );
  return {
    institutionId,
    file,
    events: bundle.events.length,
    report: bundle.report as AuditReport,
  };
}

type Timed = <T>(label: string, work: () => Promise<T> | T) => Promise<T>;
type LedgerPart = Omit<DemoStory, 'bundle' | 'audit' | 'timings' | 'dataDir'>;

/** Credential files are shown as the reader types them. */
function shownCredentials(
  story: CredentialStory,
  shown: (file: string) => string,
): CredentialStory {
  return {
    ...story,
    didFile: shown(story.didFile),
    statusListFiles: story.statusListFiles.map(shown),
    checked: story.checked.map((c) => ({ ...c, file: shown(c.file) })),
  };
}

/** Seed, sign and cosign, write the trust policy, rebuild, and read the decisions back. */
async function buildLedger(
  opts: DemoOptions,
  origin: string,
  timed: Timed,
): Promise<{ story: LedgerPart; policyFile: string }> {
  const events = await openEventStore({ kind: 'sqlite', dataDir: opts.dataDir });
  const personal = new PersonalData(new PersonalDataKeys(opts.dataDir));
  try {
    const seedBar = new ProgressBar('seeding the ledger');
    const seeded = await timed('seed', () =>
      seedDemoLedger(events, opts.seed, (d, t) => seedBar.update(d, t), personal),
    );
    seedBar.finish(seeded.events);
    // One credential suspended (a ledger event, before the checkpoint that covers it).
    const suspended = await suspendDemoCredential(
      events,
      seeded.issuedApplications,
      new Date().toISOString().slice(0, 10),
      personal,
    );

    const signed = await timed('sign and cosign', () =>
      signAndCosign(events, opts.dataDir, origin, opts.config.signingKey),
    );
    const policyFile = writeDemoTrustPolicy(
      opts.dataDir,
      signed.logVerifierKey,
      signed.witnessVerifierKey,
    );

    const rebuildBar = new ProgressBar('building the read models');
    await timed('projections', () =>
      rebuild(events, opts.dataDir, { onProgress: (d, t) => rebuildBar.update(d, t) }),
    );
    rebuildBar.finish(seeded.events);

    const readModels = ReadModels.open(events, opts.dataDir);
    try {
      const decisions = await timed('story', () =>
        decisionFacts(events, readModels, seeded.decisionIds).then((d) => personal.reveal(d)),
      );
      const hashes = new SqliteHashStore(opts.dataDir);
      const credentials = await timed('credentials', () =>
        exportDemoCredentials(opts.config, readModels, hashes, suspended).finally(() =>
          hashes.close(),
        ),
      );
      if (credentials.checked.some((c) => c.status === 'valid' && !c.ok))
        throw new DemoVerificationError(
          `the demo credential failed offline verification: ${credentials.checked.map((c) => c.lines.join('; ')).join(' | ')}`,
        );
      const checkpoint = {
        origin,
        size: signed.checkpoint.size,
        root: '', // filled in from the verified bundle
        logVerifierKey: signed.logVerifierKey,
        cosignedBy: [signed.witnessName],
      };
      return {
        story: {
          seeded,
          decisions,
          checkpoint,
          credentials,
          baseUrl: opts.baseUrl,
          serving: opts.serving,
        },
        policyFile,
      };
    } finally {
      await readModels.close();
    }
  } finally {
    await events.close();
  }
}

async function signAndCosign(
  events: EventStore,
  dataDir: string,
  origin: string,
  signingKey: string | undefined,
): Promise<Cosigned & { logVerifierKey: string }> {
  const hashes = new SqliteHashStore(dataDir);
  try {
    const signed = await signDemoCheckpoint(events, hashes, dataDir, origin, signingKey);
    const cosigned = await cosignByPartner(
      signed.log,
      hashes,
      signed.checkpoint,
      dataDir,
      signed.logVerifierKey,
    );
    return { ...cosigned, logVerifierKey: signed.logVerifierKey };
  } finally {
    hashes.close();
  }
}
