import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from '../../apps/ledger-cli/src/commands/audit.command';
import { registerExportCommand } from '../../apps/ledger-cli/src/commands/export.command';
import { registerVerifyCommand } from '../../apps/ledger-cli/src/commands/verify.command';

/** The ledger commands as main.ts registers them (the rest of the CLI pulls in ESM-only jose). */
function ledgerProgram(): Command {
  const program = new Command('inr-ledger').exitOverride();
  registerAuditCommand(program);
  registerExportCommand(program);
  registerVerifyCommand(program);
  return program;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `inr-ledger <args>` in-process (the real commands), capturing output and exit code. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) =>
    out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) =>
    err.push(String(chunk)) > 0) as typeof process.stderr.write;
  process.exitCode = undefined;
  let code: number;
  try {
    await ledgerProgram().parseAsync(['node', 'inr-ledger', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    // What main() does with what escapes a command.
    code = error instanceof CommanderError ? (error.exitCode === 0 ? 0 : 2) : 3;
    err.push(error instanceof Error ? error.message : String(error));
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
  return { code, out: out.join(''), err: err.join('') };
}
