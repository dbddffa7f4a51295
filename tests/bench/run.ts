// `npm run bench`: runs issue 7's rows, each in its own child process, prints the table and
// writes bench/results.json. Quick by default (a few minutes); --full for the 1M-event sizes.
// Flags: --full, --only=appends,ledger, --skip=peer; --scale[=100k,1m,10m] runs issue 22's
// national-scale rows instead (bench/scale-results.json and the chart in docs/), and
// --scale-ledger=<dir> runs them over a ledger already in <dir>, adding its size (with
// --prefix-of=1m: a stopped run's prefix); --keep leaves the ledgers a --scale run wrote;
// --scale-dir=<dir> writes each size's ledger to <dir>/<size> and resumes one found there;
// --only= picks scale rows too.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { describeMachine, formatTable, writeResults, type Figure, type RowOutcome } from './report';
import { RESULT_MARK, ROWS, SCALE_ROWS, sizeLabel, type Row, type RowContext } from './rows';
import { scaleChartSvg, type ScaleResults } from './scale-chart';

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

/** Runs one row in its child and turns the answer into a table row (afterExit applied). */
async function outcomeOf(row: Row, context: RowContext): Promise<RowOutcome> {
  const started = performance.now();
  process.stderr.write(`running ${row.id} ...\n`);
  const result = await runRow(row.id, context);
  let figures = result.figures;
  if (row.afterExit && result.peakRssMiB !== undefined && figures.every((f) => f.value !== null))
    figures = row.afterExit(figures, result.peakRssMiB, context);
  return {
    row: row.id,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    peakRssMiB: result.peakRssMiB,
    figures,
  };
}

const SCALE_SIZES: Record<string, number> = {
  '100k': 100_000,
  '1m': 1_000_000,
  '10m': 10_000_000,
};

/**
 * --scale: for each size, a fresh ledger from the generator (its ingest timed), then rebuild,
 * asOf, the trust audit report, the Merkle log, proofs and a bundle export over it. Results are
 * written after each row, so a long run that is stopped keeps what it measured.
 */
async function runScale(
  arg: string,
  root: string,
  existing?: { dir: string; events: number; prefixOf?: number },
  options: { keep?: boolean; only?: string[]; dir?: string } = {},
): Promise<void> {
  const names = arg.includes('=')
    ? arg.slice(arg.indexOf('=') + 1).split(',')
    : Object.keys(SCALE_SIZES);
  const sizes = existing
    ? [existing.events]
    : names.map((name) => {
        const n = SCALE_SIZES[name.toLowerCase()] ?? Number(name);
        if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`unknown scale size ${name}`);
        return n;
      });
  const jsonPath = join(root, 'bench', 'scale-results.json');
  const chartPath = join(root, 'docs', 'performance-scale.svg');
  // Each size's figures join the sizes already measured (earlier runs, a stopped run's
  // prefix), replacing a size measured again; each size says when, at which commit and load.
  const machine = describeMachine(root);
  const results: ScaleResults = existsSync(jsonPath)
    ? { ...(JSON.parse(readFileSync(jsonPath, 'utf8')) as ScaleResults), machine }
    : { machine, sizes: [] };
  for (const events of sizes) {
    console.log(`\n== scale: ${sizeLabel(events)} events`);
    const ledgerDir =
      existing?.dir ??
      (options.dir
        ? join(options.dir, sizeLabel(events))
        : mkdtempSync(join(tmpdir(), 'inr-bench-scale-')));
    mkdirSync(ledgerDir, { recursive: true });
    const run = {
      date: new Date().toISOString(),
      gitCommit: machine.gitCommit,
      loadAverage: [Math.round(loadavg()[0]! * 100) / 100],
    };
    const context: RowContext = { full: false, repoRoot: root, ledgerDir, events };
    const rows: RowOutcome[] = [];
    const prefixOf = existing?.prefixOf;
    // Written after each row: a long run stopped part-way keeps the rows it finished.
    const save = (): void => {
      run.loadAverage.push(Math.round(loadavg()[0]! * 100) / 100);
      results.sizes = [
        ...results.sizes.filter((s) => s.events !== events),
        { events, ...(prefixOf !== undefined && { prefixOf }), run, rows },
      ].sort((a, b) => a.events - b.events);
      mkdirSync(join(root, 'bench'), { recursive: true });
      writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(chartPath, scaleChartSvg(results));
    };
    try {
      for (const row of SCALE_ROWS.filter((r) => !options.only || options.only.includes(r.id))) {
        rows.push(await outcomeOf(row, context));
        save();
      }
    } finally {
      if (options.keep) console.log(`kept the ${sizeLabel(events)} ledger in ${ledgerDir}`);
      else if (!existing && !options.dir) rmSync(ledgerDir, { recursive: true, force: true });
    }
    console.log(formatTable(rows));
    console.log(`wrote ${jsonPath} and ${chartPath}`);
  }
}

/**
 * The national-scale figures (bench/scale-results.json, written by --scale, far too long for
 * this run) copied into results.json as they stand, each size with its own run date and commit.
 */
function latestScale(root: string): ScaleResults | undefined {
  const path = join(root, 'bench', 'scale-results.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ScaleResults) : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scale = args.find((a) => a === '--scale' || a.startsWith('--scale='));
  // --keep: leave each size's ledger in its temporary directory (to audit it, or measure again).
  const only = listFlag(args, 'only');
  const dir = args.find((a) => a.startsWith('--scale-dir='))?.slice('--scale-dir='.length);
  if (scale !== undefined)
    return runScale(scale, repoRoot(), undefined, { keep: args.includes('--keep'), only, dir });
  // --scale-ledger=<dir>: the scale rows over a ledger already written there, at its size.
  const held = args.find((a) => a.startsWith('--scale-ledger='))?.slice('--scale-ledger='.length);
  if (held !== undefined) {
    const db = new Database(join(held, 'events.sqlite'), { readonly: true, fileMustExist: true });
    const { n } = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events').get()!;
    db.close();
    // --prefix-of=<size>: the ledger is what a stopped run of that size had written.
    const prefixOf = listFlag(args, 'prefix-of')?.[0];
    const existing = {
      dir: held,
      events: n,
      ...(prefixOf !== undefined && {
        prefixOf: SCALE_SIZES[prefixOf.toLowerCase()] ?? Number(prefixOf),
      }),
    };
    return runScale('--scale', repoRoot(), existing, { only });
  }
  const full = args.includes('--full');
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
    const outcome = await outcomeOf(row, context);
    if (row.hidden && outcome.figures.length === 0) continue;
    outcomes.push(outcome);
  }

  if (ledgerDir) rmSync(ledgerDir, { recursive: true, force: true });
  console.log(formatTable(outcomes));
  mkdirSync(join(root, 'bench'), { recursive: true });
  const path = join(root, 'bench', 'results.json');
  writeResults(path, machine, full ? 'full' : 'quick', outcomes, latestScale(root));
  console.log(`\nwrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
