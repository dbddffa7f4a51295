import type { Command } from 'commander';

export function registerSecurityDocCommand(program: Command): void {
  program
    .command('security-doc')
    .description(
      "Regenerate the policy table in docs/security.md from the code's routes and policy",
    )
    .option('-o, --out <file>', 'the document to update', 'docs/security.md')
    .addHelpText(
      'after',
      `
Rewrites only the section between the "BEGIN GENERATED" and "END GENERATED" markers;
the threat model around it is written by hand. A test fails when the committed section
and the code disagree: run this after adding a route or changing the POLICY table.

Examples:
  inr-ledger security-doc`,
    )
    .action(async (opts: { out: string }) => {
      const { writeSecurityDoc } = await import('@inr/ledger-api');
      const path = await writeSecurityDoc(opts.out);
      process.stdout.write(`wrote ${path}\n`);
    });
}
