import { formatCount } from '../ui/progress-bar';
import { bold, green, yellow } from '../ui/terminal';
import type { DecisionFacts } from './decision-facts';
import { formatAuditStory, type AuditStory } from './format-audit-story';
import type { SeededLedger } from './seed-demo-ledger';
import type { CredentialStory } from './demo-credentials';

export interface DemoStory {
  /** As the reader should type it (relative when under the working directory). */
  dataDir: string;
  seeded: SeededLedger;
  decisions: DecisionFacts[];
  checkpoint: {
    origin: string;
    size: number;
    root: string;
    logVerifierKey: string;
    cosignedBy: string[];
  };
  bundle: { decision: DecisionFacts; file: string; events: number; policyFile: string };
  audit: AuditStory;
  credentials: CredentialStory;
  baseUrl: string;
  serving: boolean;
  timings: readonly (readonly [string, number])[];
}

const out = process.stdout;
const count = (facts: DecisionFacts): string =>
  facts.requirements.map((r) => `${r.id} ${r.achieved}/${r.target}`).join(', ');
const list = (items: readonly string[], max = 6): string =>
  items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

/** The few paragraphs `inr-ledger demo` ends with: what the ledger shows and where to look next. */
export function formatDemoStory(s: DemoStory): string {
  const n = (type: string): string => formatCount(s.seeded.typeCounts.get(type) ?? 0);
  const granted = s.decisions.filter((d) => d.outcome === 'granted');
  const others = s.decisions.filter((d) => d.outcome !== 'granted');
  const d = s.bundle.decision;
  const auth = '-H "Authorization: Bearer $TOKEN"';
  const lines = [
    '',
    bold(`inr-ledger demo: ${formatCount(s.seeded.events)} events in ${s.dataDir}`, out),
    `  ${n('TraineeEnrolled')} trainees at ${s.seeded.institutionIds.join(', ')}; ${n('CaseLogged')} cases logged, ` +
      `${n('CaseSignedOff')} sign-offs by ${n('SupervisorAccredited')} accredited supervisors and directors; ` +
      `${n('AssessmentRecorded')} assessments; ${formatCount(s.decisions.length)} credential decisions.`,
    '',
    bold(`Credentialed (${granted[0]?.pathway ?? 'no pathway'}):`, out),
    ...granted.flatMap((g) => [
      `  ${green(g.traineeId, out)} ${g.specialty}${g.stage ? ` ${g.stage}` : ''}, ${g.institutionId}: granted ${g.decidedOn} by panel member ${g.panelMemberId} (${g.decisionId})`,
      `    evidence: ${count(g)}`,
      `    ${g.evidenceEvents} events; signed off by ${g.signers.length} distinct supervisors and medical directors (${list(g.signers, 4)}); evidence from ${g.evidenceInstitutions.join(', ')}`,
    ]),
    '',
    bold('Refused or deferred:', out),
    ...others.map((o) => {
      const unmet = o.requirements
        .filter((r) => !r.met)
        .map((r) => `${r.id} ${r.achieved}/${r.target}`);
      return `  ${yellow(o.traineeId, out)} ${o.specialty}: ${o.outcome} ${o.decidedOn}: ${unmet.join(', ') || o.reasons}`;
    }),
    '',
    bold('Checkpoint:', out),
    `  ${s.checkpoint.origin} size ${formatCount(s.checkpoint.size)} root ${s.checkpoint.root}`,
    `  signed by ${s.checkpoint.logVerifierKey}`,
    `  cosigned by ${s.checkpoint.cosignedBy.join(', ')} (C2SP add-checkpoint), quorum 1 in ${s.bundle.policyFile}`,
    '',
    bold('Provenance bundle, verified offline:', out),
    `  ${s.bundle.file}: ${s.bundle.events} events of ${d.traineeId}'s credential, each proven in the checkpoint; ` +
      're-running the pathway reproduced the recorded evaluation',
    '',
    ...formatAuditStory(s.audit),
    '',
    bold(
      `Portable credentials (Open Badges 3.0, eddsa-rdfc-2022): ${s.credentials.issued} issued; a relying party checks two offline:`,
      out,
    ),
    ...s.credentials.checked.flatMap((c) => [
      `  ${c.file}: ${c.status === 'valid' ? green(c.status, out) : yellow(c.status, out)}`,
      ...c.lines.map((line) => `    ${line}`),
      `    inr-ledger verify-credential ${c.file} --did ${s.credentials.didFile} ${s.credentials.statusListFiles.map((f) => `--status-list ${f}`).join(' ')}`,
    ]),
    '',
    bold('Look further:', out),
    ...(s.serving ? [] : [`  inr-ledger serve --data-dir ${s.dataDir}`]),
    `  TOKEN=$(inr-ledger token --role panel --sub ${d.panelMemberId} --institution ${d.institutionId} --data-dir ${s.dataDir})`,
    `  curl ${auth} ${s.baseUrl}/v1/decisions/${d.decisionId}/provenance`,
    `  curl ${auth} ${s.baseUrl}/v1/decisions/${d.decisionId}/replay`,
    `  curl ${auth} ${s.baseUrl}/v1/trainees/${d.traineeId}/status`,
    `  curl ${s.baseUrl}/v1/ledger/checkpoint`,
    ...s.credentials.checked.map(
      (c) => `  curl ${s.baseUrl}/v1/credentials/${c.credentialId}/status`,
    ),
    `  curl ${s.baseUrl}/v1/status-lists/suspension-0`,
    `  curl ${s.baseUrl}/.well-known/did.json`,
    `  inr-ledger verify ${s.bundle.file} --policy ${s.bundle.policyFile}`,
    `  inr-ledger verify ${s.audit.file} --policy ${s.bundle.policyFile}`,
    `  curl ${auth} "${s.baseUrl}/v1/audit/institutions/${s.audit.institutionId}/procedures"`,
    `  inr-ledger audit --data-dir ${s.dataDir}`,
    `  API reference: ${s.baseUrl}/docs`,
    '',
    `Built in ${s.timings.reduce((t, [, sec]) => t + sec, 0).toFixed(1)} s (${s.timings.map(([l, sec]) => `${l} ${sec.toFixed(1)} s`).join(', ')}).`,
    '',
  ];
  return lines.join('\n');
}
