// Child-process entry: runs one row and prints its figures as one marked JSON line, with the
// process's peak RSS (resourceUsage().maxRSS, KiB on Linux) measured after the work.
import { RESULT_MARK, ROWS, SCALE_ROWS, type RowContext } from './rows';

async function main(): Promise<void> {
  const [id, contextJson] = process.argv.slice(2);
  const row = [...ROWS, ...SCALE_ROWS].find((r) => r.id === id);
  if (!row || !contextJson)
    throw new Error(`usage: row-runner <${ROWS.map((r) => r.id).join('|')}> <context json>`);
  const context = JSON.parse(contextJson) as RowContext;
  const figures = await row.run(context);
  const peakRssMiB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify({ figures, peakRssMiB })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
