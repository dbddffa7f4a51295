import PDFDocument from 'pdfkit';
import type { Logbook } from '@inr/projections';

const ROLE_TEXT: Record<string, string> = {
  observer: 'observer',
  assistant: 'assistant',
  'primary-supervised': 'primary (supervised)',
  'primary-independent': 'primary (independent)',
};

/**
 * A printable summary of a logbook for another college or an appraisal: totals by procedure
 * and operator role, then one line per case. Standard fonts only (nothing embedded) and
 * uncompressed content, so the file is small and its text can be searched and checked.
 */
export function logbookPdf(logbook: Logbook, generatedOn: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    compress: false,
    info: {
      Title: `Logbook of ${logbook.traineeId}`,
      Subject: `${logbook.summary.cases} cases, ledger size ${logbook.ledgerSize}`,
      Creator: 'inr-ledger',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { summary } = logbook;
  doc.font('Helvetica-Bold').fontSize(16).text(`Logbook: ${logbook.traineeId}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Generated ${generatedOn} from the ledger at size ${logbook.ledgerSize}.`)
    .moveDown();
  doc.font('Helvetica-Bold').fontSize(11).text(`Cases logged: ${summary.cases}`);
  doc.font('Helvetica').fontSize(10).text(`Signed off by a supervisor: ${summary.signedOff}`);
  for (const [procedure, n] of Object.entries(summary.byProcedure))
    doc.text(`${procedure}: ${n}`, { indent: 12 });
  for (const [role, n] of Object.entries(summary.byOperatorRole))
    doc.text(`as ${ROLE_TEXT[role] ?? role}: ${n}`, { indent: 12 });
  doc.moveDown().font('Helvetica-Bold').text('Cases');
  doc.font('Courier').fontSize(7.5);
  doc.text(
    'date        procedure                 role                    lvl supervisor    sign-off',
  );
  for (const e of logbook.entries) {
    doc.text(
      [
        e.performedOn.padEnd(11),
        e.procedure.padEnd(25),
        (ROLE_TEXT[e.operatorRole] ?? e.operatorRole).padEnd(23),
        String(e.supervisionLevel).padEnd(3),
        (e.supervisorId ?? '-').slice(0, 13).padEnd(13),
        e.signOff === 'signed-off' ? `signed ${e.signedOn ?? ''}` : e.signOff,
      ].join(' '),
    );
  }
  doc.end();
  return done;
}
