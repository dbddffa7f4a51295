import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { dataDirOption, ledgerConfig } from './data-dir';

// The panel's questions from the command line, answered by a running server (its read models and
// its authorisation, as the web app gets them): what is pending, one application, one decision,
// the open review flags. JSON with --json; otherwise a few lines for people.

interface ServerOptions {
  url?: string;
  token?: string;
  json?: boolean;
  dataDir?: string;
}

type Json = Record<string, unknown>;

function withServer(command: Command): Command {
  return command
    .option('--url <server>', 'the server (default: http://localhost:$PORT)')
    .option('--token <jwt>', 'bearer token (default: $LEDGER_TOKEN)')
    .option('--json', 'print the server’s JSON answer')
    .addOption(dataDirOption());
}

async function ask(opts: ServerOptions, path: string): Promise<Json> {
  const config = ledgerConfig(opts.dataDir);
  const base = (opts.url ?? `http://localhost:${config.port}`).replace(/\/$/, '');
  const { fetchJson } = await import('../ledger/export-bundle');
  return fetchJson<Json>(`${base}${path}`, opts.token ?? config.cli.token);
}

function print(opts: ServerOptions, answer: Json, lines: () => string[]): void {
  process.stdout.write(
    opts.json ? `${JSON.stringify(answer, null, 2)}\n` : `${lines().join('\n')}\n`,
  );
  process.exitCode = EXIT.ok;
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string =>
  value === null || value === undefined ? '-' : String(value);
const EXAMPLE_ENV = `
The server's answer is scoped by the token's role, as the API scopes it (a medical director
sees their institution's). Exit 3 when the server refuses or cannot be reached.`;

export function registerPanelCommands(program: Command): void {
  withServer(
    program
      .command('applications')
      .description('List credential applications awaiting a decision, oldest first'),
  )
    .option('--pathway <id>', 'only applications for this pathway')
    .option('--institution <id>', 'only trainees currently at this institution')
    .option('--min-age <days>', 'submitted at least this many days ago')
    .option('--max-age <days>', 'submitted at most this many days ago')
    .option('--limit <n>', 'page size (default 50, at most 500)')
    .option('--offset <n>', 'skip this many')
    .addHelpText(
      'after',
      `${EXAMPLE_ENV}

Examples:
  inr-ledger applications --token "$PANEL"
  inr-ledger applications --pathway rcr-gmc-mt-credential --min-age 28 --token "$PANEL"
  inr-ledger applications --institution inst-northmoor --json --url https://ledger.trust.example`,
    )
    .action(
      async (
        opts: ServerOptions & {
          pathway?: string;
          institution?: string;
          minAge?: string;
          maxAge?: string;
          limit?: string;
          offset?: string;
        },
      ) => {
        const query = new URLSearchParams();
        const add = (name: string, value: string | undefined) =>
          value !== undefined && query.set(name, value);
        add('pathwayId', opts.pathway);
        add('institutionId', opts.institution);
        add('minAgeDays', opts.minAge);
        add('maxAgeDays', opts.maxAge);
        add('limit', opts.limit);
        add('offset', opts.offset);
        const page = await ask(opts, `/v1/applications${query.size > 0 ? `?${query}` : ''}`);
        print(opts, page, () => [
          `${text(page['total'])} pending (ledger size ${text(page['ledgerSize'])})`,
          ...list(page['applications']).map(
            (a) =>
              `${text(a['applicationId'])}  ${text(a['traineeId'])} at ${text(a['institutionId'])}  ${text(a['pathwayId'])} ${text(a['pathwayVersion'])}  ${text(a['ageDays'])} days  ${list(a['votes']).length} vote(s)`,
          ),
        ]);
      },
    );

  withServer(
    program
      .command('application')
      .argument('<id>', 'the application id')
      .description('Show an application: votes, decisions, review flags and its evaluation now'),
  )
    .addHelpText(
      'after',
      `${EXAMPLE_ENV}

Examples:
  inr-ledger application 3f1c…  --token "$PANEL"
  inr-ledger application 3f1c…  --json --token "$PANEL" | jq .evaluation`,
    )
    .action(async (id: string, opts: ServerOptions) => {
      const a = await ask(opts, `/v1/applications/${encodeURIComponent(id)}`);
      const evaluation = (a['evaluation'] ?? null) as Json | null;
      const panel = (a['panel'] ?? {}) as Json;
      print(opts, a, () => [
        `${text(a['applicationId'])}: ${text(a['traineeId'])} for ${text(a['pathwayId'])} ${text(a['pathwayVersion'])}, ${text(a['status'])}`,
        `panel: quorum ${text(panel['quorum'])}, ${text(a['votesToQuorum'])} more concurring vote(s) needed`,
        ...list(a['votes']).map((v) => `  vote ${text(v['panelMemberId'])}: ${text(v['outcome'])}`),
        ...list(a['decisions']).map(
          (d) =>
            `  decision ${text(d['decisionId'])}: ${text(d['outcome'])} on ${text(d['decidedOn'])}`,
        ),
        `evaluation now: ${evaluation === null ? 'pathway unknown' : evaluation['met'] ? 'met' : 'not met'}`,
        ...list(evaluation?.['requirements']).map(
          (r) =>
            `  ${text(r['id'])}: ${text(r['achieved'])}/${text(r['target'])}${r['met'] ? '' : ' (not met)'}`,
        ),
        ...list(a['flags']).map(
          (f) =>
            `  review flag ${text(f['flagId'])}: ${text(f['supervisorId'])} revoked for cause, ${f['resolution'] === null ? 'open' : 'resolved'}`,
        ),
      ]);
    });

  withServer(
    program
      .command('decision')
      .argument('<id>', 'the decision id')
      .description('Show a credential decision as recorded, and the review flags on it'),
  )
    .addHelpText(
      'after',
      `${EXAMPLE_ENV}

Examples:
  inr-ledger decision dec-04uerg --token "$PANEL"
  inr-ledger decision dec-04uerg --json --token "$PANEL"`,
    )
    .action(async (id: string, opts: ServerOptions) => {
      const record = await ask(opts, `/v1/decisions/${encodeURIComponent(id)}`);
      const d = (record['decision'] ?? {}) as Json;
      const by =
        list(d['concurringMemberIds']).length > 0
          ? list(d['concurringMemberIds'])
          : [d['panelMemberId']];
      print(opts, record, () => [
        `${text(d['decisionId'])}: ${text(d['outcome'])} for ${text(d['traineeId'])} on ${text(d['decidedOn'])} by ${by.map(text).join(', ')}`,
        `pathway ${text(d['pathwayId'])} ${text(d['pathwayVersion'])}; application now ${text(record['applicationStatus'])}`,
        ...list(record['reviewFlags']).map(
          (f) =>
            `  review flag ${text(f['flagId'])}: ${text(f['supervisorId'])} revoked for cause; ` +
            list(f['requirements'])
              .map(
                (r) =>
                  `${text(r['requirementId'])} ${text(r['achievedWithout'])}/${text(r['target'])} without it`,
              )
              .join(', '),
        ),
      ]);
    });

  withServer(
    program
      .command('reviews')
      .description('List open review flags: granted decisions whose signer was revoked for cause'),
  )
    .addHelpText(
      'after',
      `${EXAMPLE_ENV}

Examples:
  inr-ledger reviews --token "$PANEL"`,
    )
    .action(async (opts: ServerOptions) => {
      const queue = await ask(opts, '/v1/reviews');
      print(opts, queue, () => [
        `${list(queue['flags']).length} open review flag(s)`,
        ...list(queue['flags']).map(
          (f) =>
            `${text(f['flagId'])}  application ${text(f['applicationId'])} (${text(f['traineeId'])}, ${text(f['status'])})  signer ${text(f['supervisorId'])} revoked ${text(f['revokedOn'])}`,
        ),
      ]);
    });
}
