import { runCli as run } from '../../apps/ledger-cli/src/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `inr-ledger <args>` in-process (the real program), capturing output and exit code. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) =>
    out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) =>
    err.push(String(chunk)) > 0) as typeof process.stderr.write;
  let code: number;
  try {
    code = await run(args);
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
  return { code, out: out.join(''), err: err.join('') };
}
