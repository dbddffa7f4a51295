// The benchmark's output: one table (figure | value | baseline (same run) | ratio | target |
// met?) on stdout and bench/results.json with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One line of the table. `value: null` means not measured, and `note` says why. */
export interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  baseline?: { label: string; value: number; unit: string };
  /** value / baseline, when the target is a ratio. */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface RowOutcome {
  row: string;
  seconds: number;
  /** Peak resident set size of the child process that measured the row. */
  peakRssMiB?: number;
  figures: Figure[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  gitCommit: string | null;
}

export function describeMachine(repoRoot: string): Machine {
  let gitCommit: string | null = null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    gitCommit = null; // no commit yet, or not a git checkout
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    gitCommit,
  };
}

export function formatNumber(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return unit ? `${text} ${unit}` : text;
}

export function formatTable(outcomes: RowOutcome[]): string {
  const header = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', 'met?'];
  const lines = outcomes.flatMap((o) =>
    o.figures.map((f) => [
      f.figure,
      f.value === null
        ? `not measured (${f.note ?? 'no reason given'})`
        : formatNumber(f.value, f.unit),
      f.baseline ? `${f.baseline.label}: ${formatNumber(f.baseline.value, f.baseline.unit)}` : '—',
      f.ratio === undefined ? '—' : f.ratio.toFixed(2),
      f.target ?? '—',
      f.met === undefined ? '—' : f.met ? 'yes' : 'NO',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

/** Written to a temporary name first, so a crash never leaves half a results file. */
export function writeResults(
  path: string,
  machine: Machine,
  mode: string,
  outcomes: RowOutcome[],
  /** `npm run bench -- --scale`'s latest figures, copied in as they stand (not this run's). */
  scale?: unknown,
): void {
  const tmp = `${path}.tmp`;
  const results = { machine, mode, rows: outcomes, ...(scale !== undefined && { scale }) };
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, path);
}
