// `npm run bench`: runs issue 7's rows, each in its own child process, prints the table and
// writes bench/results.json. Quick by default (a few minutes); --full for the 1M-event sizes.
// Flags: --full, --only=appends,ledger, --skip=peer
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { describeMachine, formatTable, writeResults, type Figure, type RowOutcome } from './report';
import { RESULT_MARK, ROWS, type RowContext } from './rows';

function repoRoot(): string {
  // Works from tests/bench (ts) and from dist/tests/bench (compiled).
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'inr-ledger'
    )
      return dir;
  }
  throw new Error('cannot find the inr-ledger package root');
}

function listFlag(args: string[], name: string): string[] | undefined {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg
    ?.slice(name.length + 3)
    .split(',')
    .filter(Boolean);
}

function runRow(
  id: string,
  context: RowContext,
): Promise<{ figures: Figure[]; peakRssMiB?: number }> {
  const runner = join(__dirname, `row-runner${extname(__filename)}`);
  return new Promise((resolve) => {
    // execArgv carries the TypeScript require hook when run from source.
    const child = spawn(
      process.execPath,
      [...process.execArgv, '--expose-gc', runner, id, JSON.stringify(context)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) {
        resolve(
          JSON.parse(line.slice(RESULT_MARK.length)) as { figures: Figure[]; peakRssMiB: number },
        );
      } else {
        const tail = out.trim().split('\n').slice(-1)[0] ?? '';
        resolve({
          figures: [
            { figure: id, value: null, unit: '', note: `row failed (exit ${code}) ${tail}`.trim() },
          ],
        });
      }
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const only = listFlag(args, 'only');
  const skip = listFlag(args, 'skip') ?? [];
  const root = repoRoot();
  const selected = ROWS.filter(
    (row) => !((only && !only.includes(row.id)) || skip.includes(row.id)),
  );
  // rebuild, asof, audit and backup read one ledger, written once by the hidden seed step.
  const needsLedger = selected.some((row) =>
    ['rebuild', 'asof', 'audit', 'backup'].includes(row.id),
  );
  const ledgerDir = needsLedger ? mkdtempSync(join(tmpdir(), 'inr-bench-ledger-')) : undefined;
  const context: RowContext = { full, repoRoot: root, ledgerDir };
  const machine = describeMachine(root);
  console.log(
    `inr-ledger bench (${full ? 'full' : 'quick'}): ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, node ${machine.node}`,
  );

  const outcomes: RowOutcome[] = [];
  const rows = needsLedger
    ? ROWS.filter((row) => row.id === 'seed' || selected.includes(row))
    : selected;
  for (const row of rows) {
    const started = performance.now();
    process.stderr.write(`running ${row.id} ...\n`);
    const result = await runRow(row.id, context);
    let figures = result.figures;
    if (
      row.afterExit &&
      result.peakRssMiB !== undefined &&
      figures.every((f) => f.value !== null)
    ) {
      figures = row.afterExit(figures, result.peakRssMiB, context);
    }
    if (row.hidden && figures.length === 0) continue;
    outcomes.push({
      row: row.id,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      peakRssMiB: result.peakRssMiB,
      figures,
    });
  }

  if (ledgerDir) rmSync(ledgerDir, { recursive: true, force: true });
  console.log(formatTable(outcomes));
  mkdirSync(join(root, 'bench'), { recursive: true });
  const path = join(root, 'bench', 'results.json');
  writeResults(path, machine, full ? 'full' : 'quick', outcomes);
  console.log(`\nwrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
