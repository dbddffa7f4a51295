// The chart of docs/performance.md: each --scale figure against the ledger size (100k, 1M,
// 10M), one small panel per figure, drawn as SVG from bench/scale-results.json.
// Regenerate: node dist/tests/bench/scale-chart.js bench/scale-results.json docs/performance-scale.svg
import { readFileSync, writeFileSync } from 'node:fs';
import type { Figure, Machine, RowOutcome } from './report';

export interface ScaleSize {
  events: number;
  /** The size the run aimed for, when it was stopped and this prefix of its ledger measured. */
  prefixOf?: number;
  /** When this size was measured, at which commit, and the 1-min load average at its start and after each row. */
  run?: { date: string; gitCommit: string | null; loadAverage: number[] };
  rows: RowOutcome[];
}

export interface ScaleResults {
  machine: Machine;
  sizes: ScaleSize[];
}

/** The panels: which figure (by title prefix, or a row's own peak RSS) and how to read its value. */
const PANELS: {
  title: string;
  match: string;
  unit: string;
  value?: (f: Figure, n: number) => number;
  /** The peak RSS of this row's process instead of a figure. */
  peakOfRow?: string;
}[] = [
  { title: 'ingest (events/s)', match: 'ingest events/s', unit: '/s' },
  { title: 'ingest CPU per event (µs)', match: 'ingest CPU per event', unit: 'µs' },
  { title: 'ingest peak RSS (MiB)', match: '', unit: 'MiB', peakOfRow: 'ingest' },
  {
    title: 'rebuild time (s)',
    match: 'projection rebuild events/s',
    unit: 's',
    value: (f, n) => n / (f.value ?? NaN),
  },
  {
    title: 'rebuild / raw read + parse',
    match: 'projection rebuild events/s',
    unit: '',
    value: (f) => f.ratio ?? NaN,
  },
  { title: 'rebuild peak RSS (MiB)', match: 'peak memory (RSS)', unit: 'MiB' },
  { title: 'inclusion proof p99 (ms)', match: 'inclusion proof p99', unit: 'ms' },
  { title: 'asOf status p99 (ms)', match: 'asOf status query', unit: 'ms' },
  { title: 'trust audit report p99 (ms)', match: "a year's audit for a trust", unit: 'ms' },
  { title: 'audit bundle export (ms)', match: 'trust audit bundle export', unit: 'ms' },
];

const W = 240;
const H = 150;
const PAD = { left: 46, right: 12, top: 26, bottom: 30 };

/** 100k, 1M, 2.35M: a ledger size as the figures name it. */
export function sizeLabel(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(2)}M` : `${Math.round(n / 1000)}k`;
}

/** A size as the chart names it: a stopped run's prefix says of what. */
function label(size: ScaleSize): string {
  return size.prefixOf === undefined
    ? sizeLabel(size.events)
    : `${sizeLabel(size.events)} of ${sizeLabel(size.prefixOf)}`;
}

function fmt(x: number): string {
  if (x >= 1000) return Math.round(x).toLocaleString('en-GB');
  if (x >= 10) return x.toFixed(0);
  return x.toPrecision(2);
}

function panel(results: ScaleResults, p: (typeof PANELS)[number], x0: number, y0: number): string {
  const points = results.sizes.flatMap((size) => {
    const f = size.rows.flatMap((r) => r.figures).find((g) => g.figure.startsWith(p.match));
    const v = p.peakOfRow
      ? (size.rows.find((r) => r.row === p.peakOfRow)?.peakRssMiB ?? NaN)
      : f && f.value !== null
        ? p.value
          ? p.value(f, size.events)
          : f.value
        : NaN;
    return Number.isFinite(v) ? [{ n: size.events, v, prefix: size.prefixOf !== undefined }] : [];
  });
  const out = [
    `<g transform="translate(${x0},${y0})">`,
    `<rect width="${W}" height="${H}" fill="#fff" stroke="#ccc"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="12" font-weight="bold">${p.title}</text>`,
  ];
  const sizes = results.sizes.map((s) => s.events);
  const lx = (n: number): number => Math.log10(n);
  const [minX, maxX] = [Math.min(...sizes.map(lx)), Math.max(...sizes.map(lx))];
  const maxV = Math.max(...points.map((q) => q.v), 0) * 1.15 || 1;
  const px = (n: number): number =>
    PAD.left + ((lx(n) - minX) / (maxX - minX || 1)) * (W - PAD.left - PAD.right);
  const py = (v: number): number => H - PAD.bottom - (v / maxV) * (H - PAD.top - PAD.bottom);
  out.push(
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#888"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#888"/>`,
    `<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end" font-size="9">${fmt(maxV)}</text>`,
    `<text x="${PAD.left - 4}" y="${H - PAD.bottom}" text-anchor="end" font-size="9">0</text>`,
  );
  for (const size of results.sizes)
    out.push(
      `<text x="${px(size.events)}" y="${H - PAD.bottom + 13}" text-anchor="middle" font-size="10">${label(size)}</text>`,
    );
  // The line joins whole runs only; a stopped run's prefix (another preset) is a hollow point.
  const whole = points.filter((q) => !q.prefix);
  if (whole.length > 1)
    out.push(
      `<polyline fill="none" stroke="#1f6fb2" stroke-width="2" points="${whole.map((q) => `${px(q.n).toFixed(1)},${py(q.v).toFixed(1)}`).join(' ')}"/>`,
    );
  for (const q of points)
    out.push(
      `<circle cx="${px(q.n).toFixed(1)}" cy="${py(q.v).toFixed(1)}" r="3" fill="${q.prefix ? '#fff' : '#1f6fb2'}" stroke="#1f6fb2"/>`,
      `<text x="${px(q.n).toFixed(1)}" y="${(py(q.v) - 6).toFixed(1)}" text-anchor="middle" font-size="9">${fmt(q.v)}</text>`,
    );
  if (points.length === 0)
    out.push(
      `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="10">not measured</text>`,
    );
  out.push('</g>');
  return out.join('\n');
}

/** The whole chart: a grid of panels, sizes missing from the results simply absent. */
export function scaleChartSvg(results: ScaleResults): string {
  const cols = 4;
  const rows = Math.ceil(PANELS.length / cols);
  const width = cols * (W + 10) + 10;
  const height = rows * (H + 10) + 40;
  const m = results.machine;
  const prefixes = results.sizes.some((size) => size.prefixOf !== undefined);
  const loads = results.sizes.flatMap((size) => size.run?.loadAverage ?? []);
  const load = loads.length
    ? `, load average ${fmt(Math.min(...loads))}–${fmt(Math.max(...loads))}`
    : '';
  const caption = `npm run bench -- --scale: ledger sizes ${results.sizes.map(label).join(', ')}${prefixes ? " (hollow: a stopped run's prefix)" : ''}; ${m.cpus} CPUs, node ${m.node}, ${m.date.slice(0, 10)}, ${m.gitCommit?.slice(0, 7) ?? ''}${load}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#f7f7f7"/>`,
    `<text x="10" y="20" font-size="12">${caption}</text>`,
    ...PANELS.map((p, i) =>
      panel(results, p, 10 + (i % cols) * (W + 10), 30 + Math.floor(i / cols) * (H + 10)),
    ),
    '</svg>',
    '',
  ].join('\n');
}

if (require.main === module) {
  const [input = 'bench/scale-results.json', output = 'docs/performance-scale.svg'] =
    process.argv.slice(2);
  writeFileSync(output, scaleChartSvg(JSON.parse(readFileSync(input, 'utf8')) as ScaleResults));
  console.log(`wrote ${output}`);
}
