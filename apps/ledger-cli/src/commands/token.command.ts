import { Option, type Command } from 'commander';
import { ROLES, type Role } from '@inr/domain';
import { issueDevelopmentToken, loadConfig, parseDuration } from '@inr/ledger-api/config';
import { dataDirOption, resolveDataDir } from './data-dir';

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Print a development bearer token signed with the local key in the data directory')
    .addOption(
      new Option('-r, --role <role>', 'role the token carries')
        .choices([...ROLES])
        .makeOptionMandatory(),
    )
    .requiredOption('-s, --sub <id>', 'subject: the trainee, supervisor or user id')
    .requiredOption('-i, --institution <id>', 'institution the token is scoped to')
    .option(
      '-e, --expires-in <span>',
      'lifetime, e.g. 30m or 12h; at most $LEDGER_JWT_MAX_LIFETIME (default 12h)',
      '12h',
    )
    .option(
      '--issuer <body>',
      "issuer claim: the body whose pathways the holder publishes (an accreditor's, e.g. rcr)",
    )
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Only for development: production tokens come from the identity provider (LEDGER_JWKS_URL).
The token carries exp, and the issuer and audience the service expects (LEDGER_JWT_ISSUER,
LEDGER_JWT_AUDIENCE); a lifetime over the service's maximum is refused here, as it would be there.

Examples:
  TOKEN=$(inr-ledger token --role trainee --sub trn-001 --institution inst-north)
  PUBLISHER=$(inr-ledger token --role accreditor --sub acc-rcr --institution rcr --issuer rcr)
  curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/v1/trainees/trn-001`,
    )
    .action(
      async (
        opts: {
          role: Role;
          sub: string;
          institution: string;
          expiresIn: string;
          issuer?: string;
          dataDir?: string;
        },
        command: Command,
      ) => {
        // The same settings the service verifies with: a token it would refuse is refused here.
        const { auth } = loadConfig();
        const seconds = lifetimeSeconds(opts.expiresIn, command);
        if (seconds > auth.maxLifetimeSeconds)
          command.error(
            `error: --expires-in ${opts.expiresIn} is longer than the ${auth.maxLifetimeSeconds} s the service accepts (LEDGER_JWT_MAX_LIFETIME)`,
          );
        const token = await issueDevelopmentToken(
          {
            role: opts.role,
            sub: opts.sub,
            institution: opts.institution,
            expiresIn: seconds,
            issuer: auth.issuer,
            audience: auth.audience,
            ...(opts.issuer !== undefined && { publishesFor: opts.issuer }),
          },
          resolveDataDir(opts.dataDir),
        );
        process.stdout.write(`${token}\n`);
      },
    );
}

function lifetimeSeconds(span: string, command: Command): number {
  try {
    return parseDuration(span, '--expires-in') / 1000;
  } catch (e) {
    return command.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
