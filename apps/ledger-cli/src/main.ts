#!/usr/bin/env node
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { terminalSettings } from '@inr/ledger-api/config';
import { EXIT } from './exit-codes';
import { registerAuditCommand } from './commands/audit.command';
import { registerBackupCommand } from './commands/backup.command';
import { registerLogResetCommand } from './commands/log-reset.command';
import { registerReenterCommand } from './commands/reenter.command';
import { registerRestoreCommand } from './commands/restore.command';
import { registerVerifyBackupCommand } from './commands/verify-backup.command';
import { registerDemoCommand } from './commands/demo.command';
import { registerExportCommand } from './commands/export.command';
import { registerKeysCommand } from './commands/keys.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerOpenApiCommand } from './commands/openapi.command';
import { registerLogbookCommand } from './commands/logbook.command';
import { registerPanelCommands } from './commands/panel.command';
import { registerRebuildCommand } from './commands/rebuild.command';
import { registerRetentionCommand } from './commands/retention.command';
import { registerSecurityDocCommand } from './commands/security-doc.command';
import { registerVerifyCommand } from './commands/verify.command';
import { registerVerifyCredentialCommand } from './commands/verify-credential.command';
import { registerServeCommand } from './commands/serve.command';
import { registerTokenCommand } from './commands/token.command';
import { red } from './ui/terminal';

/** The `inr-ledger` command. Each subcommand lives in commands/<name>.command.ts. */
export function buildProgram(): Command {
  const program = new Command('inr-ledger')
    .description('A verifiable ledger of INR and mechanical thrombectomy training')
    .version(terminalSettings().version)
    .showHelpAfterError('(run with --help for usage and examples)')
    // Set before subcommands are added so they inherit it: usage errors exit 2, not 1.
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 a check failed (audit, verify), 2 wrong usage, 3 environment error.
Environment: LEDGER_DATA_DIR (default ./data), PORT (default 3000), DATABASE_URL, EVENTSTORE_URL;
every setting is in docs/configuration.md.`,
    );
  registerServeCommand(program);
  registerTokenCommand(program);
  registerKeysCommand(program);
  registerAuditCommand(program);
  registerExportCommand(program);
  registerVerifyCommand(program);
  registerPanelCommands(program);
  registerLogbookCommand(program);
  registerVerifyCredentialCommand(program);
  registerDemoCommand(program);
  registerRebuildCommand(program);
  registerMigrateCommand(program);
  registerBackupCommand(program);
  registerVerifyBackupCommand(program);
  registerRestoreCommand(program);
  registerReenterCommand(program);
  registerLogResetCommand(program);
  registerRetentionCommand(program);
  registerOpenApiCommand(program);
  registerSecurityDocCommand(program);
  return program;
}

/**
 * Runs the command line on `args` (without node and script) and returns the exit code. Commands
 * may set process.exitCode themselves (a failed check); what escapes them is mapped here.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync(['node', 'inr-ledger', ...args]);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${red('error:', process.stderr)} ${message}\n`);
    return EXIT.environment;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // A failed command may leave handles open (a store, a worker, a timer of a service that
    // could not start): exit now rather than hang with the error already reported.
    if (code !== EXIT.ok) process.exit(code);
  });
}
