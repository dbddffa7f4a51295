import type { Command } from 'commander';

export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('Write the OpenAPI document of the HTTP API (the committed openapi.json)')
    .option('-o, --out <file>', 'where to write it', 'openapi.json')
    .addHelpText(
      'after',
      `
CI fails when the committed openapi.json and the code disagree; run this (or
\`npm run openapi\`) after changing a route or a DTO.

Examples:
  inr-ledger openapi
  inr-ledger openapi -o /tmp/openapi.json`,
    )
    .action(async (opts: { out: string }) => {
      const { writeOpenApi } = await import('@inr/ledger-api');
      const path = await writeOpenApi(opts.out);
      process.stdout.write(`wrote ${path}\n`);
    });
}
