import type { Command } from 'commander';
import { EXIT } from '../exit-codes';
import { ProgressBar, formatCount } from '../ui/progress-bar';
import { dataDirOption, ledgerConfig } from './data-dir';

/** The actor an erasure by this command is recorded under (role data-protection). */
const RETENTION_ACTOR = 'retention';

export function registerRetentionCommand(program: Command): void {
  program
    .command('retention')
    .description('Report (and with --erase, erase) personal data past its retention rule')
    .option('--erase', 'erase each person listed, as the data-protection role would')
    .option('--reason <text>', 'the reason recorded with each erasure (with --erase)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Reads the whole ledger (with progress), finds each trainee and supervisor whose last recorded
event is older than LEDGER_RETENTION_TRAINEE_YEARS / LEDGER_RETENTION_SUPERVISOR_YEARS (0: kept)
and whose data key is still held, and lists them with the day they fell due. With --erase each
is erased as POST /v1/subjects/{id}/erasures would: SubjectDataErased recorded (actor
'${RETENTION_ACTOR}', role data-protection, the --reason given), then the key destroyed. It also
destroys the key of any erasure a crash left half done. Exit 0; 2 for --erase without --reason.
See docs/privacy.md §6.

Examples:
  inr-ledger retention
  LEDGER_RETENTION_TRAINEE_YEARS=6 inr-ledger retention --erase --reason "Retention: 6 years after leaving"`,
    )
    .action(async (opts: { dataDir?: string; erase?: boolean; reason?: string }) => {
      if (opts.erase && !opts.reason?.trim()) {
        process.stderr.write('--erase needs --reason: the erasure records why\n');
        process.exitCode = EXIT.usage;
        return;
      }
      const config = ledgerConfig(opts.dataDir);
      const { openEventStore } = await import('@inr/event-store');
      const { openPersonalDataKeys, recordErasure, retentionReport } = await import('@inr/ledger');
      const store = await openEventStore(config.store);
      const keys = await openPersonalDataKeys(config.store, config.dataDir);
      const today = new Date().toISOString().slice(0, 10);
      const bar = new ProgressBar('reading the ledger');
      try {
        const report = await retentionReport(store, keys, config.retention, today, (d, t) =>
          bar.update(d, t),
        );
        bar.finish(report.eventsRead);
        const { traineeYears, supervisorYears } = config.retention;
        process.stdout.write(
          `rules: trainee ${traineeYears || 'kept'}${traineeYears ? ' years' : ''}, supervisor ${supervisorYears || 'kept'}${supervisorYears ? ' years' : ''}\n` +
            `${formatCount(report.due.length)} past retention\n`,
        );
        for (const d of report.due)
          process.stdout.write(
            `  ${d.kind.padEnd(10)} ${d.subjectId}  last activity ${d.lastActivity}, due ${d.dueOn}\n`,
          );
        for (const u of report.unfinished) {
          keys.erase(u.subjectId, u.erasedOn);
          process.stdout.write(`finished the erasure of ${u.subjectId} (recorded ${u.erasedOn})\n`);
        }
        if (!opts.erase) return;
        const actor = {
          role: 'data-protection' as const,
          subject: RETENTION_ACTOR,
          institutionId: config.institution,
        };
        let done = 0;
        const eraseBar = new ProgressBar('erasing');
        for (const d of report.due) {
          const command = {
            type: 'EraseSubject' as const,
            subjectId: d.subjectId,
            reason: opts.reason as string,
          };
          const outcome = await recordErasure(store, keys, command, actor, today);
          if (!outcome.erased)
            process.stdout.write(`  ${d.subjectId}: not erased (${outcome.code})\n`);
          eraseBar.update(++done, report.due.length);
        }
        eraseBar.finish(done);
        process.stdout.write(`erased ${formatCount(done)} people's personal data\n`);
      } finally {
        keys.close();
        await store.close();
      }
    });
}
